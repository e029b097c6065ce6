import type { AccountRow_AccountFragment } from "../../__generated__/graphql";
import { useI18n, useT } from "../../lib/i18n";
import { accountsMessages } from "./messages";

/** One account in the accounts table; its data needs are the `AccountRow_account` fragment. */
export function AccountRow({ account }: { account: AccountRow_AccountFragment }) {
  const messages = useT(accountsMessages);
  const { format } = useI18n();
  return (
    <tr>
      <td>
        <div>{account.name}</div>
        {account.email ? <small>{account.email}</small> : null}
      </td>
      <td>{account.companyName}</td>
      <td>{messages.types[account.type]}</td>
      <td>{messages.statuses[account.status]}</td>
      <td>
        <span className="swatch" style={{ backgroundColor: account.followUpStatus.color }} aria-hidden="true" />
        {account.followUpStatus.name}
      </td>
      <td>{account.salesman?.name ?? "—"}</td>
      <td>
        <time dateTime={account.createdAt}>
          {format.date(account.createdAt)}
        </time>
      </td>
    </tr>
  );
}
