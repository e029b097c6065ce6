import type { AccountRow_AccountFragment } from "../../__generated__/graphql";
import { useMessages } from "../../lib/i18n";

/** One account in the accounts table; its data needs are the `AccountRow_account` fragment. */
export function AccountRow({ account }: { account: AccountRow_AccountFragment }) {
  const messages = useMessages();
  const createdAt = new Date(account.createdAt);
  return (
    <tr>
      <td>
        <div>{account.name}</div>
        {account.email ? <small>{account.email}</small> : null}
      </td>
      <td>{account.companyName}</td>
      <td>{messages.accounts.types[account.type]}</td>
      <td>{messages.accounts.statuses[account.status]}</td>
      <td>
        <span className="swatch" style={{ backgroundColor: account.followUpStatus.color }} aria-hidden="true" />
        {account.followUpStatus.name}
      </td>
      <td>{account.salesman?.name ?? "—"}</td>
      <td>
        <time dateTime={account.createdAt}>
          {Number.isNaN(createdAt.getTime()) ? account.createdAt : createdAt.toLocaleDateString(messages.locale)}
        </time>
      </td>
    </tr>
  );
}
