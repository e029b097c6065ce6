/** npm run db:seed [-- --accounts N]: migrate, catalogs, demo data (never in production), volume data. */
import "reflect-metadata";
import { performance } from "node:perf_hooks";
import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import { env } from "../../config/env";
import { AccountEntity } from "../../modules/accounts/account.entity";
import { CompanyEntity } from "../../modules/accounts/company.entity";
import { UserEntity } from "../../modules/auth/user.entity";
import { ContactEntity } from "../../modules/contacts/contact.entity";
import { FollowUpDataEntity } from "../../modules/follow-ups/follow-up-data.entity";
import { LocationEntity } from "../../modules/locations/location.entity";
import { CompanyNoteEntity, ProspectNoteEntity } from "../../modules/notes/note.entities";
import { PartnerDataEntity } from "../../modules/partners/partner-data.entity";
import { ReminderEntity } from "../../modules/reminders/reminder.entity";
import { createDataSource } from "../data-source";
import { migrate } from "../migrate";
import { seedCatalogs } from "./catalogs.seed";
import { DEMO_LOGINS, seedDemo } from "./demo.seed";
import { parseSeedArgs, SEED_USAGE } from "./seed-args";
import { seedVolume } from "./volume.seed";

const TABLES: ReadonlyArray<readonly [string, EntityTarget<ObjectLiteral>]> = [
  ["users", UserEntity],
  ["companies", CompanyEntity],
  ["prospection_users", AccountEntity],
  ["follow_up_data", FollowUpDataEntity],
  ["partner_follow_up_data", PartnerDataEntity],
  ["extra_contacts", ContactEntity],
  ["company_locations", LocationEntity],
  ["prospect_follow_up_comments", ProspectNoteEntity],
  ["follow_up_comments", CompanyNoteEntity],
  ["reminders", ReminderEntity],
];

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(2)} s`;
}

/** The URL without its password, for the report. */
function displayUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

async function printCounts(dataSource: DataSource): Promise<void> {
  print("Rows:");
  for (const [table, target] of TABLES) {
    const count = await dataSource.getRepository(target).count();
    print(`  ${table.padEnd(28)} ${count.toLocaleString("en-US").padStart(10)}`);
  }
}

async function main(): Promise<void> {
  const args = parseSeedArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(SEED_USAGE);
    return;
  }
  const config = env();
  if (config.NODE_ENV === "production" && args.accounts !== null) {
    throw new Error("--accounts refused: volume data is fake data and NODE_ENV=production");
  }
  const startedAt = performance.now();
  print(`Database: ${displayUrl(config.DATABASE_URL)}`);
  const dataSource = await createDataSource(config.DATABASE_URL);
  await dataSource.initialize();
  try {
    let step = performance.now();
    const applied = await migrate(dataSource);
    print(`Migrations: ${applied.length} applied (${seconds(step)})`);

    step = performance.now();
    const catalogs = await seedCatalogs(dataSource);
    const inserted = Object.values(catalogs).reduce((sum, n) => sum + n, 0);
    print(`Catalogs: ${inserted} rows inserted (${seconds(step)})`);

    step = performance.now();
    if (!config.DEMO_DATA) {
      print(
        config.NODE_ENV === "production"
          ? "Demo data: refused, NODE_ENV=production (demo logins are never created in production)"
          : "Demo data: skipped, DEMO_DATA=false",
      );
    } else if (await seedDemo(dataSource)) {
      print(`Demo data: seeded (${seconds(step)}). Sign in with:`);
      DEMO_LOGINS.forEach((l) => print(`  ${l.email.padEnd(22)} ${l.password}  ${l.description}`));
    } else {
      print("Demo data: skipped, the database already has users");
    }

    if (args.accounts !== null && args.accounts > 0) {
      const total = args.accounts;
      step = performance.now();
      const interactive = process.stdout.isTTY === true;
      const result = await seedVolume(dataSource, {
        accounts: total,
        onProgress: (done) => {
          const line = `Volume: ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} accounts (${seconds(step)})`;
          process.stdout.write(interactive && done < total ? `\r${line}` : `${interactive ? "\r" : ""}${line}\n`);
        },
      });
      const rows = Object.values(result.counts).reduce((sum, n) => sum + n, 0);
      const users = result.createdUsers > 0 ? `, ${result.createdUsers} salesmen created` : "";
      print(`Volume: ${rows.toLocaleString("en-US")} rows in ${seconds(step)}${users}`);
    }

    await printCounts(dataSource);
    print(`Done in ${seconds(startedAt)}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`db:seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
