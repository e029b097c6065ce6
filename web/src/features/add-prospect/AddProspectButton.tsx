import { lazy, Suspense, useState } from "react";

import { ButtonModal } from "../../components/SidePanel";
import { useToast } from "../../components/Toast";
import { useT } from "../../lib/i18n";
import { commonMessages } from "../../lib/messages";
import { useErrorMessage } from "../../lib/useErrorMessage";
import { usePanelUrl } from "../account-panel/usePanelUrl";
import { useCan } from "../auth/useCan";
import { useCatalogs } from "../catalogs/useCatalogs";
import "./addProspect.css";
import { prospectMessages } from "./messages";
import { useCreateProspect } from "./useCreateProspect";
import { useExecutiveChoice } from "./useExecutiveChoice";

// Its own chunk (the form, its yup rules and Formik): fetched when the modal first opens.
const AddProspectForm = lazy(() => import("./AddProspectForm").then((module) => ({ default: module.AddProspectForm })));

/** "Add prospect": opens the modal; a created prospect opens in the side panel. */
export function AddProspectButton() {
  const t = useT(prospectMessages);
  const common = useT(commonMessages);
  const toast = useToast();
  const toMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const { catalogs, error } = useCatalogs();
  const canCreatePartners = useCan("crm-partners");
  const executives = useExecutiveChoice(open);
  const create = useCreateProspect();
  const panel = usePanelUrl();

  return (
    <ButtonModal
      open={open}
      onOpenChange={setOpen}
      trigger={
        <button type="button" className="button--primary">
          {t.open}
        </button>
      }
      title={t.title}
      description={t.description}
      className="modal"
      closeLabel={common.close}
    >
      {error ? <p role="alert" className="form-error">{toMessage(error)}</p> : null}
      {catalogs ? (
        <Suspense fallback={<div className="skeleton skeleton--block" aria-busy="true" aria-label={common.loading} />}>
          <AddProspectForm
            catalogs={catalogs}
            canCreatePartners={canCreatePartners}
            executives={executives}
            create={create}
            onCreated={(account) => {
              setOpen(false);
              toast.success(t.created(account.name));
              panel.open(account.id);
            }}
            onOpenExisting={(accountId) => {
              setOpen(false);
              panel.open(accountId);
            }}
          />
        </Suspense>
      ) : (
        <div className="skeleton skeleton--block" aria-busy="true" aria-label={common.loading} />
      )}
    </ButtonModal>
  );
}
