import { Field, Float, Int, ObjectType } from "type-graphql";
import { FollowUpStatus, FollowUpStatusGroup } from "../catalogs/catalog.types";
import { AccountConnection } from "./account.types";

@ObjectType({ description: "One Kanban column: a follow-up status with its totals and first cards" })
export class BoardColumn {
  @Field(() => FollowUpStatus) status!: FollowUpStatus;
  @Field(() => Int, { description: "Accounts in this column (filter and scope applied)" }) totalCount!: number;
  @Field(() => Float, { description: "Sum of follow_up_data.account_value of those accounts (MXN)" }) accountValueSum!: number;
  @Field(() => AccountConnection, { description: "Most recently updated first; more with boardColumn(after: cards.pageInfo.endCursor)" })
  cards!: AccountConnection;
}

@ObjectType({ description: "A status group of the Kanban (New, Contacted, …) and its columns" })
export class BoardGroup {
  @Field(() => FollowUpStatusGroup) group!: FollowUpStatusGroup;
  @Field(() => Int) totalCount!: number;
  @Field(() => Float) accountValueSum!: number;
  @Field(() => [BoardColumn]) columns!: BoardColumn[];
}

@ObjectType({ description: "The Kanban: columns from the status catalog, grouped, with counts, value sums and first cards" })
export class Board {
  @Field(() => [BoardGroup]) groups!: BoardGroup[];
  @Field(() => [BoardColumn], { description: "Every column in board order (the groups' columns, flattened)" }) columns!: BoardColumn[];
  @Field(() => Int) totalCount!: number;
  @Field(() => Float) accountValueSum!: number;
}
