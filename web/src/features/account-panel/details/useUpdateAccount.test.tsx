import { act, fireEvent, screen } from "@testing-library/react";

import { BoardDocument } from "../../../__generated__/graphql";
import { heldLink } from "../../../test/heldLink";
import { renderWithProviders } from "../../../test/renderWithProviders";
import { buildBoard, buildCard, buildColumn, statuses } from "../../crm/kanban/kanbanFixtures";
import { boardFirstCards } from "../../crm/kanban/useBoard";
import { buildPanelAccount } from "../panelFixtures";
import { useUpdateAccount } from "./useUpdateAccount";

const card = buildCard(1, "Envíos del Bajío", 1000, statuses.nuevo);
const other = buildCard(2, "Telas del Sur", 250, statuses.nuevo);

function Probe({ accountValue }: { accountValue: number }) {
  const { updateAccount } = useUpdateAccount();
  return (
    <button type="button" onClick={() => void updateAccount({ accountId: card.id, version: card.version, followUpData: { accountValue } })}>
      save
    </button>
  );
}

const savedFollowUpData = (accountValue: number) => ({
  __typename: "FollowUpData",
  accountSize: null,
  accountValue,
  annotations: null,
  estimatedCloseDate: null,
  monthlyShipments: null,
  channel: null,
  content: null,
  ecommerceType: null,
  weight: null,
});

describe("useUpdateAccount", () => {
  it("should move the sums of the Kanban board showing the card by the saved change of account value", async () => {
    const held = heldLink(() => undefined);
    const { client } = renderWithProviders(<Probe accountValue={1500.5} />, { link: held.link });
    client.cache.writeQuery({ query: BoardDocument, variables: { first: boardFirstCards }, data: buildBoard([buildColumn(statuses.nuevo, [card, other])]) });

    fireEvent.click(screen.getByRole("button", { name: "save" }));
    await act(async () => {
      held.answer("UpdateAccount", { data: { updateAccount: buildPanelAccount({ id: card.id, followUpData: savedFollowUpData(1500.5) } as never) } });
    });

    const board = client.cache.readQuery({ query: BoardDocument, variables: { first: boardFirstCards } })?.board;
    expect([board?.columns[0]?.accountValueSum, board?.accountValueSum]).toEqual([1750.5, 1750.5]);
    expect(board?.columns[0]?.cards.edges[0]?.node.followUpData?.accountValue).toBe(1500.5);
  });
});
