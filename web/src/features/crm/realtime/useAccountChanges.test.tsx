import { ApolloLink, type FetchResult } from "@apollo/client";
import { act, screen, waitFor, within } from "@testing-library/react";
import { Subject } from "rxjs";

import type { AccountFilter } from "../../../__generated__/graphql";
import { buildViewer } from "../../../test/fixtures";
import { heldLink } from "../../../test/heldLink";
import { fakeLayout } from "../../../test/layout";
import { renderWithProviders } from "../../../test/renderWithProviders";
import { buildBoard, buildColumn, statuses } from "../kanban/kanbanFixtures";
import { KanbanView } from "../kanban/KanbanView";
import type { AccountChange } from "./accountChangeCache";
import { ChangedCardsContext } from "./changedCards";
import { buildChange, buildChangedAccount, withStatus } from "./realtimeFixtures";
import { useAccountChanges } from "./useAccountChanges";

const viewer = buildViewer();
const textiles = buildChangedAccount(1, "Textiles Yucateca", 1000, statuses.nuevo);
const calzado = buildChangedAccount(3, "Calzado Nogal", 250, statuses.sinContactar);
const board = buildBoard([buildColumn(statuses.nuevo, [textiles]), buildColumn(statuses.sinContactar, [calzado]), buildColumn(statuses.ganado, [])]);

/** The subscription's transport: the test pushes events (or fails the subscription); `subscriptions` counts who listens. */
function liveLink() {
  let events = new Subject<FetchResult>();
  const state = { subscriptions: 0 };
  const link = new ApolloLink(() => {
    state.subscriptions += 1;
    events = new Subject<FetchResult>();
    return events.asObservable();
  });
  const push = (change: AccountChange) => act(() => events.next({ data: { accountChanged: change } }));
  const fail = (error: Error) => act(() => events.error(error));
  return { link, push, fail, state };
}

/** The board under the hook, as the CRM page mounts them. */
function LiveBoard({ filter }: { readonly filter?: AccountFilter }) {
  const changedCards = useAccountChanges();
  return (
    <ChangedCardsContext value={changedCards}>
      <KanbanView filter={filter} sort={null} onSortChange={() => undefined} openAccountId={null} onOpenAccount={() => undefined} />
    </ChangedCardsContext>
  );
}

function renderLive(filter?: AccountFilter) {
  const counts = { board: 0 };
  const held = heldLink((operation) => {
    if (operation.operationName === "Me") {
      return { data: { me: viewer } };
    }
    if (operation.operationName === "Board") {
      counts.board += 1;
      return { data: board };
    }
    return undefined;
  });
  const live = liveLink();
  renderWithProviders(<LiveBoard filter={filter} />, { link: held.link, realtime: live.link });
  return { counts, live };
}

const column = (status: string) => screen.getByRole("region", { name: new RegExp(`^${status}:`) });
const countOf = (status: string) => Number(within(column(status)).getByTestId("kanban-column-count").textContent);

describe("useAccountChanges", () => {
  let restoreLayout: () => void;
  beforeEach(() => {
    restoreLayout = fakeLayout(1200, 800);
    window.localStorage.clear();
  });
  afterEach(() => restoreLayout());

  it("should move a card a colleague moved to its new column with the counts, and highlight it briefly", async () => {
    const { live } = renderLive();
    await within(await screen.findByRole("region", { name: /^Nuevo lead:/ })).findByRole("button", { name: /Textiles Yucateca/ });
    await waitFor(() => expect(live.state.subscriptions).toBe(1));

    live.push(buildChange("MOVED", withStatus(textiles, statuses.ganado), { fromStatus: { id: 1 } }));

    const card = await within(column("Ganado")).findByRole("button", { name: /Textiles Yucateca/ });
    expect([countOf("Nuevo lead"), countOf("Ganado")]).toEqual([0, 1]);
    expect(column("Ganado").getAttribute("aria-label")).toBe("Ganado: 1 account, MX$1,000.00");
    expect(card.className).toContain("kanban-card--changed");
  });

  it("should not highlight a card the viewer moved in another tab", async () => {
    const { live } = renderLive();
    await within(await screen.findByRole("region", { name: /^Nuevo lead:/ })).findByRole("button", { name: /Textiles Yucateca/ });
    await waitFor(() => expect(live.state.subscriptions).toBe(1));

    live.push(buildChange("MOVED", withStatus(textiles, statuses.sinContactar), { actor: { __typename: "User", id: viewer.id } as AccountChange["actor"] }));

    const card = await within(column("Sin contactar")).findByRole("button", { name: /Textiles Yucateca/ });
    expect(countOf("Sin contactar")).toBe(2);
    expect(card.className).not.toContain("kanban-card--changed");
  });

  it("should read the board again once for a burst of accounts created elsewhere (an import)", async () => {
    const { live, counts } = renderLive();
    await screen.findByRole("region", { name: /^Nuevo lead:/ });
    await waitFor(() => expect(live.state.subscriptions).toBe(1));
    expect(counts.board).toBe(1);

    for (let index = 0; index < 200; index += 1) {
      live.push(buildChange("CREATED", buildChangedAccount(1000 + index, `Importada ${index}`, 10, statuses.nuevo)));
    }
    expect(counts.board).toBe(1);
    // The batch is applied once the burst is quiet (1 s): one eviction, one new Board request.
    await waitFor(() => expect(counts.board).toBe(2));
    await screen.findByRole("region", { name: /^Nuevo lead:/ });
    expect(counts.board).toBe(2);
  });

  it("should count an account created and moved at once (its creation still batched) once, in its new column", async () => {
    const { live } = renderLive();
    await within(await screen.findByRole("region", { name: /^Nuevo lead:/ })).findByRole("button", { name: /Textiles Yucateca/ });
    await waitFor(() => expect(live.state.subscriptions).toBe(1));

    const fresh = buildChangedAccount(600, "Recién Creada", 10, statuses.nuevo);
    live.push(buildChange("CREATED", fresh));
    live.push(buildChange("MOVED", withStatus(fresh, statuses.ganado), { fromStatus: { id: statuses.nuevo.id } }));

    await within(column("Ganado")).findByRole("button", { name: /Recién Creada/ });
    expect([countOf("Nuevo lead"), countOf("Ganado")]).toEqual([1, 1]);
  });

  it("should read a filtered board again once for a burst of colleagues' moves it cannot place (cards it never loaded)", async () => {
    const { live, counts } = renderLive({ statusIds: [statuses.nuevo.id, statuses.sinContactar.id, statuses.ganado.id] });
    await screen.findByRole("region", { name: /^Nuevo lead:/ });
    await waitFor(() => expect(live.state.subscriptions).toBe(1));
    expect(counts.board).toBe(1);

    // From a status this board has no column for, into one it shows: only the server knows if the filter matches.
    for (let index = 0; index < 5; index += 1) {
      live.push(buildChange("MOVED", buildChangedAccount(500 + index, `Movida ${index}`, 10, statuses.ganado), { fromStatus: { id: 99 } }));
    }
    expect(counts.board).toBe(1);
    await waitFor(() => expect(counts.board).toBe(2));
    await screen.findByRole("region", { name: /^Nuevo lead:/ });
    expect(counts.board).toBe(2);
    expect(screen.queryByRole("button", { name: /Movida/ })).toBeNull();
  });

  it("should subscribe again after the server fails the subscription, and apply the events that follow", async () => {
    const { live } = renderLive();
    await within(await screen.findByRole("region", { name: /^Nuevo lead:/ })).findByRole("button", { name: /Textiles Yucateca/ });
    await waitFor(() => expect(live.state.subscriptions).toBe(1));

    live.fail(new Error("Socket closed with event 4500 Internal server error"));
    // After a short, growing wait (0.5–1 s the first time).
    await waitFor(() => expect(live.state.subscriptions).toBe(2));
    live.push(buildChange("MOVED", withStatus(textiles, statuses.ganado)));
    await within(column("Ganado")).findByRole("button", { name: /Textiles Yucateca/ });
  });
});
