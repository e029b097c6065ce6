/**
 * The TypeORM CLI's entry point: the DataSource of DATABASE_URL (default: the embedded SQLite file).
 * Example: npx typeorm-ts-node-commonjs migration:show -d ormconfig.ts
 * The project's own commands are `npm run db:migrate` and `npm run db:migration:generate -w server -- Name`.
 * `mariadb://` selects TypeORM's MariaDB flavour; the app itself detects it from the server version.
 */
import "reflect-metadata";
import { DataSource } from "typeorm";
import { env } from "./server/src/config/env";
import { dataSourceOptions, parseDatabaseUrl } from "./server/src/db/data-source";

export const dataSource = new DataSource(dataSourceOptions(parseDatabaseUrl(env().DATABASE_URL)));

export default dataSource;
