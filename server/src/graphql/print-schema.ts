/** npm run schema: writes schema.graphql at the repository root from the type-graphql classes. */
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { printSchema, lexicographicSortSchema } from "graphql";
import { buildCrmSchema } from "./schema";

export const SCHEMA_FILE = resolve(__dirname, "../../../schema.graphql");

/** The SDL committed in schema.graphql: sorted, so diffs are stable. */
export async function printCrmSchema(): Promise<string> {
  const schema = await buildCrmSchema();
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

if (require.main === module) {
  printCrmSchema()
    .then((sdl) => {
      writeFileSync(SCHEMA_FILE, sdl);
      process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
