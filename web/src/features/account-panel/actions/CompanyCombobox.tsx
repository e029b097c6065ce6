import { useId, useState, type KeyboardEvent } from "react";

import { useT } from "../../../lib/i18n";
import { actionsMessages } from "./messages";
import { useCompanySearch, type CompanyOption } from "./useCompanySearch";

interface CompanyComboboxProps {
  readonly label: string;
  /** The text to search with at first (e.g. the prospect's company name). */
  readonly initialText: string;
  readonly selected: CompanyOption | null;
  readonly onSelect: (company: CompanyOption | null) => void;
  readonly error?: string;
}

const optionLabel = (company: CompanyOption) => (company.taxId ? `${company.name} · ${company.taxId}` : company.name);

/**
 * An ARIA 1.2 combobox over the `companies` search: typing filters (debounced), ↑/↓ move through
 * the list, Enter chooses, Escape closes. Typing again after a choice clears it.
 */
export function CompanyCombobox({ label, initialText, selected, onSelect, error }: CompanyComboboxProps) {
  const t = useT(actionsMessages);
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(selected?.name ?? initialText);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const { companies, totalCount, loading } = useCompanySearch(text, true);
  const expanded = open && companies.length > 0;
  const optionId = (index: number) => `${id}-option-${index}`;

  const choose = (company: CompanyOption) => {
    onSelect(company);
    setText(company.name);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (companies.length === 0 ? -1 : (current + step + companies.length) % companies.length));
    } else if (event.key === "Enter" && open && active >= 0 && companies[active]) {
      event.preventDefault();
      choose(companies[active]);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  const status = loading
    ? t.searching
    : companies.length === 0
      ? t.noCompanies(text.trim())
      : totalCount > companies.length
        ? t.moreCompanies(companies.length, totalCount)
        : "";
  const describedBy = [error ? `${id}-error` : null, `${id}-status`].filter(Boolean).join(" ");

  return (
    <div className={`form-field combobox${error ? " form-field--invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        placeholder={t.companyHint}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
          if (selected) {
            onSelect(null);
          }
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={t.companies} className="combobox__list" hidden={!expanded}>
        {companies.map((company, index) => (
          <li
            key={company.id}
            id={optionId(index)}
            role="option"
            aria-selected={selected?.id === company.id}
            className={`combobox__option${index === active ? " combobox__option--active" : ""}`}
            // mousedown, not click: the input's blur would close the list first.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(company);
            }}
          >
            {optionLabel(company)}
          </li>
        ))}
      </ul>
      <small id={`${id}-status`} className="form-field__hint" aria-live="polite">
        {selected ? t.chosen(optionLabel(selected)) : status}
      </small>
      {error ? (
        <small id={`${id}-error`} className="form-field__error" role="alert">
          {error}
        </small>
      ) : null}
    </div>
  );
}
