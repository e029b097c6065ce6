/** Live events for the realtime tests: an account with every field the card, the row and the panel show. */
import type { AccountChangeKind } from "../../../__generated__/graphql";
import { buildCard, statuses } from "../kanban/kanbanFixtures";
import type { AccountChange } from "./accountChangeCache";

type Status = (typeof statuses)[keyof typeof statuses];

/** The account as an event carries it: the Kanban card's fields plus the list row's and the panel's. */
export function buildChangedAccount(legacyId: number, companyName: string, accountValue: number, status: Status) {
  const card = buildCard(legacyId, companyName, accountValue, status);
  return {
    ...card,
    legacyId,
    type: "PROSPECT" as const,
    status: "IN_PROCESS" as "IN_PROCESS" | "REGISTERED" | "REMOVED",
    email: `cuenta${legacyId}@example.com`,
    phone: { __typename: "Phone" as const, e164: "+525512345678", code: "52", number: "5512345678" },
    locale: { __typename: "Locale" as const, id: 1, code: "MX", name: "México", phoneCode: "52" },
    followUpData: {
      __typename: "FollowUpData" as const,
      accountValue,
      accountSize: null,
      monthlyShipments: null,
      estimatedCloseDate: null,
      annotations: null,
      channel: null,
      content: null,
      ecommerceType: null,
      weight: null,
    },
    createdBy: { __typename: "User" as const, id: "VXNlcjox", name: "Ana López" },
    createdAt: "2026-11-01T12:00:00.000Z",
  };
}

export type ChangedAccount = ReturnType<typeof buildChangedAccount>;

/** One `accountChanged` event by the user `actorId` (another user than the test's viewer by default). */
export function buildChange(kind: AccountChangeKind, account: ChangedAccount | null, extra: Partial<AccountChange> & { accountId?: string } = {}): AccountChange {
  return {
    __typename: "AccountChange",
    kind,
    accountId: account?.id ?? extra.accountId ?? "",
    leftScope: false,
    occurredAt: "2026-11-27T07:00:00.000Z",
    fromStatus: null,
    toStatus: account ? { __typename: "FollowUpStatus", id: account.followUpStatus.id } : null,
    actor: { __typename: "User" as const, id: "VXNlcjo5" },
    account,
    note: null,
    ...extra,
  } as AccountChange;
}

/** A note as the timeline shows it. */
export function buildNote(id: string, comment: string) {
  return {
    __typename: "Note" as const,
    id,
    comment,
    action: null,
    scheduledDate: null,
    createdAt: "2026-11-27T07:00:00.000Z",
    source: "PROSPECT" as const,
    canEdit: false,
    author: { __typename: "User" as const, id: "VXNlcjo5", name: "Marta Colega" },
    status: null,
  };
}

/** The account after a move to `status` (its version one up), plus any other changed fields. */
export function withStatus(account: ChangedAccount, status: Status, extra: Partial<ChangedAccount> = {}): ChangedAccount {
  return {
    ...account,
    version: account.version + 1,
    followUpStatus: { __typename: "FollowUpStatus", id: status.id, name: status.name, color: status.color },
    ...extra,
  };
}
