import type { DetailsTab_AccountFragment } from "../../../__generated__/graphql";
import { useT } from "../../../lib/i18n";
import { commonMessages } from "../../../lib/messages";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { useCatalogs } from "../../catalogs/useCatalogs";
import { DetailsForm } from "./DetailsForm";
import { toUpdateAccountInput } from "./detailsSchema";
import { useUpdateAccount } from "./useUpdateAccount";

/** The details tab: the form once the catalogs (countries, channels, …) are in. */
export function DetailsTab({ account, reload }: { account: DetailsTab_AccountFragment; reload: () => Promise<void> }) {
  const common = useT(commonMessages);
  const toMessage = useErrorMessage();
  const { catalogs, error } = useCatalogs();
  const { updateAccount } = useUpdateAccount();
  if (error) {
    return <p role="alert" className="form-error">{toMessage(error)}</p>;
  }
  if (!catalogs) {
    return <div className="skeleton skeleton--block" aria-busy="true" aria-label={common.loading} />;
  }
  return (
    <DetailsForm
      account={account}
      catalogs={catalogs}
      reload={reload}
      save={(values, allowDuplicate, read) => updateAccount({ ...toUpdateAccountInput(values, read), allowDuplicate })}
    />
  );
}
