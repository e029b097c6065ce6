import { QueryFailedError } from "typeorm";
import { testDialects, openTestDatabase, type TestDatabase } from "../../test/databases";
import { UserEntity } from "../modules/auth/user.entity";
import { isUniqueViolation } from "./unique-violation";

describe.each(testDialects())("isUniqueViolation on %s", (dialect) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await openTestDatabase(dialect);
  });

  afterAll(async () => {
    await db?.close();
  });

  it("should recognise the driver's duplicate-key error and nothing else", async () => {
    const users = db.dataSource.getRepository(UserEntity);
    await users.insert({ email: "twice@test.example", name: "Uno", passwordHash: "x", active: true });
    const duplicate = await users.insert({ email: "twice@test.example", name: "Dos", passwordHash: "x", active: true }).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(QueryFailedError);
    expect(isUniqueViolation(duplicate)).toBe(true);

    const otherFailure = await users.insert({ email: "no-name@test.example", name: null as unknown as string, passwordHash: "x", active: true }).catch((e: unknown) => e);
    expect(otherFailure).toBeInstanceOf(QueryFailedError);
    expect(isUniqueViolation(otherFailure)).toBe(false);
    expect(isUniqueViolation(new Error("ER_DUP_ENTRY"))).toBe(false);
  });
});
