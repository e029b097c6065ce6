import { GraphQLJSONObject } from "graphql-scalars";
import { Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { OrderDirection } from "../accounts/account.inputs";

export enum TableViewValue {
  KANBAN = "kanban",
  LIST = "list",
  CALENDAR = "calendar",
}
registerEnumType(TableViewValue, { name: "TableView" });

@ObjectType({ description: "One column of a view: order is the list order" })
export class ColumnPreference {
  @Field(() => String, { description: "A key of availableColumns" }) key!: string;
  @Field(() => Boolean) visible!: boolean;
  @Field(() => Int, { nullable: true, description: "Pixels; null = automatic" }) width!: number | null;
}

@ObjectType()
export class SortPreference {
  @Field(() => String, { description: "A key of sortableColumns" }) key!: string;
  @Field(() => OrderDirection) direction!: OrderDirection;
}

@ObjectType({ description: "A user's columns, filters and sort for one view; defaults until saved" })
export class TablePreferences {
  @Field(() => TableViewValue) view!: TableViewValue;
  @Field(() => [ColumnPreference], { description: "Every known column, saved order first, then columns added since (hidden)" }) columns!: ColumnPreference[];
  @Field(() => GraphQLJSONObject, { description: "An AccountFilter as JSON" }) filters!: Record<string, unknown>;
  @Field(() => SortPreference, { nullable: true }) sort!: SortPreference | null;
  @Field(() => [String], { description: "Every column key the views know (one list for server and web)" }) availableColumns!: string[];
  @Field(() => [String], { description: "Column keys accounts(orderBy) can sort by" }) sortableColumns!: string[];
  @Field(() => Date, { nullable: true, description: "null while these are the defaults" }) updatedAt!: Date | null;
}

@InputType()
export class ColumnPreferenceInput {
  @Field(() => String) key!: string;
  @Field(() => Boolean) visible!: boolean;
  @Field(() => Int, { nullable: true, description: "40 to 1000 pixels" }) width?: number | null;
}

@InputType()
export class SortPreferenceInput {
  @Field(() => String) key!: string;
  @Field(() => OrderDirection) direction!: OrderDirection;
}

@InputType({ description: "Replaces the viewer's preferences for one view" })
export class SaveTablePreferencesInput {
  @Field(() => TableViewValue) view!: TableViewValue;
  @Field(() => [ColumnPreferenceInput], { description: "In display order; each known key at most once" }) columns!: ColumnPreferenceInput[];
  @Field(() => GraphQLJSONObject, { nullable: true, description: "AccountFilter fields only; at most 4000 characters of JSON" }) filters?: Record<string, unknown> | null;
  @Field(() => SortPreferenceInput, { nullable: true }) sort?: SortPreferenceInput | null;
}
