import { Form, Formik, type FormikHelpers } from "formik";
import { useMemo, useState } from "react";

import { SelectField, TextField } from "../../components/form/FormField";
import { errorCodeOf, fieldErrorsOf } from "../../lib/errors";
import { useT } from "../../lib/i18n";
import { localizeFieldErrors } from "../../lib/localizeFieldErrors";
import { useErrorMessage } from "../../lib/useErrorMessage";
import type { Catalogs } from "../catalogs/useCatalogs";
import { addProspectSchema, emptyProspect, toCreateProspectInput, type AddProspectValues } from "./addProspectSchema";
import { duplicatesOf, type DuplicateMatch } from "./duplicates";
import { DuplicateWarning } from "./DuplicateWarning";
import { prospectMessages } from "./messages";
import { PhoneCodeFollowsLocale } from "./PhoneCodeFollowsLocale";

export type CreateProspectInputValues = ReturnType<typeof toCreateProspectInput>;

interface AddProspectFormProps {
  readonly catalogs: Catalogs;
  /** Partner prospects need crm-partners: without it the kind choice is not offered. */
  readonly canCreatePartners: boolean;
  /**
   * The executives the prospect can be assigned to, with the one preselected (the viewer); null
   * hides the picker (it needs crm-edit-salesman-prospect) and the creator becomes the executive.
   */
  readonly executives?: { readonly options: ReadonlyArray<{ readonly id: string; readonly name: string }>; readonly defaultId: string } | null;
  /** Creates the prospect; resolves with its id, rejects with the server's error. */
  readonly create: (input: CreateProspectInputValues) => Promise<{ id: string; name: string }>;
  readonly onCreated: (account: { id: string; name: string }) => void;
  readonly onOpenExisting: (accountId: string) => void;
}

/**
 * The new prospect's fields. A duplicate (same email, phone or company) comes back as CONFLICT:
 * the form shows the existing account with a link, and "add anyway" sends it again with
 * allowDuplicate.
 */
export function AddProspectForm({ catalogs, canCreatePartners, executives = null, create, onCreated, onOpenExisting }: AddProspectFormProps) {
  const t = useT(prospectMessages);
  const toMessage = useErrorMessage();
  const [duplicates, setDuplicates] = useState<DuplicateMatch[] | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const schema = useMemo(() => addProspectSchema(catalogs.locales, t.rules), [catalogs.locales, t.rules]);
  const defaultExecutive = executives?.defaultId ?? "";
  const initialValues = useMemo(
    () => emptyProspect(catalogs.locales, catalogs.followUpStatuses[0]?.id, defaultExecutive),
    [catalogs, defaultExecutive],
  );

  async function send(values: AddProspectValues, helpers: Pick<FormikHelpers<AddProspectValues>, "setErrors">, allowDuplicate: boolean) {
    setFormError(null);
    try {
      const account = await create(toCreateProspectInput(values, allowDuplicate));
      setDuplicates(null);
      onCreated(account);
    } catch (error) {
      const found = errorCodeOf(error) === "CONFLICT" ? duplicatesOf(error) : null;
      if (found) {
        setDuplicates(found);
        return;
      }
      helpers.setErrors(localizeFieldErrors(fieldErrorsOf(error), t.rules));
      setFormError(toMessage(error));
    }
  }

  const option = (value: number | string, label: string) => ({ value: String(value), label });
  const f = t.fields;
  return (
    <Formik initialValues={initialValues} validationSchema={schema} onSubmit={(values, helpers) => send(values, helpers, false)}>
      {({ isSubmitting, values, setErrors, setSubmitting }) => (
        <Form aria-label={t.title} noValidate className="add-prospect-form">
          <PhoneCodeFollowsLocale locales={catalogs.locales} />
          {canCreatePartners ? (
            <SelectField name="type" label={t.kind} options={(["PROSPECT", "PARTNER_PROSPECT"] as const).map((kind) => option(kind, t.kinds[kind]))} />
          ) : null}
          <TextField name="name" label={f.name} autoFocus autoComplete="off" />
          <TextField name="companyName" label={f.companyName} autoComplete="off" />
          <TextField name="email" label={f.email} type="email" autoComplete="off" />
          <SelectField name="localeId" label={f.localeId} options={catalogs.locales.map((l) => option(l.id, l.name))} />
          <div className="form-row">
            <TextField name="phoneCode" label={f.phoneCode} inputMode="numeric" className="input--short" />
            <TextField name="phone" label={f.phone} type="tel" autoComplete="off" />
          </div>
          <SelectField name="followUpStatusId" label={f.followUpStatusId} options={catalogs.followUpStatuses.map((s) => option(s.id, s.name))} />
          <div className="form-row">
            <SelectField
              name="monthlyShipmentId"
              label={f.monthlyShipmentId}
              placeholder={t.choose}
              options={catalogs.monthlyShipmentRanges.map((r) => option(r.id, r.name))}
            />
            <SelectField name="channel" label={f.channel} placeholder={t.choose} options={catalogs.channels.map((c) => option(c.key, c.name))} />
          </div>
          {executives ? (
            <SelectField name="salesmanId" label={f.salesmanId} options={executives.options.map((s) => option(s.id, s.name))} />
          ) : null}
          {formError ? <p role="alert" className="form-error">{formError}</p> : null}
          {duplicates ? (
            <DuplicateWarning
              matches={duplicates}
              submitting={isSubmitting}
              onOpen={onOpenExisting}
              onAddAnyway={() => {
                setSubmitting(true);
                void send(values, { setErrors }, true).finally(() => setSubmitting(false));
              }}
            />
          ) : null}
          <div className="form-actions">
            <button type="submit" disabled={isSubmitting}>
              {isSubmitting ? t.submitting : t.submit}
            </button>
          </div>
        </Form>
      )}
    </Formik>
  );
}
