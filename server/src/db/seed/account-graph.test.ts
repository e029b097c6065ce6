import { AccountStatusCode, AccountTypeCode } from "../../modules/accounts/account.entity";
import { AccountGraphBuilder, type AccountPlan } from "./account-graph";
import { Prng } from "./prng";
import { SeedBatch } from "./seed-batch";
import type { SeedRefs } from "./seed-refs";

const NOW = new Date("2026-03-16T18:00:00Z");
const REFS: SeedRefs = {
  statuses: [
    { id: 5, outcome: null },
    { id: 6, outcome: null },
    { id: 7, outcome: null },
    { id: 8, outcome: "won" },
    { id: 9, outcome: "lost" },
  ],
  locales: [
    { id: 1, code: "MX", phoneCode: "52", phoneDigits: 10 },
    { id: 5, code: "GT", phoneCode: "502", phoneDigits: 8 },
  ],
  shipmentRanges: [
    { id: 1, min: 1, max: 50 },
    { id: 2, min: 51, max: 200 },
    { id: 3, min: 201, max: null },
  ],
  ecommerceTypes: [
    { id: 1, key: "shopify", name: "Shopify" },
    { id: 2, key: "none", name: "Sin tienda en línea" },
  ],
  weightIds: [1, 2],
  contentIds: [1, 2, 3],
  channelKeys: ["website", "partner", "other"],
};
const PROPORTIONS = { contacts: 1.5, notes: 5, extraLocation: 0.2, scheduled: 0.3, reminder: 0.5, foreignLocale: 0.2 };

function build(seed: number): SeedBatch {
  const builder = new AccountGraphBuilder(new Prng(seed), REFS, NOW, PROPORTIONS);
  const batch = new SeedBatch();
  const company = builder.company(batch, 10, 3, new Date("2025-01-01T00:00:00Z"));
  const plans: AccountPlan[] = Array.from({ length: 60 }, (_, i) => ({
    id: 100 + i,
    type: i === 0 ? AccountTypeCode.client : i % 3 === 0 ? AccountTypeCode.partnerProspect : AccountTypeCode.prospect,
    status: i === 0 ? AccountStatusCode.registered : i % 10 === 9 ? AccountStatusCode.removed : AccountStatusCode.inProcess,
    createdBy: 2,
    salesmanId: i % 4 === 0 ? null : 3,
    company: i === 0 ? company : null,
    createdAt: new Date(NOW.getTime() - (60 - i) * 86_400_000),
  }));
  plans.forEach((plan) => builder.add(batch, plan));
  return batch;
}

describe("AccountGraphBuilder", () => {
  it("should generate the same rows for the same seed", () => {
    expect(build(11)).toEqual(build(11));
    expect(build(11).accounts).not.toEqual(build(12).accounts);
  });

  it("should surround every account with one follow-up row and exactly one primary location", () => {
    const batch = build(11);
    expect(batch.followUpData.map((f) => f.prospectId)).toEqual(batch.accounts.map((a) => a.id));
    const primaries = batch.locations.filter((l) => l.isPrimary).map((l) => l.prospectId);
    expect(primaries).toEqual(batch.accounts.map((a) => a.id));
    expect(batch.partnerData.map((p) => p.prospectId)).toEqual(batch.accounts.filter((a) => a.type === AccountTypeCode.partnerProspect).map((a) => a.id));
  });

  it("should split a client's notes between its prospect history and its company", () => {
    const batch = build(11);
    expect(batch.prospectNotes.some((n) => n.prospectId === 100)).toBe(true);
    expect(batch.companyNotes.length).toBeGreaterThan(0);
    expect(batch.companyNotes.every((n) => n.companyId === 10)).toBe(true);
    expect(batch.locations.filter((l) => l.prospectId === 100).every((l) => l.companyId === 10)).toBe(true);
    expect(batch.locations.filter((l) => l.prospectId !== 100).every((l) => l.companyId === null)).toBe(true);
  });

  it("should match phone length to the locale and keep dates out of the future", () => {
    const batch = build(11);
    for (const account of batch.accounts) {
      const locale = REFS.locales.find((l) => l.id === account.localeId);
      expect(account.phoneCode).toBe(locale?.phoneCode);
      if (typeof account.phone === "string") {
        expect(account.phone).toHaveLength(locale?.phoneDigits ?? -1);
      }
    }
    const created = [...batch.accounts, ...batch.contacts, ...batch.locations, ...batch.prospectNotes, ...batch.companyNotes].map((r) => r.createdAt as Date);
    expect(created.every((d) => d.getTime() <= NOW.getTime())).toBe(true);
  });

  it("should leave removed and closed accounts without future activities or open reminders", () => {
    const batch = build(11);
    const closed = new Set(batch.accounts.filter((a) => a.status === AccountStatusCode.removed || a.followUpId === 8 || a.followUpId === 9).map((a) => a.id));
    expect(closed.size).toBeGreaterThan(0);
    const future = batch.prospectNotes.filter((n) => closed.has(n.prospectId as number) && n.scheduledDate instanceof Date && n.scheduledDate > NOW);
    expect(future).toEqual([]);
    expect(batch.reminders.filter((r) => closed.has(r.prospectId as number))).toEqual([]);
  });
});
