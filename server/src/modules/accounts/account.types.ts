import { Field, Int, InterfaceType, ObjectType, registerEnumType } from "type-graphql";
import { PageInfo } from "../../graphql/connection";
import { Node } from "../../graphql/node.types";
import { User } from "../auth/auth.types";
import { FollowUpStatus, Locale } from "../catalogs/catalog.types";
import { Contact } from "../contacts/contact.types";
import { FollowUpData } from "../follow-ups/follow-up-data.types";
import { Location } from "../locations/location.types";
import { Note } from "../notes/note.types";
import { PartnerData } from "../partners/partner-data.types";
import { Reminder } from "../reminders/reminder.types";
import { AccountTypeCode, type AccountEntity } from "./account.entity";
import { Company } from "./company.types";
import { Phone } from "./phone.types";

export enum AccountType {
  PROSPECT = "PROSPECT",
  CLIENT = "CLIENT",
  PARTNER_PROSPECT = "PARTNER_PROSPECT",
}
registerEnumType(AccountType, { name: "AccountType", description: "prospection_users.type: 1 prospect, 2 client, 3 partner prospect" });

export enum AccountStatus {
  REMOVED = "REMOVED",
  IN_PROCESS = "IN_PROCESS",
  REGISTERED = "REGISTERED",
}
registerEnumType(AccountStatus, { name: "AccountStatus", description: "prospection_users.status: 0 removed, 1 in process, 2 registered" });

/** GraphQL type name of each prospection_users.type code. */
const TYPE_NAMES: Record<AccountTypeCode, "Prospect" | "Client" | "PartnerProspect"> = {
  [AccountTypeCode.prospect]: "Prospect",
  [AccountTypeCode.client]: "Client",
  [AccountTypeCode.partnerProspect]: "PartnerProspect",
};

@InterfaceType({
  implements: Node,
  description: "A prospect, partner prospect or client in the pipeline",
  resolveType: (account: AccountEntity) => TYPE_NAMES[account.type],
})
export abstract class Account extends Node {
  @Field(() => Int, { description: "Numeric prospection_users.id" }) legacyId!: number;
  @Field(() => AccountType) type!: AccountType;
  @Field(() => AccountStatus) status!: AccountStatus;
  @Field(() => String, { description: "Contact person name" }) name!: string;
  @Field(() => String) companyName!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => Phone, { nullable: true }) phone!: Phone | null;
  @Field(() => Locale) locale!: Locale;
  @Field(() => FollowUpStatus) followUpStatus!: FollowUpStatus;
  @Field(() => User, { nullable: true, description: "The assigned executive" }) salesman!: User | null;
  @Field(() => User) createdBy!: User;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => Int, { description: "Optimistic concurrency: send it back with updates" }) version!: number;
  @Field(() => FollowUpData, { nullable: true }) followUpData!: FollowUpData | null;
  @Field(() => [Contact]) contacts!: Contact[];
  @Field(() => [Location]) locations!: Location[];
  @Field(() => [Reminder], { description: "Open and completed reminders, soonest first" }) reminders!: Reminder[];
  @Field(() => Date, { nullable: true, description: "When the newest note was written" }) lastActivityAt!: Date | null;
  @Field(() => Note, { nullable: true, description: "The soonest note scheduled from now on" }) nextScheduledActivity!: Note | null;
}

@ObjectType({ implements: [Account, Node], description: "A lead without a company account (type 1)" })
export class Prospect extends Account {}

@ObjectType({ implements: [Account, Node], description: "A partner channel lead (type 3)" })
export class PartnerProspect extends Account {
  @Field(() => PartnerData, { nullable: true }) partnerData!: PartnerData | null;
}

@ObjectType({ implements: [Account, Node], description: "A company already on the platform (type 2)" })
export class Client extends Account {
  @Field(() => Company) company!: Company;
}

@ObjectType()
export class AccountEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Account) node!: Account;
}

@ObjectType({ description: "A page of accounts" })
export class AccountConnection {
  @Field(() => [AccountEdge]) edges!: AccountEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: "Accounts matching the filter in the viewer's scope" }) totalCount!: number;
}

export function accountTypeOf(code: AccountTypeCode): AccountType {
  return ({ 1: AccountType.PROSPECT, 2: AccountType.CLIENT, 3: AccountType.PARTNER_PROSPECT } as const)[code];
}

export function accountStatusOf(code: number): AccountStatus {
  return code === 0 ? AccountStatus.REMOVED : code === 2 ? AccountStatus.REGISTERED : AccountStatus.IN_PROCESS;
}
