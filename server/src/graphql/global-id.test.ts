import { expectGlobalId, fromGlobalId, toGlobalId } from "./global-id";
import { UserInputError } from "./errors";

describe("global ids", () => {
  it("should round-trip a kind and id through an opaque string", () => {
    const id = toGlobalId("Account", 42);
    expect(id).not.toContain("42");
    expect(fromGlobalId(id)).toMatchObject({ kind: "Account", id: 42 });
    expect(expectGlobalId(id, "Account")).toBe(42);
  });

  it.each(["", "abc", toGlobalId("Account", "x1y"), "QWNjb3VudDo0Mg=="])("should reject %p as BAD_USER_INPUT", (bad) => {
    expect(() => fromGlobalId(bad, "accountId")).toThrow(UserInputError);
  });

  it("should reject an id of another kind, naming the field", () => {
    expect(() => expectGlobalId(toGlobalId("User", 1), "Account", "input.accountId")).toThrow(/input\.accountId/);
  });
});
