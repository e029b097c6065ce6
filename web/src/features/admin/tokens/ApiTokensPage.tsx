import { useState } from "react";

import type { ApiTokenRow_TokenFragment } from "../../../__generated__/graphql";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { useToast } from "../../../components/Toast";
import { useI18n, useT } from "../../../lib/i18n";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { AdminTable } from "../AdminTable";
import { CreateApiTokenForm } from "./CreateApiTokenForm";
import { tokenMessages } from "./messages";
import { TokenSecretDialog } from "./TokenSecretDialog";
import { useApiTokens, useRevokeApiToken } from "./useApiTokens";

type Token = ApiTokenRow_TokenFragment;

function tokenState(token: Token, now: number): "revoked" | "expired" | "active" {
  if (token.revokedAt) {
    return "revoked";
  }
  return token.expiresAt && new Date(token.expiresAt).getTime() <= now ? "expired" : "active";
}

/** API tokens: create (secret shown once), the list with last use, and revoke. */
export function ApiTokensPage() {
  const t = useT(tokenMessages);
  const { format } = useI18n();
  const toMessage = useErrorMessage();
  const toast = useToast();
  const { tokens, loading, error } = useApiTokens();
  const { revoke, loading: revoking } = useRevokeApiToken();
  const [secret, setSecret] = useState<string | null>(null);
  const [toRevoke, setToRevoke] = useState<Token | null>(null);
  const now = Date.now();

  async function confirmRevoke() {
    if (!toRevoke) {
      return;
    }
    try {
      await revoke(toRevoke.id);
      toast.success(t.revokedToast(toRevoke.name));
    } catch (reason) {
      toast.error(toMessage(reason));
    } finally {
      setToRevoke(null);
    }
  }

  return (
    <section className="admin-page" aria-labelledby="api-tokens-title">
      <h2 id="api-tokens-title">{t.title}</h2>
      <p>{t.intro}</p>
      <CreateApiTokenForm onCreated={setSecret} />
      <AdminTable
        loading={loading}
        error={error}
        emptyText={t.empty}
        rowCount={tokens.length}
        headers={[
          t.columns.name,
          t.columns.user,
          t.columns.scopes,
          t.columns.createdAt,
          t.columns.lastUsedAt,
          t.columns.expiresAt,
          t.columns.state,
          <span className="visually-hidden">{t.revoke}</span>,
        ]}
      >
        {tokens.map((token) => {
          const state = tokenState(token, now);
          return (
            <tr key={token.id}>
              <td>{token.name}</td>
              <td>{token.user.name}</td>
              <td>{token.scopes.map((scope) => t.scopeNames[scope]).join(", ")}</td>
              <td>{format.date(token.createdAt)}</td>
              <td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t.notUsed}</td>
              <td>{token.expiresAt ? format.date(token.expiresAt) : t.never}</td>
              <td>{t[state]}</td>
              <td>
                {state === "active" ? (
                  <button type="button" aria-label={`${t.revoke} ${token.name}`} onClick={() => setToRevoke(token)}>
                    {t.revoke}
                  </button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </AdminTable>
      <TokenSecretDialog secret={secret} onClose={() => setSecret(null)} />
      <ConfirmDialog
        open={toRevoke !== null}
        title={toRevoke ? t.revokeTitle(toRevoke.name) : ""}
        confirmLabel={t.revoke}
        danger
        busy={revoking}
        onConfirm={() => void confirmRevoke()}
        onCancel={() => setToRevoke(null)}
      >
        <p>{t.revokeBody}</p>
      </ConfirmDialog>
    </section>
  );
}
