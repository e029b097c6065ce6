import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";

import { errorMessage } from "../../lib/errors";
import { useMessages } from "../../lib/i18n";
import { AccountRow } from "./AccountRow";
import { useAccounts } from "./useAccounts";

const searchDebounceMs = 300;

/** The first page of accounts with a search box (kept in `?q=` so it survives reloads) and "load more". */
export function AccountsPage() {
  const messages = useMessages();
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

  const columns = messages.accounts.columns;
  return (
    <section className="accounts">
      <header className="accounts__header">
        <h1>{messages.accounts.title}</h1>
        <input
          type="search"
          aria-label={messages.accounts.search}
          placeholder={messages.accounts.searchPlaceholder}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
      </header>
      {error ? <p role="alert" className="form-error">{errorMessage(error, messages)}</p> : null}
      {loading && accounts.length === 0 ? <p role="status">{messages.loading}</p> : null}
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
      {!loading && !error && accounts.length === 0 ? <p>{messages.accounts.empty}</p> : null}
      <footer className="accounts__footer">
        {accounts.length > 0 ? <span>{messages.accounts.shown(accounts.length, totalCount)}</span> : null}
        {hasNextPage ? (
          <button type="button" onClick={loadMore} disabled={loadingMore}>
            {loadingMore ? messages.accounts.loadingMore : messages.accounts.loadMore}
          </button>
        ) : null}
      </footer>
    </section>
  );
}
