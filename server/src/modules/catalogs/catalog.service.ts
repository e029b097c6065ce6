import type { DataSource } from "typeorm";
import { onPrimary } from "../../db/read-routing";
import { ACCOUNT_SIZES } from "../follow-ups/follow-up-data.entity";
import { FollowUpStatusEntity } from "../follow-ups/follow-up-status.entity";
import {
  ChannelEntity,
  ContentTypeEntity,
  EcommerceTypeEntity,
  LocaleEntity,
  MonthlyShipmentRangeEntity,
  WeightRangeEntity,
} from "./catalog.entities";
import type { Catalogs, FollowUpStatus, FollowUpStatusGroup, Locale } from "./catalog.types";

/**
 * Catalogs change a few times a year: they are read once per process and kept, so
 * statuses and locales cost no SQL per request. `reload()` after a catalog write.
 */
export class CatalogService {
  private cached: Promise<Catalogs> | undefined;
  /** Every status by id, retired ones included: old accounts and notes still point at them. */
  private statusesById = new Map<number, FollowUpStatus>();

  constructor(private readonly dataSource: DataSource) {}

  all(): Promise<Catalogs> {
    // Kept for the process's life: loaded from the primary even when a query (replica reads) asks first.
    this.cached ??= onPrimary(() => this.load()).catch((error: unknown) => {
      this.cached = undefined;
      throw error;
    });
    return this.cached;
  }

  reload(): Promise<Catalogs> {
    this.cached = undefined;
    return this.all();
  }

  async status(id: number): Promise<FollowUpStatus | undefined> {
    await this.all();
    return this.statusesById.get(id);
  }

  async locale(id: number): Promise<Locale | undefined> {
    return (await this.all()).locales.find((l) => l.id === id);
  }

  private async load(): Promise<Catalogs> {
    const repo = <T extends object>(entity: new () => T) => this.dataSource.getRepository(entity);
    const [statusRows, locales, ecommerceTypes, weights, contents, shipments, channels] = await Promise.all([
      repo(FollowUpStatusEntity).find({ order: { position: "ASC", id: "ASC" } }),
      repo(LocaleEntity).find({ order: { id: "ASC" } }),
      repo(EcommerceTypeEntity).find({ order: { id: "ASC" } }),
      repo(WeightRangeEntity).find({ order: { id: "ASC" } }),
      repo(ContentTypeEntity).find({ order: { id: "ASC" } }),
      repo(MonthlyShipmentRangeEntity).find({ order: { id: "ASC" } }),
      repo(ChannelEntity).find({ order: { id: "ASC" } }),
    ]);
    const allGroups: Array<FollowUpStatusGroup & { active: boolean }> = statusRows
      .filter((row) => row.parentId === null)
      .map((row) => ({ id: row.id, name: row.name, color: row.color, position: row.position, statuses: [], active: row.active }));
    const followUpStatuses: FollowUpStatus[] = [];
    const statusesById = new Map<number, FollowUpStatus>();
    for (const row of statusRows.filter((r) => r.parentId !== null)) {
      const group = allGroups.find((g) => g.id === row.parentId) ?? null;
      const status: FollowUpStatus = { id: row.id, name: row.name, color: row.color, position: row.position, outcome: row.outcome, group };
      statusesById.set(row.id, status);
      if (row.active && group?.active) {
        group.statuses.push(status);
        followUpStatuses.push(status);
      }
    }
    this.statusesById = statusesById;
    const groups = allGroups.filter((g) => g.active).map(({ active: _active, ...group }) => group);
    const boardOrder = (s: FollowUpStatus) => (s.group?.position ?? 0) * 10_000 + s.position;
    followUpStatuses.sort((a, b) => boardOrder(a) - boardOrder(b));
    return {
      statusGroups: groups,
      followUpStatuses,
      locales,
      ecommerceTypes,
      weightRanges: weights.map((w) => ({ id: w.id, name: w.name, minKg: Number(w.minKg), maxKg: w.maxKg === null ? null : Number(w.maxKg) })),
      contentTypes: contents,
      monthlyShipmentRanges: shipments,
      channels,
      accountSizes: [...ACCOUNT_SIZES],
    };
  }
}
