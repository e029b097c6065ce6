import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { ErrorLink } from "@apollo/client/link/error";
import { OperationTypeNode } from "graphql";
import { relayStylePagination } from "@apollo/client/utilities";

import possibleTypesResult from "../__generated__/possible-types";
import { errorCodeOf } from "./errors";
import { createRealtimeLink, watchRealtimeStatus, type RealtimeStatusStore } from "./realtimeLink";

/** The cache with the app's type policies; tests build their clients on it too. */
export function createApolloCache(): InMemoryCache {
  return new InMemoryCache({
    // Account is an interface (Prospect, PartnerProspect, Client): fragments on it need the map.
    possibleTypes: possibleTypesResult.possibleTypes,
    typePolicies: {
      Query: {
        fields: {
          // One cached list per filter/order; `first`/`after` pages are merged into it.
          accounts: relayStylePagination(["filter", "orderBy"]),
          // The Kanban: one cached board per filter; a column's further pages are appended to it
          // (features/crm/kanban/boardCache.ts), so `first` is not part of the key.
          board: { keyArgs: ["filter"] },
          // Admin user list: one cached list per filter.
          users: relayStylePagination(["filter"]),
        },
      },
      // Inherited by Prospect, PartnerProspect and Client through possibleTypes.
      Account: {
        fields: {
          // The side panel's timeline: "older notes" pages are appended; addNote prepends.
          notes: relayStylePagination(),
        },
      },
      // An import's report: one cached list of rows per state filter; scrolled pages are appended.
      CsvImport: { fields: { rows: relayStylePagination(["states"]) } },
      // One per view for the signed-in user (the cache is cleared on logout), so the view is its key.
      TablePreferences: { keyFields: ["view"] },
      // A singleton without an id: replace it whole rather than warn about losing fields.
      Catalogs: { merge: true },
      // Id-less values owned by one account: the list and the side panel select different fields
      // of them, so merge the fields. Replacing them would make each query drop the other's fields
      // and refetch (Apollo stops that loop with a "stopped refetching" warning).
      FollowUpData: { merge: true },
      Phone: { merge: true },
    },
  });
}

/**
 * When the session expires mid-use, any operation answers UNAUTHENTICATED: forget the viewer so
 * the route guard sends the user to the login page instead of leaving a broken screen.
 */
const sessionExpiredLink = new ErrorLink(({ error, operation }) => {
  if (errorCodeOf(error) !== "UNAUTHENTICATED") {
    return;
  }
  const { cache } = operation.client;
  cache.modify({ fields: { me: () => null } });
  cache.gc();
});

interface CreateApolloClientOptions {
  /** The GraphQL endpoint (`config.graphqlUrl`); subscriptions open a WebSocket on the same path. */
  readonly uri: string;
  /** Replaces both transports, HTTP and WebSocket (tests pass a MockLink). */
  readonly link?: ApolloLink;
}

/** The live connection's status of each browser client (none for a client given its own link, as in tests). */
const realtimeStatuses = new WeakMap<ApolloClient, RealtimeStatusStore>();

/** The status of the client's subscriptions socket, for the live indicator; null without one. */
export function realtimeStatusOf(client: ApolloClient): RealtimeStatusStore | null {
  return realtimeStatuses.get(client) ?? null;
}

/** Reads every query on screen again; a failure shows in its own view (each query reports its error). */
function refetchActive(client: ApolloClient | undefined): void {
  if (client) {
    Promise.resolve(client.refetchQueries({ include: "active" })).catch(() => undefined);
  }
}

/**
 * The browser's Apollo client: queries and mutations over HTTP with the session cookie,
 * subscriptions over a WebSocket on the same path (the cookie goes with its upgrade). When the
 * socket comes back after a drop (an API restart), every query on screen is read again: the
 * changes published meanwhile were not delivered to it. Clearing the store (logout) also closes
 * the socket: it was opened with the previous user's cookie, and the next user's subscription
 * must not ride on it (a lazy socket lingers for a few seconds after its last subscription).
 */
export function createApolloClient(options: CreateApolloClientOptions): ApolloClient {
  let client: ApolloClient | undefined;
  const realtime = options.link ? null : createRealtimeLink({ uri: options.uri, onReconnected: () => refetchActive(client) });
  const transport =
    options.link ??
    ApolloLink.split(
      ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
      realtime ?? ApolloLink.empty(),
      new HttpLink({ uri: options.uri, credentials: "include" }),
    );
  client = new ApolloClient({
    link: ApolloLink.from([sessionExpiredLink, transport]),
    cache: createApolloCache(),
  });
  client.onClearStore(async () => realtime?.client.terminate());
  if (realtime) {
    realtimeStatuses.set(client, watchRealtimeStatus(realtime.client));
  }
  return client;
}
