import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { PermissionEntity } from "../../modules/auth/permission.entity";
import { PERMISSIONS } from "../../modules/auth/permission-keys";
import {
  ChannelEntity,
  ContentTypeEntity,
  EcommerceTypeEntity,
  LocaleEntity,
  MonthlyShipmentRangeEntity,
  WeightRangeEntity,
} from "../../modules/catalogs/catalog.entities";
import { FollowUpStatusEntity } from "../../modules/follow-ups/follow-up-status.entity";
import { inSeedTransaction, insertRows } from "./bulk-insert";
import {
  CHANNELS,
  CONTENT_TYPES,
  ECOMMERCE_TYPES,
  FOLLOW_UP_STATUS_GROUPS,
  LOCALES,
  MONTHLY_SHIPMENT_RANGES,
  WEIGHT_RANGES,
} from "./catalog-data";

/** Rows inserted per catalog by one run (all zero when everything was already there). */
export type CatalogSeedResult = Record<
  "permissions" | "locales" | "ecommerceTypes" | "weightRanges" | "contentTypes" | "monthlyShipmentRanges" | "channels" | "followUpStatuses",
  number
>;

/** Items of `wanted` whose identity is not among `existing` yet. */
function missing<T>(wanted: readonly T[], existing: ReadonlySet<string>, identity: (item: T) => string): T[] {
  return wanted.filter((item) => !existing.has(identity(item)));
}

async function existingValues(manager: EntityManager, target: EntityTarget<ObjectLiteral>, column: string): Promise<Set<string>> {
  const rows = await manager.createQueryBuilder(target, "t").select(`t.${column}`, "value").getRawMany<{ value: string }>();
  return new Set(rows.map((r) => String(r.value)));
}

/**
 * Follow-up statuses are matched by name inside their group: an admin may recolor or
 * deactivate them, and a later boot must not add a second "Ganado" or revive a retired one.
 */
async function seedFollowUpStatuses(manager: EntityManager): Promise<number> {
  const repo = manager.getRepository(FollowUpStatusEntity);
  const groupRows = await repo.createQueryBuilder("s").where("s.parent_id IS NULL").getMany();
  const groupIds = new Map(groupRows.map((g) => [g.name, g.id]));
  const newGroups = FOLLOW_UP_STATUS_GROUPS.map((group, index) => ({ group, position: index + 1 })).filter(
    ({ group }) => !groupIds.has(group.name),
  );
  await insertRows(
    manager,
    FollowUpStatusEntity,
    newGroups.map(({ group, position }) => ({ parentId: null, name: group.name, position, color: group.color, outcome: null, active: true })),
  );
  if (newGroups.length > 0) {
    const reread = await repo.createQueryBuilder("s").where("s.parent_id IS NULL").getMany();
    reread.forEach((g) => groupIds.set(g.name, g.id));
  }

  const children = await repo.createQueryBuilder("s").where("s.parent_id IS NOT NULL").getMany();
  const existing = new Set(children.map((s) => `${s.parentId}/${s.name}`));
  const newStatuses = FOLLOW_UP_STATUS_GROUPS.flatMap((group) => {
    const parentId = groupIds.get(group.name);
    if (parentId === undefined) {
      throw new Error(`seedCatalogs: follow-up status group "${group.name}" was not created`);
    }
    return group.statuses
      .map((status, index) => ({ parentId, name: status.name, position: index + 1, color: status.color, outcome: status.outcome, active: true }))
      .filter((status) => !existing.has(`${parentId}/${status.name}`));
  });
  await insertRows(manager, FollowUpStatusEntity, newStatuses);
  return newGroups.length + newStatuses.length;
}

async function seedCatalogRows(manager: EntityManager): Promise<CatalogSeedResult> {
  const permissions = missing(PERMISSIONS, await existingValues(manager, PermissionEntity, "key"), (p) => p.key);
  await insertRows(manager, PermissionEntity, permissions.map((p) => ({ ...p })));

  const locales = missing(LOCALES, await existingValues(manager, LocaleEntity, "code"), (l) => l.code);
  await insertRows(manager, LocaleEntity, locales.map((l) => ({ ...l })));

  const ecommerceTypes = missing(ECOMMERCE_TYPES, await existingValues(manager, EcommerceTypeEntity, "key"), (e) => e.key);
  await insertRows(manager, EcommerceTypeEntity, ecommerceTypes.map((e) => ({ ...e })));

  const weightRanges = missing(WEIGHT_RANGES, await existingValues(manager, WeightRangeEntity, "name"), (w) => w.name);
  await insertRows(manager, WeightRangeEntity, weightRanges.map((w) => ({ ...w })));

  const contentTypes = missing(CONTENT_TYPES, await existingValues(manager, ContentTypeEntity, "name"), (name) => name);
  await insertRows(manager, ContentTypeEntity, contentTypes.map((name) => ({ name })));

  const shipmentRanges = missing(MONTHLY_SHIPMENT_RANGES, await existingValues(manager, MonthlyShipmentRangeEntity, "name"), (r) => r.name);
  await insertRows(manager, MonthlyShipmentRangeEntity, shipmentRanges.map((r) => ({ ...r })));

  const channels = missing(CHANNELS, await existingValues(manager, ChannelEntity, "key"), (c) => c.key);
  await insertRows(manager, ChannelEntity, channels.map((c) => ({ ...c })));

  return {
    permissions: permissions.length,
    locales: locales.length,
    ecommerceTypes: ecommerceTypes.length,
    weightRanges: weightRanges.length,
    contentTypes: contentTypes.length,
    monthlyShipmentRanges: shipmentRanges.length,
    channels: channels.length,
    followUpStatuses: await seedFollowUpStatuses(manager),
  };
}

/**
 * Inserts the reference data that is missing and never touches what is there: safe on
 * every boot, and an admin's edits (colors, deactivated statuses) survive it. Rows are
 * matched by key (permissions, ecommerce types, channels), code (locales) or name (ranges,
 * content types, statuses within their group), so a renamed row comes back under its
 * original name on the next boot: retire a row by deactivating it, not by renaming it.
 */
export async function seedCatalogs(dataSource: DataSource): Promise<CatalogSeedResult> {
  return inSeedTransaction(dataSource, "crm_seed_catalogs", seedCatalogRows);
}
