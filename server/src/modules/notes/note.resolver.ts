import { Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { NotFoundError } from "../../graphql/errors";
import { toGlobalId } from "../../graphql/global-id";
import { User } from "../auth/auth.types";
import type { UserEntity } from "../auth/user.entity";
import { FollowUpStatus } from "../catalogs/catalog.types";
import type { NoteRecord } from "./note.loaders";
import { Note, NoteSourceValue } from "./note.types";

/** Global id of a note: P for prospect_follow_up_comments, C for follow_up_comments. */
export function noteGlobalId(note: Pick<NoteRecord, "source" | "id">): string {
  return toGlobalId("Note", `${note.source === "company" ? "C" : "P"}${note.id}`);
}

@Resolver(() => Note)
export class NoteResolver {
  @FieldResolver(() => ID)
  id(@Root() note: NoteRecord): string {
    return noteGlobalId(note);
  }

  @FieldResolver(() => NoteSourceValue)
  source(@Root() note: NoteRecord): NoteSourceValue {
    return note.source === "company" ? NoteSourceValue.COMPANY : NoteSourceValue.PROSPECT;
  }

  @FieldResolver(() => User)
  async author(@Root() note: NoteRecord, @Ctx() ctx: Context): Promise<UserEntity> {
    const user = await ctx.loaders.usersById.load(note.createdBy);
    if (!user) {
      throw new NotFoundError("User", note.createdBy);
    }
    return user;
  }

  @FieldResolver(() => FollowUpStatus, { nullable: true, description: "The account's status when the note was written" })
  async status(@Root() note: NoteRecord, @Ctx() ctx: Context): Promise<FollowUpStatus | null> {
    return note.statusId === null ? null : ((await ctx.services.catalogs.status(note.statusId)) ?? null);
  }
}
