import type { MockLink } from "@apollo/client/testing";

import {
  AccountsDocument,
  CatalogsDocument,
  MeDocument,
  TablePreferencesDocument,
  type AccountsQueryVariables,
} from "../__generated__/graphql";
import { accountsPageSize } from "../features/accounts/useAccounts";

/** A signed-in user with the given permission keys (always includes crm). */
export function buildViewer(permissions: readonly string[] = [], name = "Ana López") {
  return {
    __typename: "User" as const,
    id: "VXNlcjox",
    legacyId: 1,
    name,
    email: "ana@example.com",
    permissions: ["crm", ...permissions],
  };
}

export function meMock(viewer: ReturnType<typeof buildViewer> | null): MockLink.MockedResponse {
  return { request: { query: MeDocument }, result: { data: { me: viewer } }, maxUsageCount: Number.POSITIVE_INFINITY };
}

export const catalogsData = {
  catalogs: {
    __typename: "Catalogs",
    accountSizes: ["individual", "startup", "sme", "enterprise", "corporate"],
    channels: [{ __typename: "KeyedCatalogItem", id: 1, key: "web", name: "Web" }],
    contentTypes: [],
    ecommerceTypes: [{ __typename: "KeyedCatalogItem", id: 1, key: "shopify", name: "Shopify" }],
    followUpStatuses: [
      { __typename: "FollowUpStatus", id: 1, name: "Nuevo", color: "#3366ff", position: 1, outcome: null, group: null },
      { __typename: "FollowUpStatus", id: 2, name: "Contactado", color: "#22aa66", position: 2, outcome: null, group: null },
    ],
    statusGroups: [],
    locales: [
      { __typename: "Locale", id: 1, code: "MX", name: "México", currency: "MXN", phoneCode: "52", phoneDigits: 10 },
    ],
    monthlyShipmentRanges: [],
    weightRanges: [],
  },
} as const;

export const catalogsMock: MockLink.MockedResponse = {
  request: { query: CatalogsDocument },
  result: { data: catalogsData },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

export function buildAccount(legacyId: number, name: string, typename: "Prospect" | "Client" = "Prospect") {
  return {
    __typename: typename,
    id: `${typename}:${legacyId}`,
    legacyId,
    type: typename === "Client" ? "CLIENT" : "PROSPECT",
    status: "IN_PROCESS",
    version: 1,
    name,
    companyName: `${name} S.A. de C.V.`,
    email: `${name.toLowerCase()}@example.com`,
    phone: null,
    locale: { __typename: "Locale", id: 1, code: "MX", name: "México" },
    followUpStatus: { __typename: "FollowUpStatus", id: 1, name: "Nuevo", color: "#3366ff" },
    followUpData: null,
    salesman: { __typename: "User", id: "VXNlcjox", name: "Ana López" },
    createdBy: { __typename: "User", id: "VXNlcjox", name: "Ana López" },
    lastActivityAt: null,
    nextScheduledActivity: null,
    createdAt: "2025-01-15T12:00:00.000Z",
    updatedAt: "2025-01-16T12:00:00.000Z",
  } as const;
}

export function accountsConnection(
  accounts: ReadonlyArray<ReturnType<typeof buildAccount>>,
  options: { totalCount?: number; hasNextPage?: boolean } = {},
) {
  const last = accounts[accounts.length - 1];
  return {
    accounts: {
      __typename: "AccountConnection",
      totalCount: options.totalCount ?? accounts.length,
      edges: accounts.map((node) => ({ __typename: "AccountEdge", cursor: `cursor-${node.legacyId}`, node })),
      pageInfo: { __typename: "PageInfo", hasNextPage: options.hasNextPage ?? false, endCursor: last ? `cursor-${last.legacyId}` : null },
    },
  };
}

/** An Accounts answer for exactly these variables (`first` defaults to the page size). */
export function accountsMock(
  variables: Partial<AccountsQueryVariables>,
  data: ReturnType<typeof accountsConnection>,
): MockLink.MockedResponse {
  return { request: { query: AccountsDocument, variables: { first: accountsPageSize, ...variables } }, result: { data } };
}

/** The viewer's list layout as the server answers before anything was saved (defaults). */
export const defaultTablePreferencesMock: MockLink.MockedResponse = {
  request: { query: TablePreferencesDocument, variables: { view: "LIST" } },
  result: {
    data: {
      tablePreferences: { __typename: "TablePreferences", view: "LIST", columns: [], sort: null, updatedAt: null },
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};
