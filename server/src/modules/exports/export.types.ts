import { ArrayMaxSize } from "class-validator";
import { Field, InputType, ObjectType } from "type-graphql";
import { AccountFilter, AccountOrder } from "../accounts/account.inputs";

@InputType({ description: "What to export: the accounts query's filter and order, and the columns" })
export class ExportAccountsInput {
  @Field(() => AccountFilter, { nullable: true, description: "Same as accounts(filter); salesman, sales-role and date-range filters need all-prospects" })
  filter?: AccountFilter | null;

  @Field(() => AccountOrder, { nullable: true, description: "Same as accounts(orderBy); default newest first" })
  orderBy?: AccountOrder | null;

  @Field(() => [String], { nullable: true, description: "Column keys (tablePreferences availableColumns), in order; default: the visible columns of your list view" })
  @ArrayMaxSize(50)
  columns?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: "Every column, whatever `columns` and your preferences say" })
  allColumns?: boolean | null;
}

@ObjectType({ description: "A short-lived download link for a CSV export" })
export class AccountExport {
  @Field(() => String, { description: "Path of the CSV download on this API's origin (GET, no credentials needed until expiresAt)" })
  url!: string;

  @Field(() => Date) expiresAt!: Date;

  @Field(() => String, { description: "accounts-YYYY-MM-DD.csv" }) fileName!: string;

  @Field(() => [String], { description: "The column keys the file will hold, in order" }) columns!: string[];
}
