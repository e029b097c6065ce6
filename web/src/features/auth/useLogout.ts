import { useApolloClient, useMutation } from "@apollo/client/react";
import { useCallback } from "react";

import { LogoutDocument, MeDocument } from "../../__generated__/graphql";

/**
 * Ends the session, then forgets everything the previous user could see.
 * Order matters: `me: null` is written first so the mounted guard (whose cache watch `clearStore`
 * is about to discard) redirects to /login; the store is then cleared (not reset, which would
 * refetch every active query as a signed-out user); `me: null` is written again so the login page
 * does not ask the server who is signed in.
 */
export function useLogout() {
  const client = useApolloClient();
  const [mutate, { loading, error }] = useMutation(LogoutDocument);
  const logout = useCallback(async () => {
    await mutate();
    client.writeQuery({ query: MeDocument, data: { me: null } });
    await client.clearStore();
    client.writeQuery({ query: MeDocument, data: { me: null } });
  }, [client, mutate]);
  return { logout, loading, error } as const;
}
