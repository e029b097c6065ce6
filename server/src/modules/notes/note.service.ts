import { IsNull, type DataSource, type Repository } from "typeorm";
import { FieldChecks } from "../../graphql/field-checks";
import { ForbiddenError, NotFoundError, UserInputError } from "../../graphql/errors";
import { expectGlobalId, fromGlobalId } from "../../graphql/global-id";
import { accountInScope, companyAccountInScope, expectNotRemoved } from "../accounts/account-access";
import { AccountTypeCode, type AccountEntity } from "../accounts/account.entity";
import type { Viewer } from "../auth/viewer";
import { CompanyNoteEntity, NOTE_ACTIONS, ProspectNoteEntity, type NoteAction, type NoteColumns } from "./note.entities";
import type { AddNoteInput, RemoveNoteInput, UpdateNoteInput } from "./note.inputs";
import { noteGlobalId, type NoteRecord } from "./note.loaders";
import { accountEvent, scopeFactsOf } from "../../realtime/account-event";
import type { AccountEventSink } from "../../realtime/event-bus";

const COMMENT_MAX = 5000;

/** Whether the viewer may change a note: its author, or a manager (crm-manager). */
export function canEditNote(viewer: Viewer | null, note: Pick<NoteRecord, "createdBy">): boolean {
  return viewer !== null && (note.createdBy === viewer.id || viewer.has("crm-manager"));
}

type NoteEntity = ProspectNoteEntity | CompanyNoteEntity;

function toRecord(note: NoteEntity, accountId: number): NoteRecord {
  const isCompany = note instanceof CompanyNoteEntity;
  return {
    source: isCompany ? "company" : "prospect",
    id: note.id,
    accountId,
    statusId: note instanceof CompanyNoteEntity ? note.followUpStatusId : note.statusId,
    comment: note.comment,
    action: note.action,
    scheduledDate: note.scheduledDate,
    createdBy: note.createdBy,
    createdAt: note.createdAt,
    sortKey: note.createdAt.toISOString(),
  };
}

function checkAction(checks: FieldChecks, action: string | null | undefined): NoteAction | null {
  if (action === null || action === undefined) {
    return null;
  }
  if (!(NOTE_ACTIONS as readonly string[]).includes(action)) {
    checks.add("action", `must be one of ${NOTE_ACTIONS.join(", ")}`);
  }
  return action as NoteAction;
}

/** Writes of follow-up notes; prospects' notes by prospect_id, clients' by their company (the seed's two tables). */
export class NoteService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: AccountEventSink,
  ) {}

  /** Adds a note to an account in the viewer's scope, with the account's current status. */
  async add(viewer: Viewer, input: AddNoteInput): Promise<NoteRecord> {
    const accountId = expectGlobalId(input.accountId, "Account", "accountId");
    const checks = new FieldChecks();
    const comment = checks.text("comment", input.comment, { required: true, max: COMMENT_MAX });
    const action = checkAction(checks, input.action);
    const scheduledDate = checks.date("scheduledDate", input.scheduledDate);
    checks.done();
    const account = await accountInScope(this.dataSource, viewer, accountId);
    const common = { comment: comment!, action, scheduledDate, createdBy: viewer.id };
    let note: NoteRecord;
    if (isClient(account)) {
      const repo = this.dataSource.getRepository(CompanyNoteEntity);
      const { id } = await repo.save({ ...common, companyId: account.companyId!, followUpStatusId: account.followUpId });
      note = toRecord(await repo.findOneByOrFail({ id }), account.id);
    } else {
      const repo = this.dataSource.getRepository(ProspectNoteEntity);
      const { id } = await repo.save({ ...common, prospectId: account.id, statusId: account.followUpId });
      note = toRecord(await repo.findOneByOrFail({ id }), account.id);
    }
    // One INSERT (autocommit): it has committed by now.
    this.events.publish([accountEvent("NOTE_ADDED", viewer, account.id, await scopeFactsOf(this.dataSource.manager, account), { noteId: noteGlobalId(note) })]);
    return note;
  }

  /** A live note by its global id, as a timeline record of `accountId` (subscription events); null when missing or removed. */
  async live(globalId: string, accountId: number): Promise<NoteRecord | null> {
    const parsed = fromGlobalId(globalId, "noteId");
    const table = parsed.kind === "Note" ? parsed.raw.charAt(0) : "";
    if (table !== "P" && table !== "C") {
      return null;
    }
    const note = await this.dataSource.getRepository<NoteEntity>(table === "C" ? CompanyNoteEntity : ProspectNoteEntity).findOneBy({ id: parsed.id, deletedAt: IsNull() });
    return note ? toRecord(note, accountId) : null;
  }

  /** Changes comment, action or schedule; author or manager only. */
  async update(viewer: Viewer, input: UpdateNoteInput): Promise<NoteRecord> {
    const checks = new FieldChecks();
    const changes: Partial<Pick<NoteColumns, "comment" | "action" | "scheduledDate">> = {};
    if (input.comment !== undefined) {
      changes.comment = checks.text("comment", input.comment, { required: true, max: COMMENT_MAX }) ?? "";
    }
    if (input.action !== undefined) {
      changes.action = checkAction(checks, input.action);
    }
    if (input.scheduledDate !== undefined) {
      changes.scheduledDate = checks.date("scheduledDate", input.scheduledDate);
    }
    checks.done();
    const { note, accountId } = await this.editable(viewer, input.id);
    const repo = this.repo(note);
    if (Object.keys(changes).length > 0) {
      await repo.update({ id: note.id }, changes);
    }
    return toRecord(await repo.findOneByOrFail({ id: note.id }), accountId);
  }

  /** Soft-deletes a note (deleted_at); author or manager only. Returns the note as it was. */
  async remove(viewer: Viewer, input: RemoveNoteInput): Promise<NoteRecord> {
    const { note, accountId } = await this.editable(viewer, input.id);
    await this.repo(note).update({ id: note.id }, { deletedAt: new Date() });
    return toRecord(note, accountId);
  }

  /** The live note behind a global id, on an account in scope (else NOT_FOUND), that the viewer may edit (else FORBIDDEN). */
  private async editable(viewer: Viewer, globalId: string): Promise<{ note: NoteEntity; accountId: number }> {
    const parsed = fromGlobalId(globalId, "id");
    const table = parsed.kind === "Note" ? parsed.raw.charAt(0) : "";
    if (table !== "P" && table !== "C") {
      throw new UserInputError({ id: `"${globalId}" is not a Note id` });
    }
    const note = await this.dataSource
      .getRepository<NoteEntity>(table === "C" ? CompanyNoteEntity : ProspectNoteEntity)
      .findOneBy({ id: parsed.id, deletedAt: IsNull() });
    if (!note) {
      throw new NotFoundError("Note", globalId);
    }
    let accountId: number;
    if (note instanceof CompanyNoteEntity) {
      const account = await companyAccountInScope(this.dataSource, viewer, note.companyId);
      if (!account) {
        throw new NotFoundError("Note", globalId);
      }
      expectNotRemoved(account);
      accountId = account.id;
    } else {
      accountId = (await accountInScope(this.dataSource, viewer, note.prospectId, { kind: "Note", id: globalId })).id;
    }
    if (!canEditNote(viewer, note)) {
      throw new ForbiddenError("Only the author of a note or a manager (crm-manager) may change it");
    }
    return { note, accountId };
  }

  private repo(note: NoteEntity): Repository<NoteEntity> {
    return this.dataSource.getRepository<NoteEntity>(note instanceof CompanyNoteEntity ? CompanyNoteEntity : ProspectNoteEntity);
  }
}

/** Clients write to their company's follow_up_comments; prospects (and a client without a company) to prospect_follow_up_comments. */
function isClient(account: AccountEntity): boolean {
  return account.type === AccountTypeCode.client && account.companyId !== null;
}
