/**
 * Child process of import-kill.int.test.ts: commits one import (already claimed for
 * `owner`) against DATABASE url, as an API process would, until the parent kills it.
 * argv: <databaseUrl> <importId> <owner>
 */
import "reflect-metadata";
import { createDataSource } from "../src/db/data-source";
import { CatalogService } from "../src/modules/catalogs/catalog.service";
import { commitImport, type CommitOptions } from "../src/modules/imports/import-commit";
import { CatalogLookup } from "../src/modules/imports/import-row-rules";
import { ImportEntity } from "../src/modules/imports/import.entities";

async function main(): Promise<void> {
  const [url, id, owner] = process.argv.slice(2);
  const dataSource = await createDataSource(url!, { poolSize: 2 });
  await dataSource.initialize();
  const imp = await dataSource.getRepository(ImportEntity).findOneByOrFail({ id: Number(id) });
  const lookup = new CatalogLookup(await new CatalogService(dataSource).all());
  process.stdout.write("committing\n");
  await commitImport(dataSource, lookup, imp.id, imp.filename, imp.options as CommitOptions, owner!);
  process.stdout.write("done\n");
  await dataSource.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
