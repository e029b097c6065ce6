import { Field, Form, Formik } from "formik";
import { useMemo } from "react";

import type { LocationCard_LocationFragment } from "../../../__generated__/graphql";
import { SelectField, TextField } from "../../../components/form/FormField";
import { useToast } from "../../../components/Toast";
import { useT } from "../../../lib/i18n";
import { commonMessages } from "../../../lib/messages";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { prospectMessages } from "../../add-prospect/messages";
import { submitToServer } from "../formErrors";
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
  const common = useT(commonMessages);
  const toast = useToast();
  const toMessage = useErrorMessage();
  const schema = useMemo(() => locationSchema(p.rules, t), [p.rules, t]);
  const f = t.fields;
  return (
    <Formik
      initialValues={locationValuesOf(location)}
      validationSchema={schema}
      onSubmit={async (values, helpers) => {
        const ok = await submitToServer(helpers, () => onSubmit(values), (error) => toast.error(toMessage(error)), p.rules);
        if (ok) {
          toast.success(location ? t.updated : t.added);
          onDone();
        }
      }}
    >
      {({ isSubmitting }) => (
        <Form aria-label={location ? t.edit : t.add} noValidate className="card-form">
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
          <div className="form-actions">
            <button type="submit" disabled={isSubmitting}>
              {isSubmitting ? common.saving : common.save}
            </button>
            <button type="button" onClick={onDone}>
              {common.cancel}
            </button>
          </div>
        </Form>
      )}
    </Formik>
  );
}
