import { IsNull } from "typeorm";
import { toGlobalId } from "../../graphql/global-id";
import { startTestApi, type ApiClient, type GraphQLResponse, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildLocation, buildProspect, buildUser } from "../../../test/factories";
import type { AccountEntity } from "../accounts/account.entity";
import type { UserEntity } from "../auth/user.entity";
import { LocationEntity } from "./location.entity";

const FIELDS = "id kind name street exteriorNumber interiorNumber neighborhood city state postalCode country isPrimary";
const ADD = `mutation($input: AddLocationInput!) { addLocation(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { ${FIELDS} } }`;
const REMOVE = `mutation($input: RemoveLocationInput!) { removeLocation(input: $input) { id } }`;

const code = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;
const address = { kind: "WAREHOUSE", street: "Av. Vallarta", exteriorNumber: "1500", neighborhood: "Americana", city: "Guadalajara", state: "Jalisco", postalCode: "44160" };

describe.each(testDialects())("location mutations on %s", (dialect) => {
  let api: TestApi;
  let users: Record<"owner" | "noMenu" | "stranger", UserEntity>;
  let as: Record<string, ApiClient>;
  const repo = () => api.db.dataSource.getRepository(LocationEntity);
  const secondary = async (account: AccountEntity, changes: Partial<LocationEntity> = {}) => {
    const location = await buildLocation(api.db.dataSource, account, users.owner);
    await repo().update({ id: location.id }, { isPrimary: false, ...changes });
    return location;
  };
  const primaries = async (account: AccountEntity) => (await repo().findBy({ prospectId: account.id, isPrimary: true, deletedAt: IsNull() })).map((l) => l.id);

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ds = api.db.dataSource;
    users = {
      owner: await buildUser(ds, ["crm", "sdr", "crm-menu"]),
      noMenu: await buildUser(ds, ["crm", "crm-manager"]),
      stranger: await buildUser(ds, ["crm", "sdr", "crm-menu"]),
    };
    as = {};
    for (const [name, user] of Object.entries(users)) {
      as[name] = await api.as(user);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  describe("addLocation", () => {
    it("should make the first location primary and move the flag when a new one asks for it", async () => {
      const account = await buildProspect(api.db.dataSource, users.owner);
      const first = await as.owner!.gql<{ addLocation: { id: string; isPrimary: boolean } }>(ADD, { input: { accountId: toGlobalId("Account", account.id), ...address } });
      expect(first.errors).toBeUndefined();
      expect(first.data?.addLocation).toMatchObject({ ...address, interiorNumber: null, country: "MX", isPrimary: true });
      const second = await as.owner!.gql<{ addLocation: { id: string; isPrimary: boolean } }>(ADD, { input: { accountId: toGlobalId("Account", account.id), ...address, kind: "OFFICE" } });
      expect(second.data?.addLocation.isPrimary).toBe(false);
      const third = await as.owner!.gql<{ addLocation: { id: string } }>(ADD, { input: { accountId: toGlobalId("Account", account.id), ...address, kind: "HEADQUARTERS", isPrimary: true } });
      const rows = await repo().findBy({ prospectId: account.id });
      expect(rows).toHaveLength(3);
      expect((await primaries(account)).map((id) => toGlobalId("Location", id))).toEqual([third.data?.addLocation.id]);
    });

    it.each([
      [{ postalCode: "4416" }, { postalCode: "must be 5 digits in Mexico" }],
      [{ street: " ", city: "" }, { street: "is required", city: "is required" }],
      [{ country: "Mexico" }, { country: "must be a two-letter ISO country code, e.g. MX" }],
    ])("should reject bad address %# and write nothing", async (bad, fields) => {
      const account = await buildProspect(api.db.dataSource, users.owner);
      const before = await repo().count();
      const res = await as.owner!.gql(ADD, { input: { accountId: toGlobalId("Account", account.id), ...address, ...bad } });
      expect(code(res)).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.extensions?.fields).toEqual(fields);
      expect(await repo().count()).toBe(before);
    });

    it("should accept a foreign postal code outside Mexico", async () => {
      const account = await buildProspect(api.db.dataSource, users.owner);
      const res = await as.owner!.gql<{ addLocation: { country: string; postalCode: string } }>(ADD, {
        input: { accountId: toGlobalId("Account", account.id), ...address, country: "co", postalCode: "110111" },
      });
      expect(res.data?.addLocation).toMatchObject({ country: "CO", postalCode: "110111" });
    });

    it("should refuse a user without crm-menu, even a manager, and write nothing", async () => {
      const account = await buildProspect(api.db.dataSource, users.owner);
      const before = await repo().count();
      expect(code(await as.noMenu!.gql(ADD, { input: { accountId: toGlobalId("Account", account.id), ...address } }))).toBe("FORBIDDEN");
      expect(await repo().count()).toBe(before);
    });

    it("should answer NOT_FOUND for an account outside the viewer's scope", async () => {
      const account = await buildProspect(api.db.dataSource, users.owner);
      expect(code(await as.stranger!.gql(ADD, { input: { accountId: toGlobalId("Account", account.id), ...address } }))).toBe("NOT_FOUND");
      expect(await repo().countBy({ prospectId: account.id })).toBe(0);
    });
  });

  describe("updateLocation", () => {
    it("should change fields and move the primary flag in one transaction", async () => {
      const account = await buildProspect(api.db.dataSource, users.owner);
      await buildLocation(api.db.dataSource, account, users.owner);
      const other = await secondary(account, { name: "Oficina" });
      const res = await as.owner!.gql<{ updateLocation: Record<string, unknown> }>(UPDATE, {
        input: { id: toGlobalId("Location", other.id), isPrimary: true, interiorNumber: "B", postalCode: "44600" },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data?.updateLocation).toMatchObject({ name: "Oficina", interiorNumber: "B", postalCode: "44600", isPrimary: true });
      expect(await primaries(account)).toEqual([other.id]);
    });

    it("should leave exactly one primary when two locations claim it at the same time", async () => {
      const account = await buildProspect(api.db.dataSource, users.owner);
      await buildLocation(api.db.dataSource, account, users.owner);
      const [a, b] = [await secondary(account), await secondary(account)];
      const results = await Promise.all([a, b].map((l) => as.owner!.gql(UPDATE, { input: { id: toGlobalId("Location", l.id), isPrimary: true } })));
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
      expect(await primaries(account)).toHaveLength(1);
      expect([a.id, b.id]).toContain((await primaries(account))[0]);
    });

    it("should reject a bad postal code and a nulled required field, changing nothing", async () => {
      const account = await buildProspect(api.db.dataSource, users.owner);
      const location = await buildLocation(api.db.dataSource, account, users.owner);
      const res = await as.owner!.gql(UPDATE, { input: { id: toGlobalId("Location", location.id), postalCode: "ABCDE", city: null, isPrimary: false } });
      expect(res.errors?.[0]?.extensions?.fields).toEqual({ postalCode: "must be 5 digits in Mexico", city: "is required" });
      expect(await repo().findOneByOrFail({ id: location.id })).toMatchObject({ postalCode: "44100", city: "Guadalajara", isPrimary: true });
    });

    it("should refuse without crm-menu and answer NOT_FOUND outside the scope", async () => {
      const account = await buildProspect(api.db.dataSource, users.owner);
      const location = await buildLocation(api.db.dataSource, account, users.owner);
      const input = { id: toGlobalId("Location", location.id), city: "Zapopan" };
      expect(code(await as.noMenu!.gql(UPDATE, { input }))).toBe("FORBIDDEN");
      expect(code(await as.stranger!.gql(UPDATE, { input }))).toBe("NOT_FOUND");
      expect((await repo().findOneByOrFail({ id: location.id })).city).toBe("Guadalajara");
    });
  });

  describe("removeLocation", () => {
    it("should soft-delete the primary and hand the flag to the oldest remaining location", async () => {
      const account = await buildProspect(api.db.dataSource, users.owner);
      const primary = await buildLocation(api.db.dataSource, account, users.owner);
      const next = await secondary(account);
      expect(code(await as.noMenu!.gql(REMOVE, { input: { id: toGlobalId("Location", primary.id) } }))).toBe("FORBIDDEN");
      expect(code(await as.stranger!.gql(REMOVE, { input: { id: toGlobalId("Location", primary.id) } }))).toBe("NOT_FOUND");
      const res = await as.owner!.gql(REMOVE, { input: { id: toGlobalId("Location", primary.id) } });
      expect(res.errors).toBeUndefined();
      expect((await repo().findOneByOrFail({ id: primary.id })).deletedAt).toBeInstanceOf(Date);
      expect(await primaries(account)).toEqual([next.id]);
      const listed = await as.owner!.gql<{ account: { locations: Array<{ id: string }> } }>(`query($id: ID!) { account(id: $id) { locations { id } } }`, {
        id: toGlobalId("Account", account.id),
      });
      expect(listed.data?.account.locations).toEqual([{ id: toGlobalId("Location", next.id) }]);
    });
  });
});
