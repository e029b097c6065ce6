import { EventSubscriber, type EntitySubscriberInterface, type InsertEvent, type UpdateEvent } from "typeorm";
import { AccountEntity } from "./account.entity";

/**
 * The comparable form of a company name: accents and case folded, punctuation and runs of
 * spaces reduced to one space ("Logística  del Bajío, S.A." → "logistica del bajio s a").
 * Stored in prospection_users.company_name_key (indexed) so duplicate checks are one
 * indexed IN on both SQLite and MariaDB, whatever their collations do.
 */
export function companyNameKey(name: string): string {
  return foldText(name).slice(0, 191);
}

const ASCII = /^[\x00-\x7F]*$/;

/** Accents and case folded, every run of non-letters/digits one space, trimmed ("Código_de País" → "codigo de pais"). */
export function foldText(text: string): string {
  if (ASCII.test(text)) {
    // The same result without Unicode normalization (a large share of an import's CPU):
    // no ASCII character is a combining mark, and ASCII's letters and digits are [a-z0-9].
    return text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Keeps company_name_key in step with company_name for every write that goes through
 * TypeORM (save, insert and update builders, seeds included), so no writer can forget it.
 */
@EventSubscriber()
export class CompanyNameKeySubscriber implements EntitySubscriberInterface<AccountEntity> {
  listenTo(): typeof AccountEntity {
    return AccountEntity;
  }

  beforeInsert(event: InsertEvent<AccountEntity>): void {
    fill(event.entity);
  }

  beforeUpdate(event: UpdateEvent<AccountEntity>): void {
    fill(event.entity);
  }
}

function fill(values: Partial<AccountEntity> | undefined): void {
  if (values && typeof values.companyName === "string") {
    values.companyNameKey = companyNameKey(values.companyName);
  }
}
