import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { NotFoundError } from "../../graphql/errors";
import { User } from "../auth/auth.types";
import type { UserEntity } from "../auth/user.entity";
import { FollowUpStatus } from "../catalogs/catalog.types";
import { AddNoteInput, RemoveNoteInput, UpdateNoteInput } from "./note.inputs";
import { noteGlobalId, type NoteRecord } from "./note.loaders";
import { canEditNote } from "./note.service";
import { Note, NoteSourceValue } from "./note.types";

export { noteGlobalId };

@Resolver(() => Note)
export class NoteResolver {
  @Mutation(() => Note, { description: "Adds a note (activity) to an account in the viewer's scope" })
  addNote(@Arg("input", () => AddNoteInput) input: AddNoteInput, @Ctx() ctx: Context): Promise<NoteRecord> {
    return ctx.services.notes.add(ctx.requireViewer(), input);
  }

  @Mutation(() => Note, { description: "Changes a note; its author or a manager (crm-manager) only" })
  updateNote(@Arg("input", () => UpdateNoteInput) input: UpdateNoteInput, @Ctx() ctx: Context): Promise<NoteRecord> {
    return ctx.services.notes.update(ctx.requireViewer(), input);
  }

  @Mutation(() => Note, { description: "Removes a note (soft delete); its author or a manager only. Returns the removed note" })
  removeNote(@Arg("input", () => RemoveNoteInput) input: RemoveNoteInput, @Ctx() ctx: Context): Promise<NoteRecord> {
    return ctx.services.notes.remove(ctx.requireViewer(), input);
  }

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

  @FieldResolver(() => Boolean, { description: "Whether the viewer may update or remove this note (author or crm-manager)" })
  canEdit(@Root() note: NoteRecord, @Ctx() ctx: Context): boolean {
    return canEditNote(ctx.viewer, note);
  }
}
