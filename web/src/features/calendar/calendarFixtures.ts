/** The calendar tests' item: Ana Ruiz's (Fletes Ruiz) scheduled call "Cotizar LTL" at `date`, as the API answers it. */
export function buildScheduledCall(date: string) {
  return {
    __typename: "Activity",
    id: "Tm90ZTox",
    kind: "NOTE",
    action: "CALL",
    date,
    title: "Cotizar LTL",
    completed: false,
    account: { __typename: "Prospect", id: "Prospect:7", name: "Ana Ruiz", companyName: "Fletes Ruiz", status: "IN_PROCESS" },
    note: { __typename: "Note", id: "Tm90ZTox", canEdit: true, scheduledDate: date },
    reminder: null,
  } as const;
}
