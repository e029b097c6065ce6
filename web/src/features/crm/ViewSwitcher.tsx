import { useT } from "../../lib/i18n";
import { crmMessages } from "./messages";
import { crmViews, type CrmViewDefinition } from "./views";

interface ViewSwitcherProps {
  readonly active: CrmViewDefinition;
  readonly onChange: (key: CrmViewDefinition["key"]) => void;
}

/** One toggle button per registered view; the pressed one is mounted below. */
export function ViewSwitcher({ active, onChange }: ViewSwitcherProps) {
  const t = useT(crmMessages);
  return (
    <div className="view-switcher" role="group" aria-label={t.views.label}>
      {crmViews.map((view) => (
        <button
          key={view.key}
          type="button"
          aria-pressed={view.key === active.key}
          className="view-switcher__button"
          onClick={() => onChange(view.key)}
          // About to switch: start downloading the view's chunk.
          onPointerEnter={view.preload}
          onFocus={view.preload}
        >
          {t.views[view.key]}
        </button>
      ))}
    </div>
  );
}
