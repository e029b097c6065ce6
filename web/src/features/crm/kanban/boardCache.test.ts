import { BoardDocument, type AccountFilter } from "../../../__generated__/graphql";
import { createApolloCache } from "../../../lib/apollo";
import { appendColumnPage, changeCardValueInBoards, moveCardInBoards } from "./boardCache";
import { buildBoard, buildCard, buildColumn, statuses } from "./kanbanFixtures";
import { boardFirstCards } from "./useBoard";

const searchFilter: AccountFilter = { search: "Tex" };
const textiles = buildCard(1, "Textiles Yucateca", 1000.1, statuses.nuevo);
const telas = buildCard(2, "Telas del Sur", 200.2, statuses.nuevo);
const calzado = buildCard(3, "Calzado Nogal", 250, statuses.sinContactar);

function seeded() {
  const cache = createApolloCache();
  const write = (filter: AccountFilter | undefined, data: ReturnType<typeof buildBoard>) =>
    cache.writeQuery({ query: BoardDocument, variables: { filter, first: boardFirstCards }, data });
  write(undefined, buildBoard([buildColumn(statuses.nuevo, [textiles, telas]), buildColumn(statuses.sinContactar, [calzado])]));
  write(searchFilter, buildBoard([buildColumn(statuses.nuevo, [textiles], { totalCount: 3, accountValueSum: 3000, hasNextPage: true })]));
  const read = (filter: AccountFilter | undefined) =>
    cache.readQuery({ query: BoardDocument, variables: { filter, first: boardFirstCards } })?.board;
  return { cache, read };
}

const companies = (board: ReturnType<ReturnType<typeof seeded>["read"]>, statusId: number) =>
  board?.columns.find((column) => column.status.id === statusId)?.cards.edges.map((edge) => edge.node.companyName);

describe("appendColumnPage", () => {
  it("should append the page to the column of the board of that filter only, with the page's totals", () => {
    const { cache, read } = seeded();
    const more = buildCard(9, "Textura MX", 50, statuses.nuevo);
    appendColumnPage(cache, searchFilter, buildColumn(statuses.nuevo, [more, textiles], { totalCount: 4, accountValueSum: 3050 }));

    const searched = read(searchFilter)?.columns[0];
    expect(searched?.cards.edges.map((edge) => edge.node.companyName)).toEqual(["Textiles Yucateca", "Textura MX"]);
    expect(searched?.cards.pageInfo).toEqual({ __typename: "PageInfo", hasNextPage: false, endCursor: "c-Prospect:1" });
    expect([searched?.totalCount, searched?.accountValueSum]).toEqual([4, 3050]);
    expect(companies(read(undefined), statuses.nuevo.id)).toEqual(["Textiles Yucateca", "Telas del Sur"]);
  });
});

describe("moveCardInBoards", () => {
  it("should move the card to the top of the target column in every board that shows it, with counts and centavo-exact sums", () => {
    const { cache, read } = seeded();
    moveCardInBoards(cache, { card: textiles, fromStatusId: statuses.nuevo.id, toStatusId: statuses.sinContactar.id });

    const all = read(undefined);
    expect(companies(all, statuses.nuevo.id)).toEqual(["Telas del Sur"]);
    expect(companies(all, statuses.sinContactar.id)).toEqual(["Textiles Yucateca", "Calzado Nogal"]);
    expect(all?.columns.map((column) => [column.totalCount, column.accountValueSum])).toEqual([
      [1, 200.2],
      [2, 1250.1],
    ]);
    expect([all?.totalCount, all?.accountValueSum]).toEqual([3, 1450.3]);

    // The searched board has no "Sin contactar" column (say its filter hides it): the card leaves it.
    const searched = read(searchFilter);
    expect(companies(searched, statuses.nuevo.id)).toEqual([]);
    expect([searched?.columns[0]?.totalCount, searched?.columns[0]?.accountValueSum]).toEqual([2, 1999.9]);
    expect([searched?.totalCount, searched?.accountValueSum]).toEqual([2, 1999.9]);
  });

  it("should leave a board alone when its source column never loaded the card", () => {
    const { cache, read } = seeded();
    const before = read(searchFilter);
    moveCardInBoards(cache, { card: telas, fromStatusId: statuses.nuevo.id, toStatusId: statuses.sinContactar.id });
    expect(read(searchFilter)).toEqual(before);
    expect(companies(read(undefined), statuses.sinContactar.id)).toEqual(["Telas del Sur", "Calzado Nogal"]);
  });
});

describe("changeCardValueInBoards", () => {
  it("should move the sums of the column and the board that hold the card by the change, and leave other boards and columns alone", () => {
    const { cache, read } = seeded();
    changeCardValueInBoards(cache, cache.identify(textiles)!, 1000.1, 1500.3, textiles.version + 1);

    const all = read(undefined);
    expect(all?.columns.map((column) => column.accountValueSum)).toEqual([1700.5, 250]);
    expect(all?.accountValueSum).toBe(1950.5);
    const searched = read(searchFilter);
    expect([searched?.columns[0]?.accountValueSum, searched?.accountValueSum]).toEqual([3500.2, 3500.2]);

    changeCardValueInBoards(cache, cache.identify(calzado)!, 250, 0, calzado.version + 1);
    expect(read(undefined)?.columns.map((column) => column.accountValueSum)).toEqual([1700.5, 0]);
    expect(read(undefined)?.accountValueSum).toBe(1700.5);
    expect(read(searchFilter)?.accountValueSum).toBe(3500.2);
  });
});
