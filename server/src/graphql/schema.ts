import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema, type NonEmptyArray, type PubSub } from "type-graphql";
import { AccountConnectionResolver } from "../modules/accounts/account-connection.resolver";
import { ClientResolver, PartnerProspectResolver } from "../modules/accounts/account-subtypes.resolver";
import { AccountResolver } from "../modules/accounts/account.resolver";
import { AccountWriteResolver } from "../modules/accounts/account-write.resolver";
import { ActivityResolver } from "../modules/accounts/activity.resolver";
import { BoardResolver } from "../modules/accounts/board.resolver";
import { SalesmanResolver } from "../modules/accounts/salesman.resolver";
import { CompanyConnectionResolver, CompanyResolver } from "../modules/accounts/company.resolver";
import { ApiTokenResolver } from "../modules/auth/api-token.resolver";
import { UserAdminResolver } from "../modules/users/user-admin.resolver";
import { AuthResolver } from "../modules/auth/auth.resolver";
import { applyPermissions } from "../modules/auth/permissions";
import { UserResolver } from "../modules/auth/user.resolver";
import { CatalogResolver } from "../modules/catalogs/catalog.resolver";
import { ContactResolver } from "../modules/contacts/contact.resolver";
import { FollowUpDataResolver } from "../modules/follow-ups/follow-up-data.resolver";
import { LocationResolver } from "../modules/locations/location.resolver";
import { NoteResolver } from "../modules/notes/note.resolver";
import { ReminderResolver } from "../modules/reminders/reminder.resolver";
import { AccountEmailsResolver, SentEmailResolver } from "../modules/emails/email.resolver";
import { AccountRespondioSyncResolver } from "../modules/jobs/respondio-sync.resolver";
import { JobAdminResolver } from "../modules/jobs/job-admin.resolver";
import { PreferenceResolver } from "../modules/preferences/preference.resolver";
import { ExportResolver } from "../modules/exports/export.resolver";
import { ImportResolver } from "../modules/imports/import.resolver";
import { Node } from "./node.types";
import { NodeResolver } from "./node.resolver";
import { AccountChangeResolver } from "../realtime/account-change.resolver";
import { eventBusPubSub, MemoryEventBus } from "../realtime/event-bus";

/** Every resolver class of the graph. */
const resolvers: NonEmptyArray<Function> = [
  AuthResolver,
  ApiTokenResolver,
  UserAdminResolver,
  UserResolver,
  CatalogResolver,
  AccountResolver,
  AccountWriteResolver,
  BoardResolver,
  ActivityResolver,
  SalesmanResolver,
  AccountConnectionResolver,
  PartnerProspectResolver,
  ClientResolver,
  CompanyResolver,
  CompanyConnectionResolver,
  ContactResolver,
  LocationResolver,
  NoteResolver,
  ReminderResolver,
  SentEmailResolver,
  AccountEmailsResolver,
  AccountRespondioSyncResolver,
  JobAdminResolver,
  PreferenceResolver,
  ExportResolver,
  ImportResolver,
  FollowUpDataResolver,
  NodeResolver,
  AccountChangeResolver,
];

/**
 * Builds the executable schema from the type-graphql classes, guarded by permissions.ts (no file is
 * written). `pubSub`: where subscriptions take their events (the app's bus, eventBusPubSub); the
 * default, a bus nobody publishes to, serves printing the schema.
 */
export async function buildCrmSchema(options: { pubSub?: PubSub } = {}): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    orphanedTypes: [Node],
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
    pubSub: options.pubSub ?? eventBusPubSub(new MemoryEventBus()),
  });
  return applyPermissions(schema);
}

