import { Field } from "formik";

import { useT } from "../../../lib/i18n";
import { userMessages } from "./messages";
import { crmRoles } from "./permissionKeys";

/** The CRM role radios (none, SDR, MDR) bound to the form's `role` value. */
export function RoleFieldset({ legend }: { legend: string }) {
  const t = useT(userMessages);
  return (
    <fieldset>
      <legend>{legend}</legend>
      <label>
        <Field type="radio" name="role" value="" />
        {t.noRole}
      </label>
      {crmRoles.map((key) => (
        <label key={key}>
          <Field type="radio" name="role" value={key} />
          {t.roles[key]}
        </label>
      ))}
    </fieldset>
  );
}

interface KeyFieldsetProps<K extends string> {
  readonly legend: string;
  /** The form value (a string array) the checked keys go to. */
  readonly name: string;
  readonly keys: readonly K[];
  readonly labels: Readonly<Record<K, string>>;
}

/** One checkbox per permission key, bound to a string-array form value. */
export function KeyFieldset<K extends string>({ legend, name, keys, labels }: KeyFieldsetProps<K>) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {keys.map((key) => (
        <label key={key}>
          <Field type="checkbox" name={name} value={key} />
          {labels[key]}
        </label>
      ))}
    </fieldset>
  );
}
