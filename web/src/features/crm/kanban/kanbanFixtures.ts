/** Board answers for the Kanban's tests: two status groups, three columns, cards with values. */

export const statuses = {
  nuevo: { __typename: "FollowUpStatus", id: 1, name: "Nuevo lead", color: "#818CF8", position: 1, outcome: null, group: { __typename: "FollowUpStatusGroup", id: 10, name: "Nuevo" } },
  sinContactar: { __typename: "FollowUpStatus", id: 2, name: "Sin contactar", color: "#A5B4FC", position: 2, outcome: null, group: { __typename: "FollowUpStatusGroup", id: 10, name: "Nuevo" } },
  ganado: { __typename: "FollowUpStatus", id: 3, name: "Ganado", color: "#16A34A", position: 1, outcome: "won", group: { __typename: "FollowUpStatusGroup", id: 40, name: "Cerrado" } },
} as const;

type Status = (typeof statuses)[keyof typeof statuses];

export function buildCard(legacyId: number, companyName: string, accountValue: number, status: Status) {
  return {
    __typename: "Prospect" as const,
    id: `Prospect:${legacyId}`,
    version: 3,
    name: `Contacto ${legacyId}`,
    companyName,
    updatedAt: "2026-11-20T12:00:00.000Z",
    followUpStatus: { __typename: "FollowUpStatus" as const, id: status.id, name: status.name, color: status.color },
    followUpData: { __typename: "FollowUpData" as const, accountValue },
    salesman: { __typename: "User" as const, id: "VXNlcjox", name: "Ana López" },
    lastActivityAt: "2026-11-19T12:00:00.000Z",
    nextScheduledActivity: null,
    respondioSync: null as { __typename: "RespondioSync"; status: "PENDING" | "SYNCED" | "FAILED" | "SKIPPED"; lastError: string | null } | null,
  };
}

export type Card = ReturnType<typeof buildCard>;

export function buildColumn(
  status: Status,
  cards: readonly Card[],
  options: { totalCount?: number; accountValueSum?: number; hasNextPage?: boolean } = {},
) {
  const last = cards[cards.length - 1];
  return {
    __typename: "BoardColumn" as const,
    totalCount: options.totalCount ?? cards.length,
    accountValueSum: options.accountValueSum ?? cards.reduce((sum, card) => sum + card.followUpData.accountValue, 0),
    status,
    cards: {
      __typename: "AccountConnection" as const,
      edges: cards.map((node) => ({ __typename: "AccountEdge" as const, cursor: `c-${node.id}`, node })),
      pageInfo: { __typename: "PageInfo" as const, hasNextPage: options.hasNextPage ?? false, endCursor: last ? `c-${last.id}` : null },
    },
  };
}

export type Column = ReturnType<typeof buildColumn>;

export function buildBoard(columns: readonly Column[]) {
  return {
    board: {
      __typename: "Board" as const,
      totalCount: columns.reduce((sum, column) => sum + column.totalCount, 0),
      accountValueSum: columns.reduce((sum, column) => sum + column.accountValueSum, 0),
      columns: [...columns],
    },
  };
}
