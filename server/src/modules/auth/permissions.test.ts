import { readFileSync } from "node:fs";
import { buildSchema, extendSchema, graphql, isObjectType, parse } from "graphql";
import pino from "pino";
import { SCHEMA_FILE } from "../../graphql/print-schema";
import { applyPermissions, mutationRules, objectFieldRules, queryRules, ruleTree, subscriptionRules } from "./permissions";

const sdl = () => buildSchema(readFileSync(SCHEMA_FILE, "utf8"));

describe("permissions.ts against schema.graphql", () => {
  it("should have a row for every root field (Query, Mutation, Subscription)", () => {
    const schema = sdl();
    const missing = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).filter((f) => !(f in queryRules)).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).filter((f) => !(f in mutationRules)).map((f) => `Mutation.${f}`),
      ...Object.keys(schema.getSubscriptionType()?.getFields() ?? {}).filter((f) => !(f in subscriptionRules)).map((f) => `Subscription.${f}`),
    ];
    expect(missing).toEqual([]);
  });

  it("should name only fields that exist (no stale rows)", () => {
    const schema = sdl();
    const stale = [
      ...Object.keys(queryRules).filter((f) => !schema.getQueryType()?.getFields()[f]).map((f) => `Query.${f}`),
      ...Object.keys(mutationRules).filter((f) => !schema.getMutationType()?.getFields()[f]).map((f) => `Mutation.${f}`),
      ...Object.keys(subscriptionRules).filter((f) => !schema.getSubscriptionType()?.getFields()[f]).map((f) => `Subscription.${f}`),
      ...Object.entries(objectFieldRules).flatMap(([typeName, fields]) => {
        const type = schema.getType(typeName);
        return Object.keys(fields).filter((f) => !isObjectType(type) || !type.getFields()[f]).map((f) => `${typeName}.${f}`);
      }),
    ];
    expect(stale).toEqual([]);
  });

  it("should give every object type and every field of the guarded types a rule", () => {
    const schema = sdl();
    const tree = ruleTree(schema);
    const objectTypes = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && !t.name.startsWith("__"));
    expect(objectTypes.filter((t) => !(t.name in tree)).map((t) => t.name)).toEqual([]);
    for (const type of objectTypes) {
      const rules = tree[type.name];
      // A map without "*" would leave unlisted fields to the deny fallback.
      if (rules && typeof rules === "object" && !("resolve" in rules) && type.name !== "Query" && type.name !== "Mutation" && type.name !== "Subscription") {
        expect(Object.keys(rules)).toContain("*");
      }
    }
  });

  it("should wrap only the guarded fields: a field whose rule is allow resolves unwrapped", () => {
    const schema = applyPermissions(sdl());
    const field = (type: string, name: string) => {
      const t = schema.getType(type);
      return isObjectType(t) ? t.getFields()[name] : undefined;
    };
    // SDL fields have no resolver of their own: a resolver here is the shield's.
    expect(field("Prospect", "name")?.resolve).toBeUndefined();
    expect(field("Contact", "email")?.resolve).toBeUndefined();
    expect(field("User", "name")?.resolve).toBeUndefined();
    expect(field("User", "permissions")?.resolve).toBeDefined();
    expect(field("PartnerProspect", "partnerData")?.resolve).toBeDefined();
    expect(field("Location", "city")?.resolve).toBeDefined();
    expect(field("Query", "accounts")?.resolve).toBeDefined();
    expect(field("Mutation", "moveAccount")?.resolve).toBeDefined();
  });

  it("should deny a root field without a row with FORBIDDEN (fallbackRule: deny)", async () => {
    const schema = applyPermissions(extendSchema(sdl(), parse(`extend type Query { unlisted: String }`)));
    const result = await graphql({ schema, source: `{ unlisted }`, rootValue: { unlisted: "secret" }, contextValue: { viewer: null, logger: pino({ level: "silent" }) } });
    expect(result.data).toEqual({ unlisted: null });
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
