import { AccountStatusCode, AccountTypeCode } from "../../modules/accounts/account.entity";
import type { AccountSize } from "../../modules/follow-ups/follow-up-data.entity";
import type { LocationKind } from "../../modules/locations/location.entity";
import type { Prng } from "./prng";
import type { SeedRefs, StatusRef } from "./seed-refs";

/** The choices behind a generated account: which column, value, platform, channel, reminder time. */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export type ReminderKind = "overdue" | "dueSoon" | "later" | "completed";

export const SIZE_WEIGHTS: ReadonlyArray<readonly [AccountSize, number]> = [
  ["individual", 15],
  ["startup", 20],
  ["sme", 35],
  ["enterprise", 20],
  ["corporate", 10],
];

/** Account value in MXN by size, [min, max]. */
export const VALUE_RANGE: Record<AccountSize, readonly [number, number]> = {
  individual: [3_000, 40_000],
  startup: [20_000, 200_000],
  sme: [80_000, 800_000],
  enterprise: [500_000, 5_000_000],
  corporate: [2_000_000, 20_000_000],
};

export const REMINDER_WEIGHTS: ReadonlyArray<readonly [ReminderKind, number]> = [
  ["overdue", 3],
  ["dueSoon", 3],
  ["later", 2],
  ["completed", 2],
];

/** The primary location is the head office; extra ones are where goods are. */
export const PRIMARY_KINDS = ["headquarters", "office"] as const;
export const SECONDARY_KINDS = ["warehouse", "branch", "distribution_center"] as const;
export const LOCATION_LABELS: Record<LocationKind, string> = {
  headquarters: "Matriz",
  office: "Oficina principal",
  warehouse: "Bodega",
  branch: "Sucursal",
  distribution_center: "CEDIS",
};

export const SOCIAL_PROFILES = ["https://instagram.com/", "https://facebook.com/", "https://tiktok.com/@", "https://linkedin.com/company/"] as const;

const POPULAR_ECOMMERCE = new Set(["mercadolibre", "shopify", "amazon", "woocommerce", "tiendanube"]);

/** Early columns for new prospects, later ones and "won" for clients, "lost" for removed ones. */
export function pickStatus(rng: Prng, statuses: readonly StatusRef[], open: readonly StatusRef[], type: AccountTypeCode, status: AccountStatusCode): StatusRef {
  const client = type === AccountTypeCode.client;
  return rng.weighted(
    statuses.map((s): readonly [StatusRef, number] => {
      if (status === AccountStatusCode.removed) {
        return [s, s.outcome === "lost" ? 20 : 1];
      }
      if (s.outcome !== null) {
        return [s, s.outcome === "won" ? (client ? 20 : 3) : client ? 4 : 6];
      }
      const index = open.indexOf(s);
      return [s, client ? index + 3 : open.length - index + 2];
    }),
  );
}

/** The status a note recorded: the account walked the open columns in order; the last note is where it is now. */
export function noteStatus(open: readonly StatusRef[], current: StatusRef, index: number, total: number): StatusRef {
  if (index === total - 1) {
    return current;
  }
  const reached = current.outcome === null ? open.indexOf(current) : open.length - 1;
  return open[Math.round((reached * (index + 1)) / total)] ?? current;
}

/** Marketplaces and the big platforms dominate; individuals often sell without a store. */
export function pickEcommerce(rng: Prng, types: SeedRefs["ecommerceTypes"], size: AccountSize): SeedRefs["ecommerceTypes"][number] {
  return rng.weighted(
    types.map((t): readonly [SeedRefs["ecommerceTypes"][number], number] => {
      if (t.key === "none") {
        return [t, size === "individual" ? 8 : 2];
      }
      return [t, POPULAR_ECOMMERCE.has(t.key) ? 6 : 1];
    }),
  );
}

export function pickChannel(rng: Prng, keys: readonly string[], type: AccountTypeCode): string {
  if (type === AccountTypeCode.partnerProspect && keys.includes("partner") && rng.chance(0.5)) {
    return "partner";
  }
  return rng.pick(keys);
}

/** A time on `day` in Mexican office hours (9:00–18:45 at UTC-6), on a quarter hour. */
export function officeHours(rng: Prng, day: number): Date {
  const date = new Date(day);
  date.setUTCHours(rng.int(15, 24), rng.pick([0, 15, 30, 45]), 0, 0);
  return date;
}

/** Due and completion times of a reminder of the given kind, relative to now. */
export function reminderTimes(
  rng: Prng,
  now: number,
  kind: ReminderKind,
  accountCreated: Date,
): { dueAt: Date; completedAt: Date | null; createdAt: Date; updatedAt: Date } {
  const past = (min: number, max: number): Date => new Date(Math.min(now - HOUR, officeHours(rng, now - rng.int(min, max) * DAY).getTime()));
  const dueAt = {
    overdue: () => past(1, 10),
    completed: () => past(2, 30),
    dueSoon: () => {
      const soon = officeHours(rng, now + rng.int(0, 2) * DAY);
      return soon.getTime() > now + HOUR ? soon : new Date(soon.getTime() + DAY);
    },
    later: () => officeHours(rng, now + rng.int(4, 30) * DAY),
  }[kind]();
  const createdAt = new Date(Math.min(now, Math.max(accountCreated.getTime(), dueAt.getTime() - rng.int(1, 5) * DAY)));
  const completedAt = kind === "completed" ? new Date(Math.min(now, dueAt.getTime() + rng.int(0, 24) * HOUR)) : null;
  return { dueAt, completedAt, createdAt, updatedAt: completedAt ?? createdAt };
}
