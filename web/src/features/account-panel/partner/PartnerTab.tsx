import { useMutation, useQuery } from "@apollo/client/react";
import { Form, Formik } from "formik";
import { useMemo, useState } from "react";
import * as yup from "yup";

import { AccountPartnerDataDocument, UpsertPartnerDataDocument } from "../../../__generated__/graphql";
import { SelectField, TextAreaField, TextField } from "../../../components/form/FormField";
import { useToast } from "../../../components/Toast";
import { errorCodeOf } from "../../../lib/errors";
import { useT } from "../../../lib/i18n";
import { commonMessages } from "../../../lib/messages";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { prospectMessages } from "../../add-prospect/messages";
import { submitToServer } from "../formErrors";
import { panelMessages } from "../messages";
import { partnerMessages } from "./messages";

interface PartnerValues {
  url: string;
  rating: string;
  socialNetwork: string;
  comments: string;
}

/** Partner data of a partner prospect (tab shown only with crm-partners); saved with the account's version. */
export function PartnerTab({ accountId }: { accountId: string }) {
  const t = useT(partnerMessages);
  const { rules } = useT(prospectMessages);
  const panelT = useT(panelMessages);
  const common = useT(commonMessages);
  const toast = useToast();
  const toMessage = useErrorMessage();
  const { data, error, refetch } = useQuery(AccountPartnerDataDocument, { variables: { id: accountId } });
  const [upsert] = useMutation(UpsertPartnerDataDocument);
  const [conflict, setConflict] = useState(false);
  const schema = useMemo(
    // The server's partner-data rules: a web address of at most 255 characters, comments of at most 10000.
    () =>
      yup.object({
        url: yup.string().trim().matches(/^(https?:\/\/\S+)?$/, t.invalidUrl).max(255, rules.tooLong(255)),
        comments: yup.string().max(10_000, rules.tooLong(10_000)),
      }),
    [t, rules],
  );
  if (error) {
    return <p role="alert" className="form-error">{toMessage(error)}</p>;
  }
  const account = data?.account;
  if (!account) {
    return <div className="skeleton skeleton--block" aria-busy="true" aria-label={common.loading} />;
  }
  const partner = "partnerData" in account ? account.partnerData : null;
  const initialValues: PartnerValues = {
    url: partner?.url ?? "",
    rating: partner?.rating ? String(partner.rating) : "",
    socialNetwork: partner?.socialNetwork ?? "",
    comments: partner?.comments ?? "",
  };
  const orNull = (value: string) => (value.trim() === "" ? null : value.trim());

  return (
    <Formik
      initialValues={initialValues}
      validationSchema={schema}
      enableReinitialize
      onSubmit={async (values, helpers) => {
        setConflict(false);
        const input = {
          accountId,
          version: account.version,
          url: orNull(values.url),
          rating: values.rating === "" ? null : Number(values.rating),
          socialNetwork: orNull(values.socialNetwork),
          comments: orNull(values.comments),
        };
        const ok = await submitToServer(
          helpers,
          async () => void (await upsert({ variables: { input } })),
          (reason) => (errorCodeOf(reason) === "CONFLICT" ? setConflict(true) : toast.error(toMessage(reason))),
          rules,
        );
        if (ok) {
          toast.success(t.saved);
        }
      }}
    >
      {({ isSubmitting, dirty }) => (
        <Form aria-label={panelT.tabs.partner} noValidate>
          {conflict ? (
            <div role="alert" className="form-error form-error--conflict">
              <p>{panelT.details.conflict}</p>
              <button type="button" onClick={() => void refetch().then(() => setConflict(false))}>
                {panelT.details.reload}
              </button>
            </div>
          ) : null}
          <TextField name="url" label={t.url} type="url" />
          <SelectField name="rating" label={t.rating} placeholder={t.ratingNone} options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t.stars(n) }))} />
          <TextField name="socialNetwork" label={t.socialNetwork} />
          <TextAreaField name="comments" label={t.comments} rows={3} />
          <button type="submit" disabled={isSubmitting || !dirty}>
            {isSubmitting ? common.saving : common.save}
          </button>
        </Form>
      )}
    </Formik>
  );
}
