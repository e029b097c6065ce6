import { hash } from "bcryptjs";
import type { DataSource } from "typeorm";
import { AccountEntity, AccountStatusCode, AccountTypeCode } from "../../modules/accounts/account.entity";
import { CompanyEntity } from "../../modules/accounts/company.entity";
import { PERMISSIONS } from "../../modules/auth/permission-keys";
import { UserEntity } from "../../modules/auth/user.entity";
import { AccountGraphBuilder, type AccountPlan, type Proportions } from "./account-graph";
import { inSeedTransaction, nextId } from "./bulk-insert";
import { Prng } from "./prng";
import { SeedBatch } from "./seed-batch";
import { insertUsers, loadSeedRefs, type NewUser } from "./seed-refs";

/** A demo sign-in the server prints at boot. */
export interface DemoLogin {
  email: string;
  password: string;
  description: string;
}

const DEMO_PASSWORD = "demo1234";
/** Changing the seed changes every generated name and date: screenshots and docs refer to this set. */
const DEMO_SEED = 20_240_601;
const DEMO_PROPORTIONS: Proportions = { contacts: 1.5, notes: 5, extraLocation: 0.25, scheduled: 0.25, reminder: 0.35, foreignLocale: 0.06 };

const DEMO_USERS: ReadonlyArray<NewUser & { description: string }> = [
  {
    email: "admin@example.com",
    name: "Adriana Villaseñor",
    permissions: PERMISSIONS.map((p) => p.key),
    description: "Admin: every permission (users, API tokens, playground)",
  },
  {
    email: "manager@example.com",
    name: "Mónica Salazar",
    permissions: ["crm", "all-prospects", "crm-manager", "crm-edit-salesman-prospect", "crm-partners", "crm-menu"],
    description: "Sales manager: sees every account, filters by salesman, role and date, reassigns",
  },
  { email: "sdr@example.com", name: "Diego Herrera", permissions: ["crm", "sdr", "kae"], description: "SDR (KAE): the accounts they created or are assigned to" },
  { email: "sdr2@example.com", name: "Valeria Núñez", permissions: ["crm", "sdr", "csr"], description: "SDR (CSR): the accounts they created or are assigned to" },
  {
    email: "mdr@example.com",
    name: "Jorge Castañeda",
    permissions: ["crm", "mdr", "kae_ltl"],
    description: "MDR (KAE LTL): client accounts of their companies plus their own",
  },
];

/** The demo sign-ins, all with the same password; never seeded when NODE_ENV=production. */
export const DEMO_LOGINS: readonly DemoLogin[] = DEMO_USERS.map((u) => ({ email: u.email, password: DEMO_PASSWORD, description: u.description }));

interface Team {
  manager: number;
  sdr: number;
  sdr2: number;
  mdr: number;
}

/** Who owns the companies, in rotation: the MDR has the most, some have nobody yet. */
function executiveRotation(team: Team): ReadonlyArray<number | null> {
  return [team.mdr, team.mdr, team.manager, team.sdr, team.mdr, team.sdr2, null, team.mdr, team.sdr2, team.sdr];
}

function shuffle<T>(rng: Prng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

type PlanDraft = Omit<AccountPlan, "id" | "createdAt">;

/** One client account per company; the MDR's companies' clients were opened by colleagues. */
function clientDrafts(rng: Prng, team: Team, companies: ReadonlyArray<{ id: number; name: string; executiveId: number | null }>): PlanDraft[] {
  const colleagues = [team.sdr, team.sdr2, team.manager];
  return companies.map((company) => {
    const base = { type: AccountTypeCode.client, status: AccountStatusCode.registered, company: { id: company.id, name: company.name } };
    if (company.executiveId === team.mdr) {
      const createdBy = rng.pick(colleagues);
      return { ...base, createdBy, salesmanId: rng.chance(0.5) ? team.mdr : createdBy };
    }
    const createdBy = rng.pick([...colleagues, team.mdr]);
    if (company.executiveId === null) {
      return { ...base, createdBy, salesmanId: rng.chance(0.2) ? null : createdBy };
    }
    return { ...base, createdBy, salesmanId: rng.chance(0.7) ? company.executiveId : createdBy };
  });
}

/** Prospects and partner prospects: every salesman, some reassigned or unassigned, a handful removed. */
function prospectDrafts(rng: Prng, team: Team, count: number): PlanDraft[] {
  const owners: ReadonlyArray<readonly [number, number]> = [
    [team.sdr, 30],
    [team.sdr2, 30],
    [team.mdr, 20],
    [team.manager, 20],
  ];
  const salesmen = [team.sdr, team.sdr2, team.mdr, team.manager];
  return Array.from({ length: count }, (_, k) => {
    const owner = rng.weighted(owners);
    const roll = rng.next();
    const salesmanId = roll < 0.8 ? owner : roll < 0.92 ? rng.pick(salesmen.filter((s) => s !== owner)) : null;
    return {
      type: k % 7 === 3 || rng.chance(0.15) ? AccountTypeCode.partnerProspect : AccountTypeCode.prospect,
      status: k % 25 === 12 ? AccountStatusCode.removed : AccountStatusCode.inProcess,
      createdBy: owner,
      salesmanId,
      company: null,
    };
  });
}

/**
 * Seeds demo users, companies and a few hundred accounts with everything around them, only
 * when there are no users yet (a fresh install). Deterministic: the same data on every run,
 * dates relative to `now`. Returns whether it seeded.
 */
export async function seedDemo(dataSource: DataSource, options: { accounts?: number; now?: Date } = {}): Promise<boolean> {
  const total = options.accounts ?? 300;
  const now = options.now ?? new Date();
  if (!Number.isInteger(total) || total < 30) {
    throw new RangeError(`seedDemo: accounts must be an integer of at least 30 (got ${total})`);
  }
  // bcrypt is deliberately slow: hash once, every demo user shares the password.
  const passwordHash = await hash(DEMO_PASSWORD, 10);
  return inSeedTransaction(dataSource, "crm_seed_demo", async (manager) => {
    if ((await manager.getRepository(UserEntity).count()) > 0) {
      return false;
    }
    const refs = await loadSeedRefs(manager);
    const ids = await insertUsers(manager, DEMO_USERS, passwordHash, now);
    const id = (email: string): number => ids.get(email) ?? 0;
    const team: Team = { manager: id("manager@example.com"), sdr: id("sdr@example.com"), sdr2: id("sdr2@example.com"), mdr: id("mdr@example.com") };

    const rng = new Prng(DEMO_SEED);
    const builder = new AccountGraphBuilder(rng, refs, now, DEMO_PROPORTIONS);
    const batch = new SeedBatch();

    const rotation = executiveRotation(team);
    const firstCompany = await nextId(manager, CompanyEntity);
    const companies = Array.from({ length: Math.round(total * 0.2) }, (_, i) => {
      const executiveId = rotation[i % rotation.length] ?? null;
      const registered = new Date(now.getTime() - rng.int(190, 720) * 86_400_000);
      return { ...builder.company(batch, firstCompany + i, executiveId, registered), executiveId };
    });

    // Guaranteed cases first: an account only each SDR sees, and overdue / due-soon
    // reminders for every salesman, so each demo login has something on its calendar.
    const own = (user: number): PlanDraft => ({
      type: AccountTypeCode.prospect,
      status: AccountStatusCode.inProcess,
      createdBy: user,
      salesmanId: user,
      company: null,
      reminders: ["overdue", "dueSoon"],
    });
    const guaranteed = [own(team.sdr), own(team.sdr2), own(team.mdr), own(team.manager)];
    const clients = clientDrafts(rng, team, companies);
    const drafts = shuffle(rng, [...guaranteed, ...clients, ...prospectDrafts(rng, team, total - guaranteed.length - clients.length)]);

    // Ids follow creation time, as auto-increment ids do in real life.
    const dates = drafts.map(() => builder.pastDate(180)).sort((a, b) => a.getTime() - b.getTime());
    const firstAccount = await nextId(manager, AccountEntity);
    drafts.forEach((draft, i) => builder.add(batch, { ...draft, id: firstAccount + i, createdAt: dates[i] ?? now }));
    await batch.flush(manager);
    return true;
  });
}
