import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildSchema, parse, validate, type DocumentNode } from "graphql";
import { armor, LIMITS } from "./limits";
import { SCHEMA_FILE } from "./print-schema";

const schema = buildSchema(readFileSync(SCHEMA_FILE, "utf8"));
const { validationRules } = armor(false);
const problems = (source: string) => validate(schema, parse(source), validationRules).map((e) => e.message);

/** catalogs → statusGroups → (statuses → group →)… → id: a cycle, so any depth can be asked for. Depth = levels + 3. */
function deepCatalogs(levels: number): string {
  let selection = "id";
  for (let i = levels - 1; i >= 0; i -= 1) {
    // From the outside in: statuses, group, statuses, … (statusGroups holds statuses).
    selection = i % 2 === 0 ? `statuses { ${selection} }` : `group { ${selection} }`;
  }
  return `{ catalogs { statusGroups { ${selection} } } }`;
}

describe("graphql-armor limits", () => {
  it("should accept the deepest query within the depth limit and refuse one level more", () => {
    expect(problems(deepCatalogs(LIMITS.maxDepth - 3))).toEqual([]);
    expect(validate(schema, parse(deepCatalogs(LIMITS.maxDepth - 2)))).toEqual([]); // valid GraphQL, only too deep
    expect(problems(deepCatalogs(LIMITS.maxDepth - 2)).join()).toMatch(/depth limit of 12 exceeded, found 13/i);
  });

  it("should refuse more aliases than allowed", () => {
    const aliases = Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `a${i}: me { id }`).join(" ");
    expect(problems(`{ ${aliases} }`).join()).toMatch(/aliases limit/i);
    expect(problems(`{ a: me { id } b: me { id } }`)).toEqual([]);
  });

  it("should refuse a query over the cost limit", () => {
    // A wide selection repeated at every level of the cycle adds up quickly.
    const wide = "id name color position";
    let selection = wide;
    for (let i = 0; i < LIMITS.maxDepth - 3; i += 1) {
      selection = i % 2 === 0 ? `statuses { ${wide} outcome ${selection} }` : `group { ${wide} ${selection} }`;
    }
    const aliases = Array.from({ length: LIMITS.maxAliases }, (_, i) => `c${i}: catalogs { statusGroups { ${selection} } }`).join(" ");
    expect(problems(`{ ${aliases} }`).join()).toMatch(/cost limit/i);
  });

  it("should refuse too many directives", () => {
    const directives = Array.from({ length: LIMITS.maxDirectives + 1 }, () => "@include(if: true)").join(" ");
    expect(problems(`{ me ${directives} { id } }`).join()).toMatch(/directives limit/i);
  });

  it("should let every operation of the web app through", async () => {
    const generated = (await import(resolve(__dirname, "../../../web/src/__generated__/graphql"))) as Record<string, unknown>;
    const documents = Object.entries(generated).filter(([name]) => name.endsWith("Document")) as Array<[string, DocumentNode]>;
    expect(documents.length).toBeGreaterThan(0);
    const refused = documents.filter(([, doc]) => validate(schema, doc, validationRules).length > 0).map(([name, doc]) => `${name}: ${validate(schema, doc, validationRules)[0]?.message}`);
    expect(refused).toEqual([]);
  });
});
