import { readFileSync } from "node:fs";
import { buildSchema, getNamedType, isInputObjectType, type GraphQLArgument, type GraphQLField } from "graphql";
import { startTestApi, type ApiClient, type GraphQLResponse, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildCompany, buildContact, buildLocation, buildNote, buildProspect, buildReminder, buildUser } from "../../../test/factories";
import { matrix, rowName, type MatrixRow } from "../../../test/permission-matrix";
import { toGlobalId } from "../../graphql/global-id";
import { SCHEMA_FILE } from "../../graphql/print-schema";
import { AccountEntity, AccountStatusCode, AccountTypeCode } from "../accounts/account.entity";
import type { UserEntity } from "./user.entity";

/*
 * Leak test: two SDRs, an MDR (with an assigned company and its clients) and a manager, each
 * with accounts; every query and every CRM field taking an id is asked for every account as
 * every user. Nothing outside the viewer's scope may come back: NOT_FOUND, no data, no name.
 */

const ID_ARGS = new Set(["id", "accountId"]);
// The leak users hold every CRM permission except the ones that widen visibility.
const EXTRA = ["crm-menu", "crm-partners", "crm-edit-salesman-prospect"];

const takesId = (field: GraphQLField<unknown, unknown>): boolean =>
  field.args.some((arg: GraphQLArgument) => {
    if (ID_ARGS.has(arg.name) && getNamedType(arg.type).name === "ID") {
      return true;
    }
    const type = getNamedType(arg.type);
    return isInputObjectType(type) && Object.values(type.getFields()).some((f) => ID_ARGS.has(f.name) && getNamedType(f.type).name === "ID");
  });

const schema = buildSchema(readFileSync(SCHEMA_FILE, "utf8"));
const rootFields = (["Query", "Mutation"] as const).flatMap((root) =>
  Object.values((root === "Query" ? schema.getQueryType() : schema.getMutationType())?.getFields() ?? {}).map((field) => ({ root, field })),
);
/** The matrix row a leak user (crm + EXTRA) can run for a field: the one needing least. */
const rowFor = (name: string): MatrixRow | undefined =>
  matrix.filter((r) => r.field === name && r.needs.every((k) => k === "crm" || EXTRA.includes(k))).sort((a, b) => a.needs.length - b.needs.length)[0];
const crmRow = (name: string) => matrix.some((r) => r.field === name && r.needs.includes("crm"));
const idFields = rootFields.filter(({ root, field }) => takesId(field) && (crmRow(`${root}.${field.name}`) || !matrix.some((r) => r.field === `${root}.${field.name}`)));
const listQueries = rootFields.filter(({ root, field }) => root === "Query" && !takesId(field) && crmRow(`Query.${field.name}`));

/** Every Account id anywhere in a response. */
function accountIds(value: unknown, found = new Set<number>()): Set<number> {
  if (typeof value === "string") {
    const match = /^Account:(\d+)$/.exec(Buffer.from(value, "base64url").toString("utf8"));
    if (match && toGlobalId("Account", match[1]!) === value) {
      found.add(Number(match[1]));
    }
  } else if (Array.isArray(value)) {
    value.forEach((v) => accountIds(v, found));
  } else if (value && typeof value === "object") {
    Object.values(value).forEach((v) => accountIds(v, found));
  }
  return found;
}

function totalCounts(value: unknown, found: number[] = []): number[] {
  if (Array.isArray(value)) {
    value.forEach((v) => totalCounts(v, found));
  } else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (key === "totalCount" && typeof v === "number") {
        found.push(v);
      }
      totalCounts(v, found);
    }
  }
  return found;
}

describe("leak test coverage", () => {
  it("should have a matrix row (the sample operation) for every CRM root field taking an id", () => {
    expect(idFields.filter(({ root, field }) => !rowFor(`${root}.${field.name}`)).map(({ root, field }) => `${root}.${field.name}`)).toEqual([]);
  });
});

describe.each(testDialects())("nothing leaks outside the viewer's scope on %s", (dialect) => {
  let api: TestApi;
  let users: Record<"sdr1" | "sdr2" | "mdr" | "manager", UserEntity>;
  let clients: Record<keyof typeof users, ApiClient>;
  let accounts: AccountEntity[];
  let scope: Record<keyof typeof users, Set<number>>;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ds = api.db.dataSource;
    users = {
      sdr1: await buildUser(ds, ["crm", "sdr", ...EXTRA]),
      sdr2: await buildUser(ds, ["crm", "sdr", ...EXTRA]),
      mdr: await buildUser(ds, ["crm", "mdr", ...EXTRA]),
      manager: await buildUser(ds, ["crm", "crm-manager", ...EXTRA]),
    };
    const mdrCompany = await buildCompany(ds, { assignedExecutiveId: users.mdr.id });
    const otherCompany = await buildCompany(ds);
    const client = { type: AccountTypeCode.client };
    accounts = [
      await buildProspect(ds, users.sdr1),
      await buildProspect(ds, users.sdr1, { type: AccountTypeCode.partnerProspect }),
      await buildProspect(ds, users.sdr2, { salesmanId: users.sdr1.id }),
      await buildProspect(ds, users.sdr2),
      await buildProspect(ds, users.sdr2, { status: AccountStatusCode.removed }),
      await buildProspect(ds, users.mdr),
      await buildProspect(ds, users.manager, { ...client, companyId: mdrCompany.id, salesmanId: users.manager.id }),
      await buildProspect(ds, users.manager, { ...client, companyId: otherCompany.id }),
      await buildProspect(ds, users.manager, { type: AccountTypeCode.partnerProspect }),
    ];
    for (const account of accounts) {
      const owner = Object.values(users).find((u) => u.id === account.createdBy)!;
      await buildNote(ds, account, owner, { scheduledDate: new Date(Date.now() + 86_400_000) });
      await buildContact(ds, account, owner);
      await buildLocation(ds, account, owner);
      await buildReminder(ds, account, owner);
    }
    const own = (u: UserEntity) => (a: AccountEntity) => a.createdBy === u.id || a.salesmanId === u.id;
    scope = {
      sdr1: new Set(accounts.filter(own(users.sdr1)).map((a) => a.id)),
      sdr2: new Set(accounts.filter(own(users.sdr2)).map((a) => a.id)),
      mdr: new Set(accounts.filter((a) => own(users.mdr)(a) || (a.type === AccountTypeCode.client && a.companyId === mdrCompany.id)).map((a) => a.id)),
      manager: new Set(accounts.map((a) => a.id)),
    };
    clients = {
      sdr1: await api.as(users.sdr1),
      sdr2: await api.as(users.sdr2),
      mdr: await api.as(users.mdr),
      manager: await api.as(users.manager),
    };
  });

  afterAll(async () => {
    await api?.close();
  });

  const who = ["sdr1", "sdr2", "mdr", "manager"] as const;

  it.each(who)("accounts as %s: exactly the scope, totalCount included, removed ones too when asked", async (name) => {
    const res = await clients[name].gql<{ accounts: { totalCount: number; edges: Array<{ node: { legacyId: number } }> } }>(
      `query($f: AccountFilter) { accounts(first: 100, filter: $f) { totalCount edges { node { legacyId notes { totalCount edges { node { id } } } } } } }`,
      { f: { accountStatuses: ["IN_PROCESS", "REGISTERED", "REMOVED"] } },
    );
    expect(res.errors).toBeUndefined();
    const ids = res.data!.accounts.edges.map((e) => e.node.legacyId).sort((a, b) => a - b);
    expect(ids).toEqual([...scope[name]].sort((a, b) => a - b));
    expect(res.data!.accounts.totalCount).toBe(scope[name].size);
  });

  // A search runs one scoped branch per column (name, company, email, phone) and counts their union:
  // every account matches on every column here ("Contacto N", "Compañía N", contactoN@…, 55…).
  it.each(who.flatMap((name) => ["contacto", "55"].map((search) => [name, search] as const)))(
    "accounts as %s searching %s: exactly the scope through every search branch, totalCount included",
    async (name, search) => {
      const res = await clients[name].gql<{ accounts: { totalCount: number; edges: Array<{ node: { legacyId: number } }> } }>(
        `query($f: AccountFilter) { accounts(first: 100, filter: $f) { totalCount edges { node { legacyId } } } }`,
        { f: { search, accountStatuses: ["IN_PROCESS", "REGISTERED", "REMOVED"] } },
      );
      expect(res.errors).toBeUndefined();
      const ids = res.data!.accounts.edges.map((e) => e.node.legacyId).sort((a, b) => a - b);
      expect(ids).toEqual([...scope[name]].sort((a, b) => a - b));
      expect(res.data!.accounts.totalCount).toBe(scope[name].size);
    },
  );

  it.each(listQueries.flatMap(({ field }) => who.map((name) => [`Query.${field.name}`, name] as const)))("%s as %s returns only accounts in scope", async (fieldName, name) => {
    const row = rowFor(fieldName);
    if (!row) {
      return; // only rows needing keys the leak users lack (covered by the matrix test)
    }
    const res = await clients[name].gql(row.operation, (await row.variables?.({ ds: api.db.dataSource, user: users[name], account: accounts[0]!, accountId: toGlobalId("Account", accounts[0]!.id) })) ?? {});
    const seen = [...accountIds(res.data)];
    expect(seen.filter((id) => !scope[name].has(id))).toEqual([]);
    for (const count of totalCounts(res.data)) {
      expect(count).toBeLessThanOrEqual(scope[name].size);
    }
  });

  const cases = idFields.flatMap(({ root, field }) => who.map((name) => [`${root}.${field.name}`, name] as const));

  it.each(cases)("%s as %s: NOT_FOUND and nothing returned for every account outside the scope", async (fieldName, name) => {
    const row = rowFor(fieldName);
    expect(row).toBeDefined();
    const targets = accounts.filter((a) => !row!.accountType || a.type === { prospect: AccountTypeCode.prospect, partner: AccountTypeCode.partnerProspect, client: AccountTypeCode.client }[row!.accountType]);
    for (const account of targets) {
      const inScope = scope[name].has(account.id);
      if (inScope && fieldName.startsWith("Mutation.")) {
        continue; // writes in scope are the pipeline suites' business
      }
      const owner = Object.values(users).find((u) => u.id === account.createdBy)!;
      const variables = await row!.variables?.({ ds: api.db.dataSource, user: inScope ? users[name] : owner, account, accountId: toGlobalId("Account", account.id) });
      const res: GraphQLResponse = await clients[name].gql(row!.operation, variables ?? {});
      const codes = (res.errors ?? []).map((e) => e.extensions?.code);
      const label = `${rowName(row!)} as ${name} on account ${account.id} (${inScope ? "in" : "out of"} scope)`;
      if (inScope) {
        expect({ label, codes: codes.filter((c) => c === "NOT_FOUND") }).toEqual({ label, codes: [] });
      } else {
        expect({ label, codes }).toEqual({ label, codes: expect.arrayContaining(["NOT_FOUND"]) });
        expect({ label, ids: [...accountIds(res.data)] }).toEqual({ label, ids: [] });
        expect(JSON.stringify(res)).not.toContain(account.name);
        if (fieldName.startsWith("Mutation.")) {
          // Checked right after the write, so this case proves it on its own (no reliance on other cases' order).
          const after = await api.db.dataSource.getRepository(AccountEntity).findOneByOrFail({ id: account.id });
          const unchanged = (a: AccountEntity) => ({ label, status: a.status, name: a.name, salesmanId: a.salesmanId, type: a.type, version: a.version });
          expect(unchanged(after)).toEqual(unchanged(account));
        }
      }
    }
  });
});
