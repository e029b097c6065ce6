import type { DataSource } from "typeorm";
import type { Env } from "../config/env";
import { AccountService } from "../modules/accounts/account.service";
import { AuthService } from "../modules/auth/auth.service";
import { CatalogService } from "../modules/catalogs/catalog.service";
import { ContactService } from "../modules/contacts/contact.service";
import { LocationService } from "../modules/locations/location.service";
import { NoteService } from "../modules/notes/note.service";
import { ReminderService } from "../modules/reminders/reminder.service";
import { EmailService } from "../modules/emails/email.service";
import { createMailer } from "../modules/emails/mailer";
import { PreferenceService } from "../modules/preferences/preference.service";

/** Process-wide services: stateless apart from the DataSource and the catalog cache. */
export function createServices(dataSource: DataSource, config: Pick<Env, "SESSION_TTL_HOURS" | "SMTP_URL" | "MAIL_FROM">) {
  const catalogs = new CatalogService(dataSource);
  return {
    auth: new AuthService(dataSource, config.SESSION_TTL_HOURS),
    accounts: new AccountService(dataSource),
    catalogs,
    notes: new NoteService(dataSource),
    contacts: new ContactService(dataSource, catalogs),
    locations: new LocationService(dataSource),
    reminders: new ReminderService(dataSource),
    emails: new EmailService(dataSource, createMailer(config)),
    preferences: new PreferenceService(dataSource),
  };
}

export type Services = ReturnType<typeof createServices>;
