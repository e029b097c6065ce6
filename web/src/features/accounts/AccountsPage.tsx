import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";

import { useI18n, useT } from "../../lib/i18n";
import { commonMessages } from "../../lib/messages";
import { useErrorMessage } from "../../lib/useErrorMessage";
import { AccountRow } from "./AccountRow";
import { accountsMessages } from "./messages";
import { useAccounts } from "./useAccounts";

const searchDebounceMs = 300;

/** The first page of accounts with a search box (kept in `?q=` so it survives reloads) and "load more". */
export function AccountsPage() {
  const messages = useT(accountsMessages);
  const common = useT(commonMessages);
  const { format } = useI18n();
  const toMessage = useErrorMessage();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = (searchParams.get("q") ?? "").trim();
  const [draft, setDraft] = useState(search);
  const { accounts, totalCount, hasNextPage, loading, loadingMore, error, loadMore } = useAccounts(search);

  useEffect(() => {
    const next = draft.trim();
    if (next === search) {
      return undefined;
    }
    const timer = setTimeout(() => {
      setSearchParams(next === "" ? {} : { q: next }, { replace: true });
    }, searchDebounceMs);
    return () => clearTimeout(timer);
  }, [draft, search, setSearchParams]);

  const columns = messages.columns;
  return (
    <section className="accounts">
      <header className="accounts__header">
        <h1>{messages.title}</h1>
        <input
          type="search"
          aria-label={messages.search}
          placeholder={messages.searchPlaceholder}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
      </header>
      {error ? <p role="alert" className="form-error">{toMessage(error)}</p> : null}
      {loading && accounts.length === 0 ? <p role="status">{common.loading}</p> : null}
      <table className="accounts__table" aria-busy={loading}>
        <thead>
          <tr>
            <th scope="col">{columns.name}</th>
            <th scope="col">{columns.companyName}</th>
            <th scope="col">{columns.type}</th>
            <th scope="col">{columns.status}</th>
            <th scope="col">{columns.followUpStatus}</th>
            <th scope="col">{columns.salesman}</th>
            <th scope="col">{columns.createdAt}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <AccountRow key={account.id} account={account} />
          ))}
        </tbody>
      </table>
      {!loading && !error && accounts.length === 0 ? <p>{messages.empty}</p> : null}
      <footer className="accounts__footer">
        {accounts.length > 0 ? <span>{messages.shown(format.number(accounts.length), format.number(totalCount))}</span> : null}
        {hasNextPage ? (
          <button type="button" onClick={loadMore} disabled={loadingMore}>
            {loadingMore ? messages.loadingMore : messages.loadMore}
          </button>
        ) : null}
      </footer>
    </section>
  );
}
