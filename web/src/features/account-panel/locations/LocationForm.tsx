import { Field } from "formik";
import { useMemo } from "react";

import type { LocationCard_LocationFragment } from "../../../__generated__/graphql";
import { SelectField, TextField } from "../../../components/form/FormField";
import { useT } from "../../../lib/i18n";
import { prospectMessages } from "../../add-prospect/messages";
import { CardForm } from "../CardForm";
import { locationKinds, locationSchema, locationValuesOf, type LocationValues } from "./locationSchema";
import { locationsMessages } from "./messages";

interface LocationFormProps {
  readonly location: LocationCard_LocationFragment | null;
  readonly onSubmit: (values: LocationValues) => Promise<void>;
  readonly onDone: () => void;
}

/** Adds or edits one address (Mexican fields: exterior/interior number, colonia, 5-digit postal code). */
export function LocationForm({ location, onSubmit, onDone }: LocationFormProps) {
  const t = useT(locationsMessages);
  const p = useT(prospectMessages);
  const schema = useMemo(() => locationSchema(p.rules, t), [p.rules, t]);
  const f = t.fields;
  return (
    <CardForm
      label={location ? t.edit : t.add}
      initialValues={locationValuesOf(location)}
      schema={schema}
      ruleMessages={p.rules}
      onSubmit={onSubmit}
      savedText={location ? t.updated : t.added}
      onDone={onDone}
    >
      <div className="form-row">
        <SelectField name="kind" label={f.kind} options={locationKinds.map((kind) => ({ value: kind, label: t.kinds[kind] }))} />
        <TextField name="name" label={f.name} />
      </div>
      <TextField name="street" label={f.street} autoFocus />
      <div className="form-row">
        <TextField name="exteriorNumber" label={f.exteriorNumber} />
        <TextField name="interiorNumber" label={f.interiorNumber} />
      </div>
      <TextField name="neighborhood" label={f.neighborhood} />
      <div className="form-row">
        <TextField name="city" label={f.city} />
        <TextField name="state" label={f.state} />
      </div>
      <div className="form-row">
        <TextField name="postalCode" label={f.postalCode} inputMode="numeric" />
        <TextField name="country" label={f.country} maxLength={2} className="input--short" />
      </div>
      <label className="checkbox">
        <Field type="checkbox" name="isPrimary" /> {f.isPrimary}
      </label>
    </CardForm>
  );
}
