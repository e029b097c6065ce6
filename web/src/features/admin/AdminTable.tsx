import type { ReactNode } from "react";

import { useT } from "../../lib/i18n";
import { commonMessages } from "../../lib/messages";
import { useErrorMessage } from "../../lib/useErrorMessage";

interface AdminTableProps {
  readonly loading: boolean;
  readonly error: unknown;
  readonly emptyText: string;
  /** Column headers, in order. */
  readonly headers: readonly ReactNode[];
  readonly rowCount: number;
  /** The table's rows (`<tr>`s). */
  readonly children: ReactNode;
}

/** An admin list: its load error, loading and empty states, and the table once there are rows. */
export function AdminTable({ loading, error, emptyText, headers, rowCount, children }: AdminTableProps) {
  const common = useT(commonMessages);
  const toMessage = useErrorMessage();
  return (
    <>
      {error ? (
        <p role="alert" className="form-error">
          {toMessage(error)}
        </p>
      ) : null}
      {loading ? <p role="status">{common.loading}</p> : null}
      {!loading && !error && rowCount === 0 ? <p className="empty-state">{emptyText}</p> : null}
      {rowCount > 0 ? (
        <table className="admin-table">
          <thead>
            <tr>
              {headers.map((header, index) => (
                <th scope="col" key={index}>
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      ) : null}
    </>
  );
}
