import { compare } from "bcryptjs";
import type { DataSource } from "typeorm";
import { openTestDatabase, testDialects, type TestDatabase } from "../../../test/databases";
import { PERMISSIONS } from "../../modules/auth/permission-keys";
import { NOTE_ACTIONS } from "../../modules/notes/note.entities";
import { CHANNELS, CONTENT_TYPES, ECOMMERCE_TYPES, LOCALES, MONTHLY_SHIPMENT_RANGES, WEIGHT_RANGES } from "./catalog-data";
import { seedCatalogs } from "./catalogs.seed";
import { DEMO_LOGINS, seedDemo } from "./demo.seed";
import { seedVolume } from "./volume.seed";

/** Fixed, so "coming weeks" and "overdue" mean the same on every run. */
const NOW = new Date("2026-03-16T18:00:00Z");
const DAY = 86_400_000;

// Backtick-quoted identifiers (`key`) work on SQLite too, which accepts MySQL quoting.

/** A datetime literal both dialects compare correctly with their stored datetimes. */
function at(date: Date): string {
  return date.toISOString().replace("T", " ").slice(0, 19);
}

async function scalar(ds: DataSource, sql: string, params: unknown[] = []): Promise<number> {
  const rows = (await ds.query(sql, params)) as Array<Record<string, unknown>>;
  return Number(Object.values(rows[0] ?? {})[0]);
}

const TABLES = [
  "permissions", "catalog_locales", "catalog_ecommerce_types", "catalog_weight_ranges", "catalog_content_types",
  "catalog_monthly_shipment_ranges", "catalog_channels", "catalog_follow_up_statuses", "users", "user_permissions", "companies",
  "prospection_users", "follow_up_data", "partner_follow_up_data", "extra_contacts", "company_locations",
  "prospect_follow_up_comments", "follow_up_comments", "reminders",
] as const;

async function tableCounts(ds: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    counts[table] = await scalar(ds, `SELECT COUNT(*) FROM ${table}`);
  }
  return counts;
}

describe.each(testDialects())("seeds on %s", (dialect) => {
  describe("seedCatalogs", () => {
    let db: TestDatabase;
    let first: Awaited<ReturnType<typeof seedCatalogs>>;
    beforeAll(async () => {
      db = await openTestDatabase(dialect);
      first = await seedCatalogs(db.dataSource);
    });
    afterAll(() => db.close());

    it("should insert every catalog row on an empty database", async () => {
      expect(first).toEqual({
        permissions: PERMISSIONS.length,
        locales: LOCALES.length,
        ecommerceTypes: ECOMMERCE_TYPES.length,
        weightRanges: WEIGHT_RANGES.length,
        contentTypes: CONTENT_TYPES.length,
        monthlyShipmentRanges: MONTHLY_SHIPMENT_RANGES.length,
        channels: CHANNELS.length,
        followUpStatuses: 4 + 9,
      });
      const mexico = (await db.dataSource.query("SELECT id, phone_code, phone_digits, currency FROM catalog_locales WHERE code = 'MX'")) as Array<Record<string, unknown>>;
      expect(mexico.map((l) => ({ ...l, id: Number(l.id), phone_digits: Number(l.phone_digits) }))).toEqual([{ id: 1, phone_code: "52", phone_digits: 10, currency: "MXN" }]);
      expect(await scalar(db.dataSource, "SELECT legacy_id FROM permissions WHERE `key` = 'crm'")).toBe(319);
    });

    it("should insert nothing and keep the counts when run again", async () => {
      const before = await tableCounts(db.dataSource);
      const again = await seedCatalogs(db.dataSource);
      expect(Object.values(again)).toEqual(Object.values(again).map(() => 0));
      expect(await tableCounts(db.dataSource)).toEqual(before);
    });

    it("should put statuses in order under their groups, with won and lost on the closing ones", async () => {
      const rows = (await db.dataSource.query(
        "SELECT g.name AS grp, s.name AS name, s.color AS color, s.outcome AS outcome FROM catalog_follow_up_statuses s JOIN catalog_follow_up_statuses g ON g.id = s.parent_id ORDER BY g.position, s.position",
      )) as Array<{ grp: string; name: string; color: string; outcome: string | null }>;
      expect(rows.map((r) => `${r.grp}/${r.name}${r.outcome ? `:${r.outcome}` : ""}`)).toEqual([
        "Nuevo/Nuevo lead", "Nuevo/Sin contactar", "Contactado/Primer contacto", "Contactado/Seguimiento", "Calificado/Calificado",
        "Calificado/Propuesta enviada", "Calificado/Negociación", "Cerrado/Ganado:won", "Cerrado/Perdido:lost",
      ]);
      expect(rows.every((r) => /^#[0-9A-F]{6}$/.test(r.color))).toBe(true);
    });

    it("should add back only a row that went missing", async () => {
      await db.dataSource.query("DELETE FROM catalog_channels WHERE `key` = 'other'");
      const result = await seedCatalogs(db.dataSource);
      expect(result.channels).toBe(1);
      expect(result.permissions + result.locales + result.followUpStatuses).toBe(0);
      expect(await scalar(db.dataSource, "SELECT COUNT(*) FROM catalog_channels")).toBe(CHANNELS.length);
    });
  });

  describe("seedDemo", () => {
    let db: TestDatabase;
    let seeded: boolean;
    beforeAll(async () => {
      db = await openTestDatabase(dialect);
      await seedCatalogs(db.dataSource);
      seeded = await seedDemo(db.dataSource, { now: NOW });
    });
    afterAll(() => db.close());

    it("should create the five demo users with their permissions and the demo password", async () => {
      expect(seeded).toBe(true);
      const rows = (await db.dataSource.query(
        "SELECT u.email AS email, p.`key` AS perm FROM users u JOIN user_permissions up ON up.user_id = u.id JOIN permissions p ON p.id = up.permission_id",
      )) as Array<{ email: string; perm: string }>;
      const byUser = (email: string) => rows.filter((r) => r.email === email).map((r) => r.perm).sort();
      expect(byUser("admin@example.com")).toEqual(PERMISSIONS.map((p) => p.key).sort());
      expect(byUser("manager@example.com")).toEqual(["all-prospects", "crm", "crm-edit-salesman-prospect", "crm-manager", "crm-menu", "crm-partners"]);
      expect(byUser("sdr@example.com")).toEqual(["crm", "kae", "sdr"]);
      expect(byUser("sdr2@example.com")).toEqual(["crm", "csr", "sdr"]);
      expect(byUser("mdr@example.com")).toEqual(["crm", "kae_ltl", "mdr"]);
      const users = (await db.dataSource.query("SELECT email, password_hash AS hash FROM users")) as Array<{ email: string; hash: string }>;
      expect(users.map((u) => u.email).sort()).toEqual(DEMO_LOGINS.map((l) => l.email).sort());
      expect(new Set(users.map((u) => u.hash)).size).toBe(1);
      await expect(compare("demo1234", users[0]?.hash ?? "")).resolves.toBe(true);
      expect(DEMO_LOGINS.every((l) => l.password === "demo1234" && l.description.length > 10)).toBe(true);
    });

    it("should create 300 accounts of every type and status, clients registered with a company", async () => {
      const rows = (await db.dataSource.query("SELECT type, status, COUNT(*) AS n, COUNT(company_id) AS companies FROM prospection_users GROUP BY type, status")) as Array<Record<string, number | string>>;
      const groups = rows.map((r) => ({ type: Number(r.type), status: Number(r.status), n: Number(r.n), companies: Number(r.companies) }));
      expect(groups.reduce((sum, g) => sum + g.n, 0)).toBe(300);
      expect([...new Set(groups.map((g) => g.type))].sort()).toEqual([1, 2, 3]);
      expect([...new Set(groups.map((g) => g.status))].sort()).toEqual([0, 1, 2]);
      expect(groups.filter((g) => g.type === 2)).toEqual([{ type: 2, status: 2, n: 60, companies: 60 }]);
      expect(groups.filter((g) => g.type !== 2).every((g) => g.companies === 0)).toBe(true);
      const removed = groups.filter((g) => g.status === 0).reduce((sum, g) => sum + g.n, 0);
      expect(removed).toBeGreaterThanOrEqual(3);
      expect(removed).toBeLessThanOrEqual(15);
      const salesmen = (await db.dataSource.query("SELECT DISTINCT u.email AS email FROM prospection_users a JOIN users u ON u.id = a.salesman_id")) as Array<{ email: string }>;
      expect(salesmen.map((s) => s.email).sort()).toEqual(["manager@example.com", "mdr@example.com", "sdr2@example.com", "sdr@example.com"].sort());
      expect(await scalar(db.dataSource, "SELECT COUNT(*) FROM prospection_users WHERE phone_code = '52' AND phone IS NOT NULL AND LENGTH(phone) <> 10")).toBe(0);
      expect(await scalar(db.dataSource, "SELECT COUNT(*) FROM prospection_users WHERE created_at < ? OR created_at > ?", [at(new Date(NOW.getTime() - 181 * DAY)), at(NOW)])).toBe(0);
    });

    it("should give every client notes in both tables and use every note action", async () => {
      const clientsWithBoth = await scalar(
        db.dataSource,
        `SELECT COUNT(*) FROM prospection_users a WHERE a.type = 2
           AND EXISTS (SELECT 1 FROM prospect_follow_up_comments n WHERE n.prospect_id = a.id)
           AND EXISTS (SELECT 1 FROM follow_up_comments c WHERE c.company_id = a.company_id)`,
      );
      expect(clientsWithBoth).toBe(60);
      const actions = (await db.dataSource.query(
        "SELECT action FROM prospect_follow_up_comments UNION SELECT action FROM follow_up_comments",
      )) as Array<{ action: string }>;
      expect(actions.map((a) => a.action).sort()).toEqual([...NOTE_ACTIONS].sort());
      const upcoming = await scalar(db.dataSource, "SELECT COUNT(*) FROM prospect_follow_up_comments WHERE scheduled_date > ? AND scheduled_date < ?", [at(NOW), at(new Date(NOW.getTime() + 22 * DAY))]);
      expect(upcoming).toBeGreaterThan(10);
      expect(await scalar(db.dataSource, "SELECT COUNT(*) FROM prospect_follow_up_comments WHERE created_at > ?", [at(NOW)])).toBe(0);
    });

    it("should keep accounts only sdr and only sdr2 see, and MDR clients opened by colleagues", async () => {
      const ids = Object.fromEntries(
        ((await db.dataSource.query("SELECT id, email FROM users")) as Array<{ id: number; email: string }>).map((u) => [u.email.split("@")[0], Number(u.id)]),
      );
      const onlyVisibleTo = async (me: number, others: number[]) =>
        scalar(
          db.dataSource,
          `SELECT COUNT(*) FROM prospection_users a LEFT JOIN companies c ON c.id = a.company_id
            WHERE a.created_by = ? AND (a.salesman_id IS NULL OR a.salesman_id = ?)
              AND (c.assigned_executive_id IS NULL OR c.assigned_executive_id NOT IN (?, ?))`,
          [me, me, others[0], others[1]],
        );
      expect(await onlyVisibleTo(ids.sdr, [ids.sdr2, ids.mdr])).toBeGreaterThan(0);
      expect(await onlyVisibleTo(ids.sdr2, [ids.sdr, ids.mdr])).toBeGreaterThan(0);
      const mdrClientsByOthers = await scalar(
        db.dataSource,
        "SELECT COUNT(*) FROM prospection_users a JOIN companies c ON c.id = a.company_id WHERE a.type = 2 AND c.assigned_executive_id = ? AND a.created_by <> ? AND (a.salesman_id IS NULL OR a.salesman_id <> ?)",
        [ids.mdr, ids.mdr, ids.mdr],
      );
      expect(mdrClientsByOthers).toBeGreaterThan(0);
      for (const user of [ids.sdr, ids.sdr2, ids.mdr, ids.manager]) {
        expect(await scalar(db.dataSource, "SELECT COUNT(*) FROM reminders WHERE assignee_id = ? AND completed_at IS NULL AND due_at < ?", [user, at(NOW)])).toBeGreaterThan(0);
        expect(await scalar(db.dataSource, "SELECT COUNT(*) FROM reminders WHERE assignee_id = ? AND due_at > ? AND due_at < ?", [user, at(NOW), at(new Date(NOW.getTime() + 4 * DAY))])).toBeGreaterThan(0);
      }
    });

    it("should attach follow-up data, a primary location, contacts and partner data to the right accounts", async () => {
      const ds = db.dataSource;
      expect(await scalar(ds, "SELECT COUNT(DISTINCT prospect_id) FROM follow_up_data")).toBe(300);
      expect(await scalar(ds, "SELECT COUNT(*) FROM follow_up_data f JOIN prospection_users a ON a.id = f.prospect_id WHERE NOT ((f.company_id IS NULL AND a.company_id IS NULL) OR f.company_id = a.company_id)")).toBe(0);
      expect(await scalar(ds, "SELECT COUNT(*) FROM follow_up_data f LEFT JOIN catalog_channels c ON c.`key` = f.channel WHERE c.id IS NULL")).toBe(0);
      expect(await scalar(ds, "SELECT COUNT(*) FROM follow_up_data WHERE account_type NOT IN ('individual', 'startup', 'sme', 'enterprise', 'corporate') OR account_value <= 0")).toBe(0);
      expect(await scalar(ds, "SELECT COUNT(*) FROM company_locations WHERE is_primary = 1")).toBe(300);
      expect(await scalar(ds, "SELECT COUNT(DISTINCT prospect_id) FROM company_locations WHERE is_primary = 1")).toBe(300);
      expect(await scalar(ds, "SELECT COUNT(*) FROM company_locations l JOIN prospection_users a ON a.id = l.prospect_id WHERE a.type = 2 AND (l.company_id IS NULL OR l.company_id <> a.company_id)")).toBe(0);
      expect(await scalar(ds, "SELECT COUNT(*) FROM extra_contacts x JOIN prospection_users a ON a.id = x.prospect_id WHERE a.type = 2 AND x.company_id IS NULL")).toBe(0);
      expect(await scalar(ds, "SELECT COUNT(*) FROM extra_contacts")).toBeGreaterThan(300);
      const partners = await scalar(ds, "SELECT COUNT(*) FROM prospection_users WHERE type = 3");
      expect(partners).toBeGreaterThan(0);
      expect(await scalar(ds, "SELECT COUNT(*) FROM partner_follow_up_data p JOIN prospection_users a ON a.id = p.prospect_id WHERE a.type = 3 AND p.rating BETWEEN 1 AND 5 AND p.url LIKE 'https://%'")).toBe(partners);
      expect(await scalar(ds, "SELECT COUNT(*) FROM partner_follow_up_data")).toBe(partners);
    });

    it("should do nothing when users already exist", async () => {
      const before = await tableCounts(db.dataSource);
      await expect(seedDemo(db.dataSource, { now: NOW })).resolves.toBe(false);
      expect(await tableCounts(db.dataSource)).toEqual(before);
    });
  });

  describe("seedVolume", () => {
    let db: TestDatabase;
    let result: Awaited<ReturnType<typeof seedVolume>>;
    const progress: number[] = [];
    beforeAll(async () => {
      db = await openTestDatabase(dialect);
      await seedCatalogs(db.dataSource);
      result = await seedVolume(db.dataSource, { accounts: 2000, batchSize: 750, now: NOW, onProgress: (done) => progress.push(done) });
    });
    afterAll(() => db.close());

    it("should create exactly N accounts with related rows in realistic proportions", async () => {
      const counts = await tableCounts(db.dataSource);
      expect(progress).toEqual([750, 1500, 2000]);
      expect(counts.prospection_users).toBe(2000);
      expect(result.counts.accounts).toBe(2000);
      expect(counts.follow_up_data).toBe(2000);
      expect(await scalar(db.dataSource, "SELECT COUNT(DISTINCT prospect_id) FROM follow_up_data")).toBe(2000);
      expect(counts.extra_contacts).toBeGreaterThan(2000 * 1.3);
      expect(counts.extra_contacts).toBeLessThan(2000 * 1.7);
      const notes = counts.prospect_follow_up_comments + counts.follow_up_comments;
      expect(notes).toBeGreaterThan(2000 * 4.5);
      expect(notes).toBeLessThan(2000 * 5.6);
      expect(counts.company_locations).toBeGreaterThanOrEqual(2000);
      expect(counts.company_locations).toBeLessThan(2000 * 1.2);
      expect(counts.companies).toBe(await scalar(db.dataSource, "SELECT COUNT(*) FROM prospection_users WHERE type = 2"));
      expect(counts.partner_follow_up_data).toBe(await scalar(db.dataSource, "SELECT COUNT(*) FROM prospection_users WHERE type = 3"));
      expect(result.counts).toMatchObject({ contacts: counts.extra_contacts, locations: counts.company_locations, reminders: counts.reminders });
    });

    it("should create a few salesmen when there are no users", async () => {
      expect(result.createdUsers).toBe(4);
      const owners = await scalar(db.dataSource, "SELECT COUNT(DISTINCT created_by) FROM prospection_users");
      expect(owners).toBe(4);
      expect(await scalar(db.dataSource, "SELECT COUNT(*) FROM companies c JOIN user_permissions up ON up.user_id = c.assigned_executive_id JOIN permissions p ON p.id = up.permission_id WHERE p.`key` = 'mdr'")).toBe(result.counts.companies);
    });

    it("should append N more accounts with the existing users when run again", async () => {
      const before = await tableCounts(db.dataSource);
      const again = await seedVolume(db.dataSource, { accounts: 300, now: NOW });
      const after = await tableCounts(db.dataSource);
      expect(again.createdUsers).toBe(0);
      expect(after.users).toBe(before.users);
      expect(after.prospection_users).toBe(before.prospection_users + 300);
      expect(after.follow_up_data).toBe(before.follow_up_data + 300);
      expect(await scalar(db.dataSource, "SELECT MAX(id) - MIN(id) + 1 FROM prospection_users")).toBe(after.prospection_users);
    });
  });
});
