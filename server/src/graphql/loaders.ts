import type { DataSource } from "typeorm";
import { createAccountFactLoaders } from "../modules/accounts/account-facts.loaders";
import { createAccountLoaders } from "../modules/accounts/account.loaders";
import { createCompanyLoaders } from "../modules/accounts/company.loaders";
import { createUserLoaders } from "../modules/auth/user.loaders";
import { createContactLoaders } from "../modules/contacts/contact.loaders";
import { createEmailLoaders } from "../modules/emails/email.loaders";
import { createJobLoaders } from "../modules/jobs/job.loaders";
import { createFollowUpDataLoaders } from "../modules/follow-ups/follow-up-data.loaders";
import { createLocationLoaders } from "../modules/locations/location.loaders";
import { createNoteLoaders } from "../modules/notes/note.loaders";
import { createPartnerDataLoaders } from "../modules/partners/partner-data.loaders";
import { createReminderLoaders } from "../modules/reminders/reminder.loaders";

/** Every DataLoader of one request; built in the context factory, never shared between requests. */
export function createLoaders(dataSource: DataSource) {
  return {
    ...createUserLoaders(dataSource),
    ...createAccountLoaders(dataSource),
    ...createCompanyLoaders(dataSource),
    ...createContactLoaders(dataSource),
    ...createLocationLoaders(dataSource),
    ...createFollowUpDataLoaders(dataSource),
    ...createPartnerDataLoaders(dataSource),
    ...createReminderLoaders(dataSource),
    ...createEmailLoaders(dataSource),
    ...createNoteLoaders(dataSource),
    ...createJobLoaders(dataSource),
    ...createAccountFactLoaders(dataSource),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
