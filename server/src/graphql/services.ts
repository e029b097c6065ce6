import pino, { type Logger } from "pino";
import type { DataSource } from "typeorm";
import type { Env } from "../config/env";
import { AccountPipelineService } from "../modules/accounts/account-pipeline.service";
import { AccountWriteService } from "../modules/accounts/account-write.service";
import { ActivityService } from "../modules/accounts/activity.service";
import { BoardService } from "../modules/accounts/board.service";
import { CompanyService } from "../modules/accounts/company.service";
import { AccountService } from "../modules/accounts/account.service";
import { ProspectCreateService } from "../modules/accounts/prospect-create.service";
import { ApiTokenService } from "../modules/auth/api-token.service";
import { UserAdminService } from "../modules/users/user-admin.service";
import { AuthService } from "../modules/auth/auth.service";
import type { RateLimits } from "../modules/auth/rate-limits";
import { CatalogService } from "../modules/catalogs/catalog.service";
import { FollowUpDataService } from "../modules/follow-ups/follow-up-data.service";
import { PartnerDataService } from "../modules/partners/partner-data.service";
import { ContactService } from "../modules/contacts/contact.service";
import { LocationService } from "../modules/locations/location.service";
import { NoteService } from "../modules/notes/note.service";
import { ReminderService } from "../modules/reminders/reminder.service";
import { EmailService } from "../modules/emails/email.service";
import { createMailer } from "../modules/emails/mailer";
import { PreferenceService } from "../modules/preferences/preference.service";
import { JobAdminService } from "../modules/jobs/job-admin.service";
import { ImportService } from "../modules/imports/import.service";
import { AccountExportService } from "../modules/exports/account-export.service";
import { ExportLinks } from "../modules/exports/export-link";
import { MemoryEventBus, type EventBus } from "../realtime/event-bus";

/** Process-wide services: stateless apart from the DataSource, the catalog cache and the account-event bus writes publish to. */
export function createServices(
  dataSource: DataSource,
  config: Pick<Env, "SESSION_TTL_HOURS" | "SMTP_URL" | "MAIL_FROM" | "SESSION_SECRET" | "IMPORT_LEASE_MS">,
  limits: RateLimits,
  logger: Logger = pino({ level: "silent" }),
  bus: EventBus = new MemoryEventBus(),
) {
  const catalogs = new CatalogService(dataSource);
  const accounts = new AccountService(dataSource);
  const preferences = new PreferenceService(dataSource);
  return {
    auth: new AuthService(dataSource, config.SESSION_TTL_HOURS, limits),
    apiTokens: new ApiTokenService(dataSource),
    userAdmin: new UserAdminService(dataSource),
    accounts,
    companies: new CompanyService(dataSource),
    board: new BoardService(dataSource, catalogs, accounts),
    prospects: new ProspectCreateService(dataSource, catalogs, bus),
    accountWrites: new AccountWriteService(dataSource, catalogs, bus),
    pipeline: new AccountPipelineService(dataSource, catalogs, bus),
    followUpData: new FollowUpDataService(dataSource, catalogs, bus),
    partnerData: new PartnerDataService(dataSource, bus),
    activities: new ActivityService(dataSource),
    catalogs,
    notes: new NoteService(dataSource, bus),
    contacts: new ContactService(dataSource, catalogs),
    locations: new LocationService(dataSource),
    reminders: new ReminderService(dataSource),
    emails: new EmailService(dataSource, createMailer(config)),
    preferences,
    jobs: new JobAdminService(dataSource),
    imports: new ImportService(dataSource, catalogs, logger, bus, config.IMPORT_LEASE_MS),
    /** Where committed account changes are published (subscriptions). */
    bus,
    accountExports: new AccountExportService(dataSource, accounts, catalogs, preferences, new ExportLinks(config.SESSION_SECRET)),
  };
}

export type Services = ReturnType<typeof createServices>;
