import { pickOperation, webOperation } from "./bench-documents";
import { REPOSITORY_ROOT } from "./bench-api";

describe("pickOperation", () => {
  const source = `
    query Board { board { ...Column } }
    mutation Move { moveAccount(input: {}) { id } }
    fragment Column on BoardColumn { totalCount cards { ...Card } }
    fragment Card on Account { id ...Status }
    fragment Status on Account { followUpStatus { id } }
    fragment Unused on Account { id }
  `;

  it("should keep the operation and every fragment it spreads, through other fragments, once each", () => {
    const picked = pickOperation(source, "Board");
    expect(picked.match(/^(query|mutation|fragment) \w+/gm)).toEqual(["query Board", "fragment Column", "fragment Card", "fragment Status"]);
  });

  it("should name a missing operation or fragment", () => {
    expect(() => pickOperation(source, "Nope")).toThrow("no operation Nope in the web's documents");
    expect(() => pickOperation("query A { ...Gone }", "A")).toThrow("operation A spreads fragment Gone, which no web document defines");
  });

  it("should find the web's own operations with their fragments", () => {
    const board = webOperation(REPOSITORY_ROOT, "KanbanMoveAccount");
    expect(board).toContain("mutation KanbanMoveAccount");
    expect(board).toContain("fragment KanbanCard_account on Account");
    expect(board).not.toContain("query Board");
  });
});
