import type { EntityManager } from "typeorm";
import type { Catalogs } from "../catalogs/catalog.types";
import type { AccountEntity } from "../accounts/account.entity";
import type { FieldErrors } from "../accounts/prospect-rules";
import { FollowUpDataEntity } from "./follow-up-data.entity";
import type { FollowUpDataFields } from "./follow-up-data.inputs";

const MAX_VALUE = 1e12;
const MAX_ANNOTATIONS = 10_000;

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * Checks the given follow-up fields (omitted ones are not touched) and returns the column
 * changes; problems go to `errors` under `prefix` + field name.
 */
export function followUpDataChanges(fields: FollowUpDataFields, catalogs: Catalogs, errors: FieldErrors, prefix = ""): Partial<FollowUpDataEntity> {
  const changes: Partial<FollowUpDataEntity> = {};
  const fail = (field: string, message: string) => {
    errors[`${prefix}${field}`] = message;
  };
  const ref = <K extends "ecommerceTypeId" | "weightId" | "contentId">(field: K, exists: (id: number) => boolean) => {
    const value = fields[field];
    if (value === undefined) {
      return;
    }
    if (value !== null && !exists(value)) {
      fail(field, `${value} does not exist`);
    }
    changes[field] = value;
  };
  if (fields.channel !== undefined) {
    if (fields.channel !== null && !catalogs.channels.some((c) => c.key === fields.channel)) {
      fail("channel", `"${fields.channel}" is not a channel`);
    }
    changes.channel = fields.channel;
  }
  if (fields.accountValue !== undefined) {
    if (fields.accountValue !== null && !(fields.accountValue >= 0)) {
      fail("accountValue", "must be 0 or more");
    } else if (fields.accountValue !== null && !(fields.accountValue < MAX_VALUE)) {
      // DECIMAL(14,2): a larger value would fail in SQL (or be clipped by MySQL).
      fail("accountValue", `must be less than ${MAX_VALUE}`);
    }
    changes.accountValue = fields.accountValue === null ? null : Math.round(fields.accountValue * 100) / 100;
  }
  if (fields.monthlyShipments !== undefined) {
    if (fields.monthlyShipments !== null && fields.monthlyShipments < 0) {
      fail("monthlyShipments", "must be 0 or more");
    }
    changes.monthlyShipments = fields.monthlyShipments;
  }
  ref("ecommerceTypeId", (id) => catalogs.ecommerceTypes.some((c) => c.id === id));
  ref("weightId", (id) => catalogs.weightRanges.some((c) => c.id === id));
  ref("contentId", (id) => catalogs.contentTypes.some((c) => c.id === id));
  if (fields.accountSize !== undefined) {
    changes.accountType = fields.accountSize;
  }
  if (fields.estimatedCloseDate !== undefined) {
    if (fields.estimatedCloseDate !== null && !isIsoDate(fields.estimatedCloseDate)) {
      fail("estimatedCloseDate", "must be a date as YYYY-MM-DD");
    }
    changes.estimatedCloseDate = fields.estimatedCloseDate;
  }
  if (fields.annotations !== undefined) {
    if (fields.annotations !== null && fields.annotations.length > MAX_ANNOTATIONS) {
      fail("annotations", `must be at most ${MAX_ANNOTATIONS} characters`);
    }
    changes.annotations = fields.annotations;
  }
  return changes;
}

/** Writes follow-up changes to the account's one follow_up_data row, creating it when missing. */
export async function saveFollowUpData(manager: EntityManager, account: AccountEntity, changes: Partial<FollowUpDataEntity>): Promise<void> {
  const repo = manager.getRepository(FollowUpDataEntity);
  const existing = await repo.findOneBy({ prospectId: account.id });
  if (existing) {
    if (Object.keys(changes).length > 0) {
      await repo.update({ id: existing.id }, changes);
    }
    return;
  }
  await repo.insert({ prospectId: account.id, companyId: account.companyId, ...changes });
}
