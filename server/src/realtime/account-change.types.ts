import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Account } from "../modules/accounts/account.types";
import { User } from "../modules/auth/auth.types";
import { FollowUpStatus } from "../modules/catalogs/catalog.types";
import { Note } from "../modules/notes/note.types";
import type { AccountEvent } from "./account-event";

/** What happened to an account. */
export enum AccountChangeKind {
  CREATED = "CREATED",
  UPDATED = "UPDATED",
  MOVED = "MOVED",
  REMOVED = "REMOVED",
  NOTE_ADDED = "NOTE_ADDED",
}

registerEnumType(AccountChangeKind, {
  name: "AccountChangeKind",
  description: "CREATED (createProspect, CSV import), UPDATED (details, executive, conversion, restore), MOVED (status), REMOVED, NOTE_ADDED",
});

@ObjectType({ description: "One change to an account the viewer can see (subscription accountChanged)" })
export class AccountChange {
  @Field(() => AccountChangeKind) kind!: AccountChangeKind;
  @Field(() => ID, { description: "The Account's global id, always present" }) accountId!: string;
  @Field(() => Account, { nullable: true, description: "The account as this viewer sees it now (read fresh); null when leftScope" }) account!: Account | null;
  @Field(() => FollowUpStatus, { nullable: true, description: "MOVED: the status before" }) fromStatus!: FollowUpStatus | null;
  @Field(() => FollowUpStatus, { nullable: true, description: "MOVED: the status after" }) toStatus!: FollowUpStatus | null;
  @Field(() => Note, { nullable: true, description: "NOTE_ADDED: the note" }) note!: Note | null;
  @Field(() => User, { nullable: true, description: "Who made the change" }) actor!: User | null;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => Boolean, { description: "The change took the account out of this viewer's scope (e.g. reassigned away): drop it" }) leftScope!: boolean;
}

/** The root of an AccountChange: the bus event and what it means to this subscriber. */
export interface AccountChangeRecord {
  event: AccountEvent;
  leftScope: boolean;
}
