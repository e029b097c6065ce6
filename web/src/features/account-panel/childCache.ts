import type { ApolloCache, Reference } from "@apollo/client";

import type { AccountKey } from "./notes/useAddNote";

type Position = "first" | "last" | ((readField: (field: string, from: Reference) => unknown) => (a: Reference, b: Reference) => number);

/**
 * Puts a newly created child (contact, location, reminder, sent email) into one of the account's
 * cached list fields, first, last or sorted, so the tab shows it without reading the list again.
 */
export function addToAccountList(
  cache: ApolloCache,
  account: AccountKey,
  field: string,
  child: { readonly __typename: string; readonly id: string },
  position: Position = "last",
): void {
  cache.modify({
    id: cache.identify({ ...account, __typename: account.__typename ?? "Prospect" }),
    fields: {
      [field](existing: readonly Reference[] = [], { toReference, readField }) {
        const ref = toReference({ __typename: child.__typename, id: child.id });
        if (!ref) {
          return existing;
        }
        if (position === "first") {
          return [ref, ...existing];
        }
        const appended = [...existing, ref];
        return position === "last" ? appended : appended.sort(position((name, from) => readField(name, from)));
      },
    },
  });
}

/**
 * The options of a removing mutation: the child disappears at once (optimistic response) and
 * leaves every cached list (evicted); a refusal brings it back.
 */
export function removeChildOptions<T>(field: string, typename: string, id: string) {
  return {
    optimisticResponse: { [field]: { __typename: typename, id } } as T,
    update(cache: ApolloCache) {
      cache.evict({ id: cache.identify({ __typename: typename, id }) });
      cache.gc();
    },
  };
}
