import { useMutation } from "@apollo/client/react";
import { useCallback } from "react";

import { AccountsDocument, BoardDocument, CreateProspectDocument, type CreateProspectInput } from "../../__generated__/graphql";

/** Creates a prospect; the lists showing accounts are read again so it appears where it belongs. */
export function useCreateProspect() {
  const [mutate] = useMutation(CreateProspectDocument);
  return useCallback(
    async (input: CreateProspectInput) => {
      const { data } = await mutate({ variables: { input }, refetchQueries: [AccountsDocument, BoardDocument] });
      if (!data) {
        throw new Error("createProspect answered without data");
      }
      return { id: data.createProspect.id, name: data.createProspect.name };
    },
    [mutate],
  );
}
