import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedFingerprint } from "./bench-database";
import { assertSamePage, type RawPage } from "./graphql-vs-raw.bench";
import { isAuthentication, tablesOf } from "./sql-counts.bench";

describe("sql-counts helpers", () => {
  it("should tell the token lookup from the page's statements", () => {
    expect(isAuthentication("SELECT `u`.`id` FROM `api_tokens` `t` INNER JOIN `users` `u` ON `u`.`id` = `t`.`user_id`")).toBe(true);
    expect(isAuthentication("UPDATE `api_tokens` SET `last_used_at` = ?")).toBe(true);
    expect(isAuthentication("SELECT * FROM `users` WHERE id IN (?)")).toBe(false);
  });

  it("should name the tables of a statement once each", () => {
    expect(tablesOf("SELECT * FROM `prospection_users` `a` LEFT JOIN `follow_up_data` f ON f.prospect_id = a.id JOIN prospection_users pu ON 1")).toEqual(["prospection_users", "follow_up_data"]);
    expect(tablesOf("INSERT INTO `outbox` (a) VALUES (?)")).toEqual(["outbox"]);
  });
});

describe("graphql-vs-raw: the raw page must be the GraphQL page's data", () => {
  const gql = (ids: number[], contacts = 1) => ({
    accounts: {
      totalCount: 10,
      edges: ids.map((legacyId) => ({ node: { legacyId, contacts: Array.from({ length: contacts }, () => ({})), locations: [], notes: { totalCount: 1, edges: [{ node: { comment: "hola" } }] } } })),
    },
  });
  const raw = (ids: number[], totalCount = 10): RawPage => ({
    totalCount,
    accounts: ids.map((id) => ({ id, contacts: [{}], locations: [], notes: [{ comment: "hola" }], noteCount: 1 }) as unknown as RawPage["accounts"][number]),
  });

  it("should accept the same accounts, order, relations and notes", () => {
    expect(() => assertSamePage(gql([3, 2, 1]), raw([3, 2, 1]))).not.toThrow();
  });

  it("should refuse another total, order or relation count", () => {
    expect(() => assertSamePage(gql([3, 2, 1]), raw([3, 2, 1], 11))).toThrow(/totalCount 10 vs 11/);
    expect(() => assertSamePage(gql([3, 2, 1]), raw([1, 2, 3]))).toThrow(/page ids differ/);
    expect(() => assertSamePage(gql([3, 2, 1], 2), raw([3, 2, 1]))).toThrow(/account 3: contacts\/locations\/notes 2\/0\/1 vs 1\/0\/1/);
  });
});

describe("seedFingerprint", () => {
  it("should change when the seed code changes, and ignore tests", () => {
    const dir = mkdtempSync(join(tmpdir(), "bench-seed-"));
    writeFileSync(join(dir, "volume.seed.ts"), "export const a = 1;");
    const first = seedFingerprint(dir);
    writeFileSync(join(dir, "volume.seed.test.ts"), "it('x', () => {});");
    expect(seedFingerprint(dir)).toBe(first);
    writeFileSync(join(dir, "volume.seed.ts"), "export const a = 2;");
    expect(seedFingerprint(dir)).not.toBe(first);
  });
});
