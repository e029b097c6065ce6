import { useMutation } from "@apollo/client/react";
import { useCallback } from "react";

import { UpdateAccountDocument, type UpdateAccountInput } from "../../../__generated__/graphql";

/** Saves details and follow-up data; the answer (new version included) refreshes the cached account. */
export function useUpdateAccount() {
  const [mutate, { loading }] = useMutation(UpdateAccountDocument);
  const updateAccount = useCallback(
    async (input: UpdateAccountInput) => {
      await mutate({ variables: { input } });
    },
    [mutate],
  );
  return { updateAccount, loading } as const;
}
