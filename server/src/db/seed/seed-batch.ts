import type { EntityManager } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import { AccountEntity } from "../../modules/accounts/account.entity";
import { CompanyEntity } from "../../modules/accounts/company.entity";
import { ContactEntity } from "../../modules/contacts/contact.entity";
import { FollowUpDataEntity } from "../../modules/follow-ups/follow-up-data.entity";
import { LocationEntity } from "../../modules/locations/location.entity";
import { CompanyNoteEntity, ProspectNoteEntity } from "../../modules/notes/note.entities";
import { PartnerDataEntity } from "../../modules/partners/partner-data.entity";
import { ReminderEntity } from "../../modules/reminders/reminder.entity";
import { insertRows } from "./bulk-insert";

type Rows<T> = Array<QueryDeepPartialEntity<T>>;

/** Row counts of a batch, by table. */
export interface BatchCounts {
  companies: number;
  accounts: number;
  followUpData: number;
  partnerData: number;
  contacts: number;
  locations: number;
  prospectNotes: number;
  companyNotes: number;
  reminders: number;
}

/** Generated rows waiting to be written, one array per table. */
export class SeedBatch {
  readonly companies: Rows<CompanyEntity> = [];
  readonly accounts: Rows<AccountEntity> = [];
  readonly followUpData: Rows<FollowUpDataEntity> = [];
  readonly partnerData: Rows<PartnerDataEntity> = [];
  readonly contacts: Rows<ContactEntity> = [];
  readonly locations: Rows<LocationEntity> = [];
  readonly prospectNotes: Rows<ProspectNoteEntity> = [];
  readonly companyNotes: Rows<CompanyNoteEntity> = [];
  readonly reminders: Rows<ReminderEntity> = [];

  counts(): BatchCounts {
    return {
      companies: this.companies.length,
      accounts: this.accounts.length,
      followUpData: this.followUpData.length,
      partnerData: this.partnerData.length,
      contacts: this.contacts.length,
      locations: this.locations.length,
      prospectNotes: this.prospectNotes.length,
      companyNotes: this.companyNotes.length,
      reminders: this.reminders.length,
    };
  }

  /** Writes parents before children so every foreign key already resolves. */
  async flush(manager: EntityManager): Promise<BatchCounts> {
    await insertRows(manager, CompanyEntity, this.companies);
    await insertRows(manager, AccountEntity, this.accounts);
    await insertRows(manager, FollowUpDataEntity, this.followUpData);
    await insertRows(manager, PartnerDataEntity, this.partnerData);
    await insertRows(manager, ContactEntity, this.contacts);
    await insertRows(manager, LocationEntity, this.locations);
    await insertRows(manager, ProspectNoteEntity, this.prospectNotes);
    await insertRows(manager, CompanyNoteEntity, this.companyNotes);
    await insertRows(manager, ReminderEntity, this.reminders);
    return this.counts();
  }
}

/** Adds two tallies (running totals over several batches). */
export function addCounts(a: BatchCounts, b: BatchCounts): BatchCounts {
  const sum = { ...a };
  for (const key of Object.keys(b) as Array<keyof BatchCounts>) {
    sum[key] += b[key];
  }
  return sum;
}

export const NO_ROWS: BatchCounts = {
  companies: 0,
  accounts: 0,
  followUpData: 0,
  partnerData: 0,
  contacts: 0,
  locations: 0,
  prospectNotes: 0,
  companyNotes: 0,
  reminders: 0,
};
