import { randomBytes } from "node:crypto";
import { hash } from "bcryptjs";
import type { DataSource, EntityManager } from "typeorm";
import { AccountEntity, AccountStatusCode, AccountTypeCode } from "../../modules/accounts/account.entity";
import { CompanyEntity } from "../../modules/accounts/company.entity";
import { PermissionEntity, UserPermissionEntity } from "../../modules/auth/permission.entity";
import { UserEntity } from "../../modules/auth/user.entity";
import { AccountGraphBuilder, type Proportions } from "./account-graph";
import { inSeedTransaction, nextId } from "./bulk-insert";
import { Prng } from "./prng";
import { addCounts, NO_ROWS, SeedBatch, type BatchCounts } from "./seed-batch";
import { insertUsers, loadSeedRefs } from "./seed-refs";

/** The proportions the benchmarks assume: ~1.5 contacts, ~5 notes, ~1.1 locations per account. */
const VOLUME_PROPORTIONS: Proportions = { contacts: 1.5, notes: 5, extraLocation: 0.1, scheduled: 0.15, reminder: 0.2, foreignLocale: 0.05 };
const DAY = 86_400_000;
const SALES_KEYS = new Set(["sdr", "mdr", "crm-manager", "all-prospects"]);

/** Salesmen created when the database has no users at all; they cannot sign in (random password). */
const VOLUME_USERS = [
  { email: "volumen-sdr-1@example.com", name: "Ramiro Téllez", permissions: ["crm", "sdr", "kae"] },
  { email: "volumen-sdr-2@example.com", name: "Fabiola Quintero", permissions: ["crm", "sdr", "csr"] },
  { email: "volumen-sdr-3@example.com", name: "Gonzalo Urrutia", permissions: ["crm", "sdr", "wms"] },
  { email: "volumen-mdr-1@example.com", name: "Marisol Arreola", permissions: ["crm", "mdr", "kae_ltl"] },
] as const;

export interface VolumeSeedOptions {
  accounts: number;
  /** Accounts (with everything around them) per transaction. */
  batchSize?: number;
  seed?: number;
  now?: Date;
  /** Called after each committed batch; the CLI prints it, the library never writes to stdout. */
  onProgress?: (done: number, total: number) => void;
}

export interface VolumeSeedResult {
  counts: BatchCounts;
  /** Users created because the database had none. */
  createdUsers: number;
}

interface VolumeTeam {
  salesmen: number[];
  executives: number[];
  createdUsers: number;
}

async function loadTeam(manager: EntityManager): Promise<VolumeTeam | null> {
  const rows = await manager
    .createQueryBuilder()
    .select("u.id", "id")
    .addSelect("p.key", "key")
    .from(UserEntity, "u")
    .leftJoin(UserPermissionEntity, "up", "up.user_id = u.id")
    .leftJoin(PermissionEntity, "p", "p.id = up.permission_id")
    .where("u.active = :active", { active: true })
    .orderBy("u.id")
    .getRawMany<{ id: number | string; key: string | null }>();
  if (rows.length === 0) {
    return null;
  }
  const ids = [...new Set(rows.map((r) => Number(r.id)))];
  const salesmen = [...new Set(rows.filter((r) => r.key !== null && SALES_KEYS.has(r.key)).map((r) => Number(r.id)))];
  const mdrs = [...new Set(rows.filter((r) => r.key === "mdr").map((r) => Number(r.id)))];
  // Users without a sales role (e.g. admins only) still make a usable, if odd, data set.
  const team = salesmen.length > 0 ? salesmen : ids;
  return { salesmen: team, executives: mdrs.length > 0 ? mdrs : team, createdUsers: 0 };
}

/** The demo (or existing) users, or a few salesmen created when there are none. */
async function volumeTeam(dataSource: DataSource, now: Date): Promise<VolumeTeam> {
  const existing = await loadTeam(dataSource.manager);
  if (existing) {
    return existing;
  }
  const passwordHash = await hash(randomBytes(24).toString("base64url"), 10);
  // The demo seed's lock: whichever of the two creates users first, the other sees them.
  return inSeedTransaction(dataSource, "crm_seed_demo", async (manager) => {
    const raced = await loadTeam(manager);
    if (raced) {
      return raced;
    }
    await insertUsers(manager, VOLUME_USERS, passwordHash, now);
    const team = await loadTeam(manager);
    if (!team) {
      throw new Error("seedVolume: salesmen were inserted but cannot be read back");
    }
    return { ...team, createdUsers: VOLUME_USERS.length };
  });
}

/**
 * Bulk data for benchmarks: `accounts` more accounts with contacts, notes, locations,
 * follow-up data, partner data and reminders, written in multi-row INSERTs, one
 * transaction per batch. Needs the catalogs; reuses the existing users.
 */
export async function seedVolume(dataSource: DataSource, options: VolumeSeedOptions): Promise<VolumeSeedResult> {
  const total = options.accounts;
  const batchSize = options.batchSize ?? 2000;
  if (!Number.isInteger(total) || total < 0 || !Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`seedVolume: accounts must be an integer ≥ 0 and batchSize ≥ 1 (got ${total}, ${batchSize})`);
  }
  const now = options.now ?? new Date();
  const refs = await loadSeedRefs(dataSource.manager);
  const team = await volumeTeam(dataSource, now);
  const rng = new Prng(options.seed ?? 7);
  const builder = new AccountGraphBuilder(rng, refs, now, VOLUME_PROPORTIONS);
  // created_at grows with the id across the whole run, as it does in production tables.
  const start = now.getTime() - 180 * DAY;
  const step = (180 * DAY) / Math.max(1, total);

  let counts = NO_ROWS;
  for (let done = 0; done < total; ) {
    const size = Math.min(batchSize, total - done);
    const offset = done;
    const written = await inSeedTransaction(dataSource, "crm_seed_volume", async (manager) => {
      const batch = new SeedBatch();
      const firstAccount = await nextId(manager, AccountEntity);
      let companyId = await nextId(manager, CompanyEntity);
      for (let i = 0; i < size; i += 1) {
        const createdAt = new Date(Math.floor((start + (offset + i + rng.next()) * step) / 1000) * 1000);
        const type = rng.weighted<AccountTypeCode>([
          [AccountTypeCode.prospect, 65],
          [AccountTypeCode.client, 20],
          [AccountTypeCode.partnerProspect, 15],
        ]);
        const owner = rng.pick(team.salesmen);
        const roll = rng.next();
        const salesmanId = roll < 0.85 ? owner : roll < 0.95 ? rng.pick(team.salesmen) : null;
        const client = type === AccountTypeCode.client;
        const company = client ? builder.company(batch, companyId++, rng.pick(team.executives), new Date(createdAt.getTime() - rng.int(10, 700) * DAY)) : null;
        const status = client ? AccountStatusCode.registered : rng.chance(0.03) ? AccountStatusCode.removed : AccountStatusCode.inProcess;
        builder.add(batch, { id: firstAccount + i, type, status, createdBy: owner, salesmanId, company, createdAt });
      }
      return batch.flush(manager);
    });
    counts = addCounts(counts, written);
    done += size;
    options.onProgress?.(done, total);
  }
  return { counts, createdUsers: team.createdUsers };
}
