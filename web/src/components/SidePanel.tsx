import * as Dialog from "@radix-ui/react-dialog";
import { useRef, type ReactNode } from "react";

interface SidePanelProps {
  readonly open: boolean;
  readonly onClose: () => void;
  /** The panel's frame (position, width, layer): `side-panel`, `import-panel`. */
  readonly className: string;
  readonly children: ReactNode;
}

/**
 * An off-canvas panel beside the page (the account panel, the import panel): a non-modal Radix
 * Dialog, so focus moves into it on open and the page stays usable beside it. Clicks outside (the
 * list, a panel over it, toasts) do not close it; Escape closes it unless pressed in a control of
 * the page beside it (closing a filter menu belongs to that menu, not to the panel).
 */
export function SidePanel({ open, onClose, className, children }: SidePanelProps) {
  const contentRef = useRef<HTMLDivElement>(null);
  return (
    <Dialog.Root modal={false} open={open} onOpenChange={(next) => (next ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Content
          ref={contentRef}
          className={className}
          aria-describedby={undefined}
          onInteractOutside={(event) => event.preventDefault()}
          onEscapeKeyDown={(event) => {
            const target = event.target;
            if (target instanceof Node && target !== document.body && !contentRef.current?.contains(target)) {
              event.preventDefault();
            }
          }}
        >
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

interface PanelTitleBarProps {
  readonly title: ReactNode;
  /** The close button's accessible name. */
  readonly closeLabel: string;
}

/** A dialog's or panel's title with its close button (× named by closeLabel); styled in styles.css. */
export function PanelTitleBar({ title, closeLabel }: PanelTitleBarProps) {
  return (
    <div className="side-panel__titlebar">
      <Dialog.Title className="side-panel__title">{title}</Dialog.Title>
      <Dialog.Close className="side-panel__close" aria-label={closeLabel}>
        ×
      </Dialog.Close>
    </div>
  );
}

interface ButtonModalProps {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  /** The page's button that opens it. */
  readonly trigger: ReactNode;
  readonly title: string;
  readonly description: string;
  /** The frame's class (its width and place); the overlay's is `<className>__overlay`. */
  readonly className: string;
  readonly closeLabel: string;
  readonly children: ReactNode;
}

/**
 * A modal opened by a button of the page (Add prospect, Import CSV): focus trapped inside, the
 * title bar with its close button, a description, then the content.
 */
export function ButtonModal({ open, onOpenChange, trigger, title, description, className, closeLabel, children }: ButtonModalProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className={`${className}__overlay`} />
        <Dialog.Content className={className}>
          <PanelTitleBar title={title} closeLabel={closeLabel} />
          <Dialog.Description className="side-panel__subtitle">{description}</Dialog.Description>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
