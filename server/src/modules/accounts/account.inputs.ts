import { ArrayMaxSize, MaxLength } from "class-validator";
import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { AccountSizeValue } from "../follow-ups/follow-up-data.types";
import { AccountStatus, AccountType } from "./account.types";

export enum SalesRole {
  KAE = "kae",
  KAE_LTL = "kae_ltl",
  CSR = "csr",
  CSR_LTL = "csr_ltl",
  FULLFILMENT = "fullfilment",
  WMS = "wms",
  ECARTPAY = "ecartpay",
  PARAPAQUETES = "parapaquetes",
}
registerEnumType(SalesRole, { name: "SalesRole", description: "Sales-role permission keys of the assigned salesman" });

export enum AccountOrderField {
  CREATED_AT = "created_at",
  UPDATED_AT = "updated_at",
  NAME = "name",
  COMPANY_NAME = "company_name",
}
registerEnumType(AccountOrderField, { name: "AccountOrderField" });

export enum OrderDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(OrderDirection, { name: "OrderDirection" });

@InputType()
export class AccountOrder {
  @Field(() => AccountOrderField) field!: AccountOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC }) direction!: OrderDirection;
}

@InputType({ description: "Created-at range; either end may be open" })
export class DateRangeInput {
  @Field(() => Date, { nullable: true }) from?: Date | null;
  @Field(() => Date, { nullable: true }) to?: Date | null;
}

@InputType({ description: "Account filters; salesman, sales-role and date-range filters need all-prospects" })
export class AccountFilter {
  @Field(() => String, { nullable: true, description: "Prefix of name, company name, email or phone" })
  @MaxLength(100)
  search?: string | null;

  @Field(() => [Int], { nullable: true, description: "Follow-up status ids (Kanban columns)" })
  @ArrayMaxSize(100)
  statusIds?: number[] | null;

  @Field(() => [AccountType], { nullable: true }) types?: AccountType[] | null;

  @Field(() => [AccountStatus], { nullable: true, description: "Defaults to IN_PROCESS and REGISTERED; ask for REMOVED to see removed accounts" })
  accountStatuses?: AccountStatus[] | null;

  @Field(() => [Int], { nullable: true }) @ArrayMaxSize(100) ecommerceTypeIds?: number[] | null;
  @Field(() => [AccountSizeValue], { nullable: true }) accountSizes?: AccountSizeValue[] | null;
  @Field(() => [String], { nullable: true, description: "Channel keys" }) @ArrayMaxSize(100) channels?: string[] | null;
  @Field(() => [Int], { nullable: true }) @ArrayMaxSize(100) localeIds?: number[] | null;
  @Field(() => DateRangeInput, { nullable: true, description: "Needs all-prospects" }) createdAt?: DateRangeInput | null;
  @Field(() => [ID], { nullable: true, description: "User ids; needs all-prospects" }) @ArrayMaxSize(100) salesmanIds?: string[] | null;
  @Field(() => [SalesRole], { nullable: true, description: "Needs all-prospects" }) salesRoles?: SalesRole[] | null;
  @Field(() => ID, { nullable: true, description: "CsvImport id: only the accounts that import created (still only those you may see)" })
  importId?: string | null;
}
