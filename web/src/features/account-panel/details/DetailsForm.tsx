import { Form, Formik, useFormikContext, type FormikHelpers } from "formik";
import { useEffect, useMemo, useRef, useState } from "react";

import type { DetailsTab_AccountFragment } from "../../../__generated__/graphql";
import { SelectField, TextAreaField, TextField } from "../../../components/form/FormField";
import { useToast } from "../../../components/Toast";
import { errorCodeOf, fieldErrorsOf } from "../../../lib/errors";
import { useT } from "../../../lib/i18n";
import { localizeFieldErrors } from "../../../lib/localizeFieldErrors";
import { commonMessages } from "../../../lib/messages";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { accountSizes } from "../../accounts/enums";
import { DuplicateWarning } from "../../add-prospect/DuplicateWarning";
import { duplicatesOf, type DuplicateMatch } from "../../add-prospect/duplicates";
import { prospectMessages } from "../../add-prospect/messages";
import { PhoneCodeFollowsLocale } from "../../add-prospect/PhoneCodeFollowsLocale";
import type { Catalogs } from "../../catalogs/useCatalogs";
import { panelMessages } from "../messages";
import { usePanelUrl } from "../usePanelUrl";
import { detailsFieldErrors, detailsSchema, detailsValuesOf, type DetailsValues } from "./detailsSchema";

interface DetailsFormProps {
  readonly account: DetailsTab_AccountFragment;
  readonly catalogs: Catalogs;
  /** Saves the values with the version of `read` (`allowDuplicate` after "save anyway"); rejects with the server's error. */
  readonly save: (values: DetailsValues, allowDuplicate: boolean, read: DetailsTab_AccountFragment) => Promise<void>;
  /** Re-reads the account (after a CONFLICT). */
  readonly reload: () => Promise<void>;
}

/**
 * Contact details and follow-up data in one form, saved with the version that was read: when a
 * colleague saved first the server answers CONFLICT and the form says so instead of overwriting.
 * While the user edits, the form keeps the account as it was when they began: a colleague's change
 * arriving live (the cache refreshes the account) neither wipes what they typed nor lends the save
 * the newer version.
 */
export function DetailsForm({ account, catalogs, save, reload }: DetailsFormProps) {
  const t = useT(panelMessages);
  const p = useT(prospectMessages);
  const common = useT(commonMessages);
  const toast = useToast();
  const toMessage = useErrorMessage();
  const [conflict, setConflict] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  // A changed email, phone or company another account has: the server names it; "save anyway" resends.
  const [duplicates, setDuplicates] = useState<DuplicateMatch[] | null>(null);
  const allowDuplicate = useRef(false);
  const panel = usePanelUrl();
  const schema = useMemo(() => detailsSchema(catalogs.locales, p.rules), [catalogs.locales, p.rules]);
  // The account the edit started from, while the form is dirty; the live account otherwise.
  const [editedAccount, setEditedAccount] = useState<DetailsTab_AccountFragment | null>(null);
  const base = editedAccount ?? account;
  const initialValues = useMemo(() => detailsValuesOf(base), [base]);
  const d = t.details;

  async function submit(values: DetailsValues, helpers: FormikHelpers<DetailsValues>) {
    const anyway = allowDuplicate.current;
    allowDuplicate.current = false;
    setFormError(null);
    setConflict(false);
    setDuplicates(null);
    try {
      await save(values, anyway, base);
      setEditedAccount(null);
      toast.success(d.saved);
    } catch (error) {
      const code = errorCodeOf(error);
      if (code === "CONFLICT") {
        const matches = duplicatesOf(error);
        if (matches) {
          setDuplicates(matches);
        } else {
          setConflict(true);
        }
        return;
      }
      const fields = detailsFieldErrors(localizeFieldErrors(fieldErrorsOf(error), p.rules));
      helpers.setErrors(fields);
      setFormError(toMessage(error));
    }
  }

  const option = (id: number | string, name: string) => ({ value: String(id), label: name });
  return (
    <Formik initialValues={initialValues} validationSchema={schema} onSubmit={submit} enableReinitialize>
      {({ isSubmitting, dirty, resetForm, submitForm }) => (
        <Form className="details-form" aria-label={t.tabs.details} noValidate>
          <PhoneCodeFollowsLocale locales={catalogs.locales} />
          <HoldWhileDirty account={account} onChange={setEditedAccount} />
          {conflict ? (
            <div role="alert" className="form-error form-error--conflict">
              <p>{d.conflict}</p>
              <button
                type="button"
                onClick={() => {
                  void reload().then(() => {
                    setConflict(false);
                    setEditedAccount(null);
                  });
                }}
              >
                {d.reload}
              </button>
            </div>
          ) : null}
          {duplicates ? (
            <DuplicateWarning
              matches={duplicates}
              onOpen={panel.open}
              anywayLabel={d.saveAnyway}
              onAddAnyway={() => {
                allowDuplicate.current = true;
                void submitForm();
              }}
              submitting={isSubmitting}
            />
          ) : null}
          {formError ? <p role="alert" className="form-error">{formError}</p> : null}
          <fieldset>
            <legend>{d.contactSection}</legend>
            <TextField name="name" label={p.fields.name} autoComplete="off" />
            <TextField name="companyName" label={p.fields.companyName} autoComplete="off" />
            <TextField name="email" label={p.fields.email} type="email" autoComplete="off" />
            <SelectField name="localeId" label={p.fields.localeId} options={catalogs.locales.map((l) => option(l.id, l.name))} />
            <div className="form-row">
              <TextField name="phoneCode" label={p.fields.phoneCode} inputMode="numeric" className="input--short" />
              <TextField name="phone" label={p.fields.phone} type="tel" autoComplete="off" />
            </div>
          </fieldset>
          <fieldset>
            <legend>{d.followUpSection}</legend>
            <SelectField name="channel" label={d.channel} placeholder={common.none} options={catalogs.channels.map((c) => option(c.key, c.name))} />
            <div className="form-row">
              <TextField name="accountValue" label={d.accountValue} inputMode="decimal" />
              <TextField name="monthlyShipments" label={d.monthlyShipments} inputMode="numeric" />
            </div>
            <SelectField name="ecommerceTypeId" label={d.ecommerceType} placeholder={common.none} options={catalogs.ecommerceTypes.map((e) => option(e.id, e.name))} />
            <div className="form-row">
              <SelectField name="weightId" label={d.weight} placeholder={common.none} options={catalogs.weightRanges.map((w) => option(w.id, w.name))} />
              <SelectField name="contentId" label={d.content} placeholder={common.none} options={catalogs.contentTypes.map((c) => option(c.id, c.name))} />
            </div>
            <div className="form-row">
              <SelectField name="accountSize" label={d.accountSize} placeholder={common.none} options={accountSizes.map((size) => option(size, d.accountSizes[size]))} />
              <TextField name="estimatedCloseDate" label={d.estimatedCloseDate} type="date" />
            </div>
            <TextAreaField name="annotations" label={d.annotations} rows={3} />
          </fieldset>
          <div className="form-actions">
            <button type="submit" disabled={isSubmitting || !dirty}>
              {isSubmitting ? common.saving : common.save}
            </button>
            <button type="button" disabled={isSubmitting || !dirty} onClick={() => resetForm()}>
              {d.reset}
            </button>
          </div>
          <p className="form-footnote">{d.createdBy(account.createdBy.name)}</p>
        </Form>
      )}
    </Formik>
  );
}

/** Freezes the account the edit started from on the first change, releases it when the form is clean again. */
function HoldWhileDirty({ account, onChange }: { account: DetailsTab_AccountFragment; onChange: (held: DetailsTab_AccountFragment | null) => void }) {
  const { dirty } = useFormikContext<DetailsValues>();
  const latest = useRef(account);
  latest.current = account;
  useEffect(() => {
    onChange(dirty ? latest.current : null);
  }, [dirty, onChange]);
  return null;
}
