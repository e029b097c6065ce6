import type { MockLink } from "@apollo/client/testing";

import { AccountPanelDocument, MeDocument, type AccountPanelQuery } from "../../__generated__/graphql";
import type { Catalogs } from "../catalogs/useCatalogs";

/** Test data for the side panel's tests (typenames included: the cache needs them for Account). */
export const panelAccountId = "UHJvc3BlY3Q6NDI=";

export function buildPanelAccount(overrides: Partial<AccountPanelQuery["account"]> = {}) {
  return {
    __typename: "Prospect",
    id: panelAccountId,
    legacyId: 42,
    type: "PROSPECT",
    status: "IN_PROCESS",
    name: "Lucía Ramírez",
    companyName: "Envíos del Bajío",
    version: 3,
    email: "lucia@bajio.mx",
    phone: { __typename: "Phone", code: "52", number: "5512345678" },
    locale: { __typename: "Locale", id: 1, name: "México", phoneCode: "52" },
    followUpStatus: { __typename: "FollowUpStatus", id: 1, name: "Nuevo", color: "#3366ff" },
    salesman: { __typename: "User", id: "VXNlcjoz", name: "Diego Herrera" },
    createdBy: { __typename: "User", id: "VXNlcjoz", name: "Diego Herrera" },
    createdAt: "2025-01-15T12:00:00.000Z",
    lastActivityAt: null,
    respondioSync: null,
    followUpData: null,
    ...overrides,
  } as AccountPanelQuery["account"] & { __typename: string };
}

export function viewerWith(permissions: readonly string[]) {
  return { __typename: "User", id: "VXNlcjoz", legacyId: 3, name: "Diego Herrera", email: "sdr@example.com", permissions: ["crm", ...permissions] };
}

export function panelMocks(permissions: readonly string[], account = buildPanelAccount()): MockLink.MockedResponse[] {
  return [
    { request: { query: MeDocument }, result: { data: { me: viewerWith(permissions) } }, maxUsageCount: Number.POSITIVE_INFINITY },
    { request: { query: AccountPanelDocument, variables: { id: account.id } }, result: { data: { account } }, maxUsageCount: Number.POSITIVE_INFINITY },
  ];
}

export const testCatalogs: Catalogs = {
  accountSizes: ["individual", "startup", "sme", "enterprise", "corporate"],
  channels: [{ id: 1, key: "web", name: "Web" }],
  contentTypes: [{ id: 1, name: "Ropa" }],
  ecommerceTypes: [{ id: 1, key: "shopify", name: "Shopify" }],
  followUpStatuses: [
    { id: 1, name: "Nuevo", color: "#3366ff", position: 1, outcome: null, group: null },
    { id: 2, name: "Contactado", color: "#22aa66", position: 2, outcome: null, group: null },
  ],
  statusGroups: [],
  locales: [
    { id: 1, code: "MX", name: "México", currency: "MXN", phoneCode: "52", phoneDigits: 10 },
    { id: 2, code: "CO", name: "Colombia", currency: "COP", phoneCode: "57", phoneDigits: 10 },
  ],
  monthlyShipmentRanges: [{ id: 1, name: "1-100", minShipments: 1, maxShipments: 100 }],
  weightRanges: [{ id: 1, name: "0-5 kg", minKg: 0, maxKg: 5 }],
};
