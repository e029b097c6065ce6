import { AccountEntity } from "../modules/accounts/account.entity";
import { CompanyEntity } from "../modules/accounts/company.entity";
import { AccountWriteGenerationSubscriber } from "../modules/accounts/account-write-generation";
import { CompanyNameKeySubscriber } from "../modules/accounts/company-name-key";
import { ApiTokenEntity } from "../modules/auth/api-token.entity";
import { PermissionEntity, UserPermissionEntity } from "../modules/auth/permission.entity";
import { SessionEntity } from "../modules/auth/session.entity";
import { UserEntity } from "../modules/auth/user.entity";
import {
  ChannelEntity,
  ContentTypeEntity,
  EcommerceTypeEntity,
  LocaleEntity,
  MonthlyShipmentRangeEntity,
  WeightRangeEntity,
} from "../modules/catalogs/catalog.entities";
import { ContactEntity } from "../modules/contacts/contact.entity";
import { SentEmailEntity } from "../modules/emails/sent-email.entity";
import { FollowUpDataEntity } from "../modules/follow-ups/follow-up-data.entity";
import { FollowUpStatusEntity } from "../modules/follow-ups/follow-up-status.entity";
import { ImportEntity, ImportRowEntity } from "../modules/imports/import.entities";
import { LocationEntity } from "../modules/locations/location.entity";
import { CompanyNoteEntity, ProspectNoteEntity } from "../modules/notes/note.entities";
import { PartnerDataEntity } from "../modules/partners/partner-data.entity";
import { TablePreferenceEntity } from "../modules/preferences/table-preference.entity";
import { ReminderEntity } from "../modules/reminders/reminder.entity";
import { OutboxEntity } from "../jobs/outbox.entity";

/** Every table of the CRM, in one list for the DataSource. */
export const entities = [
  UserEntity,
  PermissionEntity,
  UserPermissionEntity,
  SessionEntity,
  ApiTokenEntity,
  LocaleEntity,
  EcommerceTypeEntity,
  WeightRangeEntity,
  ContentTypeEntity,
  MonthlyShipmentRangeEntity,
  ChannelEntity,
  FollowUpStatusEntity,
  CompanyEntity,
  AccountEntity,
  FollowUpDataEntity,
  ProspectNoteEntity,
  CompanyNoteEntity,
  ContactEntity,
  LocationEntity,
  PartnerDataEntity,
  ReminderEntity,
  SentEmailEntity,
  TablePreferenceEntity,
  ImportEntity,
  ImportRowEntity,
  OutboxEntity,
];

/** Entity subscribers of the DataSource. */
export const subscribers = [CompanyNameKeySubscriber, AccountWriteGenerationSubscriber];
