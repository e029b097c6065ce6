import type { DataSource, SelectQueryBuilder } from "typeorm";
import { ForbiddenError, NotFoundError, UserInputError } from "../../graphql/errors";
import { FieldChecks } from "../../graphql/field-checks";
import { expectGlobalId } from "../../graphql/global-id";
import { pageSize } from "../../graphql/connection";
import { accountInScope, liveChildInScope } from "../accounts/account-access";
import { AccountEntity, AccountStatusCode } from "../accounts/account.entity";
import { applyVisibility } from "../accounts/account.scope";
import { PermissionEntity, UserPermissionEntity } from "../auth/permission.entity";
import { UserEntity } from "../auth/user.entity";
import { Viewer } from "../auth/viewer";
import { ReminderEntity } from "./reminder.entity";
import {
  ReminderStatusFilter,
  type CompleteReminderInput,
  type CreateReminderInput,
  type MyRemindersFilter,
  type RemoveReminderInput,
  type UpdateReminderInput,
} from "./reminder.inputs";

const TEXT_MAX = 2000;

/** Whether the viewer may change a reminder: who wrote it, who it is assigned to, or a manager. */
export function canEditReminder(viewer: Viewer | null, reminder: Pick<ReminderEntity, "createdBy" | "assigneeId">): boolean {
  return viewer !== null && (viewer.id === reminder.createdBy || viewer.id === reminder.assigneeId || viewer.has("crm-manager"));
}

/**
 * Reminders (the tasks module's TodoForm). An assignee must be an active CRM user who can
 * see the account under the same visibility rules as the viewer, so nobody is handed a
 * to-do on an account they cannot open.
 */
export class ReminderService {
  constructor(private readonly dataSource: DataSource) {}

  async create(viewer: Viewer, input: CreateReminderInput): Promise<ReminderEntity> {
    const accountId = expectGlobalId(input.accountId, "Account", "accountId");
    const assigneeId = input.assigneeId ? expectGlobalId(input.assigneeId, "User", "assigneeId") : viewer.id;
    const checks = new FieldChecks();
    const text = checks.text("text", input.text, { required: true, max: TEXT_MAX });
    const dueAt = checks.date("dueAt", input.dueAt, { required: true });
    checks.done();
    const account = await accountInScope(this.dataSource, viewer, accountId);
    await this.checkAssignee(assigneeId, account.id);
    const repo = this.dataSource.getRepository(ReminderEntity);
    const { id } = await repo.save({ prospectId: account.id, assigneeId, text: text!, dueAt: dueAt!, completedAt: null, createdBy: viewer.id });
    return repo.findOneByOrFail({ id });
  }

  async update(viewer: Viewer, input: UpdateReminderInput): Promise<ReminderEntity> {
    const checks = new FieldChecks();
    const changes: Partial<ReminderEntity> = {};
    if (input.text !== undefined) {
      changes.text = checks.text("text", input.text, { required: true, max: TEXT_MAX }) ?? "";
    }
    if (input.dueAt !== undefined) {
      changes.dueAt = checks.date("dueAt", input.dueAt, { required: true }) ?? undefined;
    }
    if (input.assigneeId === null) {
      checks.add("assigneeId", "cannot be empty; a reminder always has an assignee");
    }
    checks.done();
    const reminder = await this.editable(viewer, input.id);
    if (input.assigneeId) {
      changes.assigneeId = expectGlobalId(input.assigneeId, "User", "assigneeId");
      await this.checkAssignee(changes.assigneeId, reminder.prospectId);
    }
    return this.save(reminder, changes);
  }

  /** Marks done (completed_at now) or reopens. */
  async complete(viewer: Viewer, input: CompleteReminderInput): Promise<ReminderEntity> {
    const reminder = await this.editable(viewer, input.id);
    if (input.completed === (reminder.completedAt !== null)) {
      return reminder;
    }
    return this.save(reminder, { completedAt: input.completed ? new Date() : null });
  }

  /** Soft delete; returns the reminder as it was. */
  async remove(viewer: Viewer, input: RemoveReminderInput): Promise<ReminderEntity> {
    const reminder = await this.editable(viewer, input.id);
    await this.dataSource.getRepository(ReminderEntity).update({ id: reminder.id }, { deletedAt: new Date() });
    return reminder;
  }

  /** The viewer's own reminders on accounts they can see (not removed ones), soonest first. */
  async mine(viewer: Viewer, filter: MyRemindersFilter | null | undefined, first: number | null | undefined): Promise<ReminderEntity[]> {
    const size = pageSize(first ?? 100, "first", 500);
    const now = new Date();
    const qb = this.dataSource
      .getRepository(ReminderEntity)
      .createQueryBuilder("r")
      .innerJoin(AccountEntity, "a", "a.id = r.prospect_id")
      .where("r.assignee_id = :me", { me: viewer.id })
      .andWhere("r.deleted_at IS NULL")
      .andWhere("a.status <> :removed", { removed: AccountStatusCode.removed });
    applyVisibility(qb as unknown as SelectQueryBuilder<AccountEntity>, viewer);
    const status = filter?.status ?? ReminderStatusFilter.OPEN;
    if (status === ReminderStatusFilter.COMPLETED) {
      qb.andWhere("r.completed_at IS NOT NULL");
    } else if (status !== ReminderStatusFilter.ALL) {
      qb.andWhere("r.completed_at IS NULL");
    }
    if (status === ReminderStatusFilter.DUE) {
      qb.andWhere("r.due_at >= :now", { now });
    } else if (status === ReminderStatusFilter.OVERDUE) {
      qb.andWhere("r.due_at < :now", { now });
    }
    if (filter?.dueBefore) {
      qb.andWhere("r.due_at < :dueBefore", { dueBefore: filter.dueBefore });
    }
    return qb.orderBy("r.dueAt", "ASC").addOrderBy("r.id", "ASC").limit(size).getMany();
  }

  private async save(reminder: ReminderEntity, changes: Partial<ReminderEntity>): Promise<ReminderEntity> {
    const repo = this.dataSource.getRepository(ReminderEntity);
    if (Object.keys(changes).length > 0) {
      await repo.update({ id: reminder.id }, changes);
    }
    return repo.findOneByOrFail({ id: reminder.id });
  }

  /** A live reminder on an account in scope (else NOT_FOUND) that the viewer may change (else FORBIDDEN). */
  private async editable(viewer: Viewer, globalId: string): Promise<ReminderEntity> {
    const reminder = await liveChildInScope(this.dataSource, viewer, ReminderEntity, "Reminder", globalId);
    if (!canEditReminder(viewer, reminder)) {
      throw new ForbiddenError("Only who created a reminder, its assignee or a manager (crm-manager) may change it");
    }
    return reminder;
  }

  /** The assignee must be an active CRM user who can see the account; BAD_USER_INPUT otherwise. */
  private async checkAssignee(userId: number, accountId: number): Promise<void> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId, active: true });
    const keys = user
      ? await this.dataSource
          .createQueryBuilder()
          .select("p.key", "key")
          .from(UserPermissionEntity, "up")
          .innerJoin(PermissionEntity, "p", "p.id = up.permission_id")
          .where("up.user_id = :userId", { userId })
          .getRawMany<{ key: string }>()
      : [];
    const assignee = user ? new Viewer(user.id, user.email, user.name, keys.map((k) => k.key)) : null;
    if (!assignee || !assignee.has("crm")) {
      throw new UserInputError({ assigneeId: "must be an active CRM user" });
    }
    try {
      await accountInScope(this.dataSource, assignee, accountId);
    } catch (error) {
      if (error instanceof NotFoundError) {
        throw new UserInputError({ assigneeId: `${user!.name} cannot see this account` });
      }
      throw error;
    }
  }
}
