import { toGlobalId } from "../src/graphql/global-id";
import { addedNoteId, checkAccountsPage, checkBoard, checkMove, checkPanel } from "./realtime-answers";

const id = (n: number) => toGlobalId("Account", n);
const own = (n: number) => n === 1 || n === 2;
const all = () => true;

describe("realtime-load answer checks", () => {
  const board = (cards: number[][]) => ({ board: { columns: cards.map((ids) => ({ cards: { edges: ids.map((n) => ({ node: { id: id(n) } })) } })) } });

  it("should accept a board of at most `first` cards per column, all in scope", () => {
    expect(checkBoard(2, own)(board([[1], [2], []]))).toBeNull();
    expect(checkBoard(2, all)(board([[7, 8]]))).toBeNull();
  });

  it("should refuse a board without columns, with too many cards, or with another user's account", () => {
    expect(checkBoard(2, own)({ board: { columns: [] } })).toBe("board without columns");
    expect(checkBoard(2, own)({ board: null })).toBe("board without columns");
    expect(checkBoard(1, own)(board([[1, 2]]))).toBe("a column has more than 1 cards");
    expect(checkBoard(2, own)(board([[1], [9]]))).toBe("account 9 is outside the user's scope");
  });

  it("should check an accounts page's size, total and scope", () => {
    const page = (ids: number[], totalCount: number) => ({ accounts: { totalCount, edges: ids.map((n) => ({ node: { id: id(n) } })) } });
    expect(checkAccountsPage(2, own)(page([1, 2], 2))).toBeNull();
    expect(checkAccountsPage(2, own)(page([1, 2], 1))).toBe("2 rows of a page of 2, totalCount 1");
    expect(checkAccountsPage(1, own)(page([1, 2], 5))).toBe("2 rows of a page of 1, totalCount 5");
    expect(checkAccountsPage(2, own)(page([3], 1))).toBe("account 3 is outside the user's scope");
    expect(checkAccountsPage(2, own)({ accounts: null })).toBe("accounts without edges");
  });

  it("should want the panel's own account", () => {
    expect(checkPanel(id(1))({ account: { id: id(1) } })).toBeNull();
    expect(checkPanel(id(1))({ account: { id: id(2) } })).toMatch(/another account/);
  });

  it("should want the moved account in its new status, one version further", () => {
    const check = checkMove(id(1), 6, 3);
    expect(check({ moveAccount: { id: id(1), version: 4, followUpStatus: { id: 6 } } })).toBeNull();
    expect(check({ moveAccount: { id: id(2), version: 4, followUpStatus: { id: 6 } } })).toBe("moveAccount answered another account");
    expect(check({ moveAccount: { id: id(1), version: 4, followUpStatus: { id: 5 } } })).toBe("status 5, expected 6");
    expect(check({ moveAccount: { id: id(1), version: 5, followUpStatus: { id: 6 } } })).toBe("version 5, expected 4");
  });

  it("should read the added note's id", () => {
    expect(addedNoteId({ addNote: { id: "Tm90ZTox" } })).toBe("Tm90ZTox");
    expect(addedNoteId({ addNote: null })).toBeNull();
  });
});
