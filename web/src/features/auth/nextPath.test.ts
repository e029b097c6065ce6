import { safeNextPath } from "./nextPath";

const origin = "https://crm.example.com";

describe("safeNextPath", () => {
  it.each([
    ["?next=%2Fplayground", "/playground"],
    ["?next=%2F%3Faccount%3DQWNj%23notes", "/?account=QWNj#notes"],
  ])("should return the path of %s", (search, expected) => {
    expect(safeNextPath(search, origin)).toBe(expected);
  });

  it.each(["", "?next=", "?next=https%3A%2F%2Fevil.example", "?next=%2F%2Fevil.example", "?next=%2F%5Cevil.example", "?next=javascript%3Aalert(1)"])(
    "should ignore %j because it is not a path on this site",
    (search) => {
      expect(safeNextPath(search, origin)).toBeNull();
    },
  );
});
