import type { EntityManager } from "typeorm";
import { PermissionEntity, UserPermissionEntity } from "../../modules/auth/permission.entity";
import { UserEntity } from "../../modules/auth/user.entity";
import {
  ChannelEntity,
  ContentTypeEntity,
  EcommerceTypeEntity,
  LocaleEntity,
  MonthlyShipmentRangeEntity,
  WeightRangeEntity,
} from "../../modules/catalogs/catalog.entities";
import { FollowUpStatusEntity, type StatusOutcome } from "../../modules/follow-ups/follow-up-status.entity";
import { insertRows } from "./bulk-insert";

/** A Kanban column, in board order. */
export interface StatusRef {
  id: number;
  outcome: StatusOutcome | null;
}

/** The catalog ids generated rows point at. */
export interface SeedRefs {
  /** Statuses (not groups) in board order: group position, then position. */
  statuses: StatusRef[];
  locales: Array<{ id: number; code: string; phoneCode: string; phoneDigits: number }>;
  shipmentRanges: Array<{ id: number; min: number; max: number | null }>;
  ecommerceTypes: Array<{ id: number; key: string; name: string }>;
  weightIds: number[];
  contentIds: number[];
  channelKeys: string[];
}

/** Reads the catalogs; generated data needs them, so a missing catalog is an error naming the fix. */
export async function loadSeedRefs(manager: EntityManager): Promise<SeedRefs> {
  const all = await manager.getRepository(FollowUpStatusEntity).find({ where: { active: true } });
  const groupPosition = new Map(all.filter((s) => s.parentId === null).map((g) => [g.id, g.position]));
  const statuses = all
    .filter((s) => s.parentId !== null && groupPosition.has(s.parentId))
    .sort((a, b) => (groupPosition.get(a.parentId ?? 0) ?? 0) - (groupPosition.get(b.parentId ?? 0) ?? 0) || a.position - b.position)
    .map((s) => ({ id: s.id, outcome: s.outcome }));
  const refs: SeedRefs = {
    statuses,
    locales: (await manager.getRepository(LocaleEntity).find({ order: { id: "ASC" } })).map((l) => ({
      id: l.id,
      code: l.code,
      phoneCode: l.phoneCode,
      phoneDigits: l.phoneDigits,
    })),
    shipmentRanges: (await manager.getRepository(MonthlyShipmentRangeEntity).find({ order: { minShipments: "ASC" } })).map((r) => ({
      id: r.id,
      min: r.minShipments,
      max: r.maxShipments,
    })),
    ecommerceTypes: (await manager.getRepository(EcommerceTypeEntity).find({ order: { id: "ASC" } })).map((e) => ({ id: e.id, key: e.key, name: e.name })),
    weightIds: (await manager.getRepository(WeightRangeEntity).find({ order: { id: "ASC" } })).map((w) => w.id),
    contentIds: (await manager.getRepository(ContentTypeEntity).find({ order: { id: "ASC" } })).map((c) => c.id),
    channelKeys: (await manager.getRepository(ChannelEntity).find({ order: { id: "ASC" } })).map((c) => c.key),
  };
  const empty = Object.entries(refs)
    .filter(([, list]) => (list as unknown[]).length === 0)
    .map(([name]) => name);
  if (empty.length > 0 || !refs.statuses.some((s) => s.outcome === null)) {
    throw new Error(`Seeding needs the catalogs (missing: ${empty.join(", ") || "open statuses"}); run seedCatalogs first`);
  }
  return refs;
}

/** Permission key → id. */
export async function permissionIds(manager: EntityManager): Promise<Map<string, number>> {
  const rows = await manager.getRepository(PermissionEntity).find();
  return new Map(rows.map((p) => [p.key, p.id]));
}

export interface NewUser {
  email: string;
  name: string;
  permissions: readonly string[];
}

/** Inserts users with their permissions; returns email → id. */
export async function insertUsers(manager: EntityManager, users: readonly NewUser[], passwordHash: string, now: Date): Promise<Map<string, number>> {
  await insertRows(
    manager,
    UserEntity,
    users.map((u) => ({ email: u.email, name: u.name, passwordHash, active: true, createdAt: now, updatedAt: now })),
  );
  const rows = await manager
    .getRepository(UserEntity)
    .createQueryBuilder("u")
    .where("u.email IN (:...emails)", { emails: users.map((u) => u.email) })
    .getMany();
  const ids = new Map(rows.map((u) => [u.email, u.id]));
  const keys = await permissionIds(manager);
  const grants = users.flatMap((u) =>
    u.permissions.map((key) => {
      const permissionId = keys.get(key);
      const userId = ids.get(u.email);
      if (permissionId === undefined || userId === undefined) {
        throw new Error(`Seeding: unknown permission "${key}" or user ${u.email}; run seedCatalogs first`);
      }
      return { userId, permissionId };
    }),
  );
  await insertRows(manager, UserPermissionEntity, grants);
  return ids;
}
