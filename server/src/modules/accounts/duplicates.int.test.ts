import { openTestDatabase, testDialects, type TestDatabase } from "../../../test/databases";
import { buildProspect, buildUser } from "../../../test/factories";
import { QueryCounter } from "../../../test/query-counter";
import { seedCatalogs } from "../../db/seed/catalogs.seed";
import type { AccountEntity } from "./account.entity";
import { findDuplicates, type DuplicateCandidate } from "./duplicates";

describe.each(testDialects())("findDuplicates on %s", (dialect) => {
  let db: TestDatabase;
  const counter = new QueryCounter();
  let existing: AccountEntity[];

  beforeAll(async () => {
    db = await openTestDatabase(dialect, { logger: counter });
    await seedCatalogs(db.dataSource);
    const user = await buildUser(db.dataSource, ["crm"]);
    existing = [
      await buildProspect(db.dataSource, user, { companyName: "Mudanzas Martínez", email: "info@martinez.example", phoneCode: "52", phone: "8112345678" }),
      await buildProspect(db.dataSource, user, { companyName: "Otra Empresa", email: "otra@example.com", phoneCode: "1", phone: "8112345678", status: 0 }),
    ];
  });

  afterAll(async () => {
    await db?.close();
  });

  it("should match each candidate on email, phone code + number and folded company name, removed accounts included", async () => {
    const candidates: DuplicateCandidate[] = [
      { email: "INFO@martinez.example", phoneCode: null, phone: null, companyName: "Nada que ver" },
      { email: null, phoneCode: "52", phone: "8112345678", companyName: "mudanzas  MARTINEZ" },
      { email: null, phoneCode: "1", phone: "8112345678", companyName: "Nueva" },
      { email: "nuevo@example.com", phoneCode: "57", phone: "8112345678", companyName: "Nueva" },
    ];
    const result = await findDuplicates(db.dataSource.manager, candidates);
    expect(result.map((matches) => matches.map((m) => [m.accountId, m.matchedOn]))).toEqual([
      [[existing[0]!.id, ["email"]]],
      [[existing[0]!.id, ["phone", "companyName"]]],
      [[existing[1]!.id, ["phone"]]],
      [],
    ]);
  });

  it("should check a CSV-sized batch in one statement per 300 candidates", async () => {
    const candidates: DuplicateCandidate[] = Array.from({ length: 700 }, (_, i) => ({ email: `row${i}@import.example`, phoneCode: "52", phone: `33${String(i).padStart(8, "0")}`, companyName: `Importada ${i}` }));
    candidates[650] = { ...candidates[650]!, email: "info@martinez.example" };
    const { result, statements } = await counter.count(() => findDuplicates(db.dataSource.manager, candidates));
    expect(statements).toHaveLength(3);
    expect(result.filter((matches) => matches.length > 0).map((m) => m[0]!.accountId)).toEqual([existing[0]!.id]);
    expect(result[650]![0]!.matchedOn).toEqual(["email"]);
  });

  it("should list an account matched on several columns once, several accounts by id, and leave out excludeAccountId", async () => {
    const candidate: DuplicateCandidate = { email: "otra@example.com", phoneCode: "1", phone: "8112345678", companyName: "Mudanzas Martinez" };
    const [both] = await findDuplicates(db.dataSource.manager, [candidate]);
    expect(both!.map((m) => [m.accountId, m.matchedOn])).toEqual([
      [existing[0]!.id, ["companyName"]],
      [existing[1]!.id, ["email", "phone"]],
    ]);
    const [others] = await findDuplicates(db.dataSource.manager, [candidate], { excludeAccountId: existing[1]!.id });
    expect(others!.map((m) => m.accountId)).toEqual([existing[0]!.id]);
  });
});
