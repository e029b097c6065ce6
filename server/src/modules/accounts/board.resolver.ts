import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { AccountFilter } from "./account.inputs";
import type { BoardColumnResult, BoardResult } from "./board.service";
import { Board, BoardColumn } from "./board.types";

@Resolver()
export class BoardResolver {
  @Query(() => Board, { description: "The Kanban in the viewer's scope; same filters as accounts" })
  board(
    @Ctx() ctx: Context,
    @Arg("filter", () => AccountFilter, { nullable: true }) filter?: AccountFilter,
    @Arg("first", () => Int, { nullable: true, description: "Cards per column, 1 to 50 (default 20)" }) first?: number,
  ): Promise<BoardResult> {
    return ctx.services.board.board(ctx.requireViewer(), filter, first);
  }

  @Query(() => BoardColumn, { description: "One Kanban column, for its next cards: after = cards.pageInfo.endCursor" })
  boardColumn(
    @Ctx() ctx: Context,
    @Arg("statusId", () => Int) statusId: number,
    @Arg("filter", () => AccountFilter, { nullable: true }) filter?: AccountFilter,
    @Arg("first", () => Int, { nullable: true, description: "1 to 100 (default 20)" }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<BoardColumnResult> {
    return ctx.services.board.column(ctx.requireViewer(), statusId, filter, first, after);
  }
}
