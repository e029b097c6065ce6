import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { FollowUpDataFields } from "../follow-ups/follow-up-data.inputs";

export enum ProspectType {
  PROSPECT = "PROSPECT",
  PARTNER_PROSPECT = "PARTNER_PROSPECT",
}
registerEnumType(ProspectType, { name: "ProspectType", description: "What createProspect makes: a prospect (type 1) or a partner prospect (type 3)" });

@InputType({ description: "A new prospect; BAD_USER_INPUT names each invalid field, CONFLICT reports duplicates" })
export class CreateProspectInput {
  @Field(() => ProspectType, { defaultValue: ProspectType.PROSPECT, description: "PARTNER_PROSPECT needs crm-partners" }) type!: ProspectType;
  @Field(() => String, { description: "Contact person" }) name!: string;
  @Field(() => String) companyName!: string;
  @Field(() => String, { nullable: true, description: "Email and/or phone is required" }) email?: string | null;
  @Field(() => String, { nullable: true, description: "Calling code without +; defaults to the locale's" }) phoneCode?: string | null;
  @Field(() => String, { nullable: true, description: "National number; as many digits as the country's numbers have" }) phone?: string | null;
  @Field(() => Int) localeId!: number;
  @Field(() => Int, { nullable: true, description: "Defaults to the first Kanban column" }) followUpStatusId?: number | null;
  @Field(() => Int, { nullable: true }) monthlyShipmentId?: number | null;
  @Field(() => String, { nullable: true, description: "Channel key (catalogs.channels)" }) channel?: string | null;
  @Field(() => ID, { nullable: true, description: "Assigned executive; defaults to you; someone else needs crm-edit-salesman-prospect" }) salesmanId?: string | null;
  @Field(() => Boolean, { defaultValue: false, description: "Create even when a duplicate exists" }) allowDuplicate!: boolean;
}

@InputType({ description: "Changes to an account; omitted fields stay, null clears an optional field" })
export class UpdateAccountInput {
  @Field(() => ID) accountId!: string;
  @Field(() => Int, { description: "The version you read; a stale one is CONFLICT" }) version!: number;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) companyName?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phoneCode?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => Int, { nullable: true }) localeId?: number | null;
  @Field(() => Int, { nullable: true }) monthlyShipmentId?: number | null;
  @Field(() => ID, { nullable: true, description: "Needs crm-edit-salesman-prospect" }) salesmanId?: string | null;
  @Field(() => FollowUpDataFields, { nullable: true, description: "Follow-up data changes, in the same transaction" }) followUpData?: FollowUpDataFields | null;
  @Field(() => Boolean, { defaultValue: false, description: "Save even when a changed email, phone or company name duplicates another account" })
  allowDuplicate!: boolean;
}

@InputType({ description: "A Kanban move" })
export class MoveAccountInput {
  @Field(() => ID) accountId!: string;
  @Field(() => Int) followUpStatusId!: number;
  @Field(() => Int, { nullable: true, description: "When sent, a stale version is CONFLICT" }) version?: number | null;
}

@InputType()
export class AssignSalesmanInput {
  @Field(() => ID) accountId!: string;
  @Field(() => ID, { description: "A User id" }) salesmanId!: string;
  @Field(() => Int, { nullable: true, description: "When sent, a stale version is CONFLICT" }) version?: number | null;
}

@InputType({ description: "A company to create for the new client" })
export class NewCompanyInput {
  @Field(() => String, { nullable: true, description: "Defaults to the account's company name" }) name?: string | null;
  @Field(() => String, { nullable: true, description: "RFC" }) taxId?: string | null;
}

@InputType({ description: "Link to an existing company (companyId) or create one (company); not both" })
export class ConvertToClientInput {
  @Field(() => ID) accountId!: string;
  @Field(() => Int) version!: number;
  @Field(() => ID, { nullable: true }) companyId?: string | null;
  @Field(() => NewCompanyInput, { nullable: true }) company?: NewCompanyInput | null;
}

@InputType()
export class RemoveAccountInput {
  @Field(() => ID) accountId!: string;
  @Field(() => Int, { nullable: true, description: "When sent, a stale version is CONFLICT" }) version?: number | null;
}

@InputType()
export class RestoreAccountInput {
  @Field(() => ID) accountId!: string;
}
