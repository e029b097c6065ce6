import type { DataSource } from "typeorm";
import { ConflictError, ForbiddenError, NotFoundError, UserInputError } from "../../graphql/errors";
import { expectGlobalId } from "../../graphql/global-id";
import type { Viewer } from "../auth/viewer";
import type { CatalogService } from "../catalogs/catalog.service";
import type { FollowUpStatus } from "../catalogs/catalog.types";
import { ContactEntity } from "../contacts/contact.entity";
import { FollowUpDataEntity } from "../follow-ups/follow-up-data.entity";
import { LocationEntity } from "../locations/location.entity";
import { AccountEntity, AccountStatusCode, AccountTypeCode } from "./account.entity";
import type { AssignSalesmanInput, ConvertToClientInput, MoveAccountInput } from "./account-write.inputs";
import { resolveSalesman, writeAccount, writeAccountNote, writeInScope } from "./account-write.support";
import { salesmanNote } from "./account-write.service";
import { cleanText } from "./prospect-rules";
import { CompanyEntity } from "./company.entity";
import { changeEvent } from "../../realtime/account-event";
import { publishAfterCommit, type AccountEventSink } from "../../realtime/event-bus";

const OUTCOME_WORDS: Record<string, string> = { won: "ganado", lost: "perdido" };

/**
 * The status-change note: "Estado: Negociación → Ganado". Reaching a won/lost status adds
 * "Resultado: ganado/perdido" and leaving one "Reabierto", so the timeline records every
 * outcome and reopening with who (created_by) and when (created_at); the note's status is the
 * new one, so outcomes can be counted from the notes.
 */
export function statusChangeNote(from: FollowUpStatus | undefined, to: FollowUpStatus, viewerName: string): string {
  const parts = [`Estado: ${from?.name ?? "—"} → ${to.name}`];
  if (to.outcome) {
    parts.push(`Resultado: ${OUTCOME_WORDS[to.outcome] ?? to.outcome}`);
  } else if (from?.outcome) {
    parts.push("Reabierto");
  }
  return `${parts.join(". ")} (por ${viewerName})`;
}

/** Kanban moves, executive reassignment and conversion to client. */
export class AccountPipelineService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogs: CatalogService,
    private readonly events: AccountEventSink,
  ) {}

  /** moveAccount: follow_up_id and a status-change note, in one transaction. */
  async move(viewer: Viewer, input: MoveAccountInput): Promise<AccountEntity> {
    const catalogs = await this.catalogs.all();
    const to = catalogs.followUpStatuses.find((s) => s.id === input.followUpStatusId);
    if (!to) {
      throw new UserInputError({ followUpStatusId: `${input.followUpStatusId} is not an active follow-up status` });
    }
    const moved = writeInScope(this.dataSource, viewer, input, async (manager, account) => {
      if (account.followUpId === to.id) {
        return { result: account, events: [] };
      }
      const from = await this.catalogs.status(account.followUpId);
      const fresh = await writeAccount(manager, account, { followUpId: to.id });
      await writeAccountNote(manager, fresh, { comment: statusChangeNote(from, to, viewer.name), createdBy: viewer.id, statusId: to.id });
      return { result: fresh, events: [await changeEvent(manager, "MOVED", viewer, account, fresh, { fromStatusId: account.followUpId, toStatusId: to.id })] };
    });
    return publishAfterCommit(this.events, moved);
  }

  /** assignSalesman: the account enters the new executive's scope (and leaves the old one's unless they created it). */
  async assignSalesman(viewer: Viewer, input: AssignSalesmanInput): Promise<AccountEntity> {
    if (!viewer.has("crm-edit-salesman-prospect")) {
      throw new ForbiddenError("Assigning a salesman needs the crm-edit-salesman-prospect permission");
    }
    const assigned = writeInScope(this.dataSource, viewer, input, async (manager, account) => {
      const salesman = await resolveSalesman(manager, input.salesmanId);
      if (salesman.id === account.salesmanId) {
        return { result: account, events: [] };
      }
      const fresh = await writeAccount(manager, account, { salesmanId: salesman.id });
      await writeAccountNote(manager, fresh, { comment: await salesmanNote(manager, viewer, account.salesmanId, salesman.id), createdBy: viewer.id });
      return { result: fresh, events: [await changeEvent(manager, "UPDATED", viewer, account, fresh)] };
    });
    return publishAfterCommit(this.events, assigned);
  }

  /**
   * convertToClient: links the account to an existing company or a new one, type 2 and
   * status 2. Its prospect notes stay where they are (prospect_follow_up_comments by
   * prospect_id): the client timeline reads both comment tables, so the history stays visible.
   */
  async convertToClient(viewer: Viewer, input: ConvertToClientInput): Promise<AccountEntity> {
    if (Boolean(input.companyId) === Boolean(input.company)) {
      throw new UserInputError({ companyId: "give either companyId (an existing company) or company (a new one)" });
    }
    const existingCompanyId = input.companyId ? expectGlobalId(input.companyId, "Company", "companyId") : null;
    const newName = input.company ? cleanText(input.company.name) : null;
    const taxId = input.company ? cleanText(input.company.taxId) : null;
    if (taxId !== null && !/^[A-ZÑ&]{3,4}\d{6}[A-Z\d]{3}$/i.test(taxId)) {
      throw new UserInputError({ "company.taxId": "must be an RFC (12 or 13 characters)" });
    }
    if (newName !== null && newName.length > 191) {
      throw new UserInputError({ "company.name": "must be at most 191 characters" });
    }
    const converted = writeInScope(this.dataSource, viewer, input, async (manager, account) => {
      if (account.type === AccountTypeCode.client) {
        throw new ConflictError("This account is already a client", { reason: "ALREADY_CLIENT" });
      }
      let company: CompanyEntity;
      if (existingCompanyId !== null) {
        const found = await manager.getRepository(CompanyEntity).findOneBy({ id: existingCompanyId });
        if (!found) {
          throw new NotFoundError("Company", input.companyId ?? undefined);
        }
        company = found;
      } else {
        const inserted = await manager.getRepository(CompanyEntity).insert({
          name: newName ?? account.companyName,
          taxId: taxId?.toUpperCase() ?? null,
          localeId: account.localeId,
          assignedExecutiveId: account.salesmanId,
        });
        company = await manager.getRepository(CompanyEntity).findOneByOrFail({ id: Number(inserted.identifiers[0]!.id) });
      }
      const fresh = await writeAccount(manager, account, { companyId: company.id, type: AccountTypeCode.client, status: AccountStatusCode.registered });
      for (const child of [FollowUpDataEntity, ContactEntity, LocationEntity]) {
        await manager.createQueryBuilder().update(child).set({ companyId: company.id }).where("prospect_id = :id", { id: account.id }).execute();
      }
      await writeAccountNote(manager, fresh, { comment: `Convertido a cliente: ${company.name} (por ${viewer.name})`, createdBy: viewer.id });
      return { result: fresh, events: [await changeEvent(manager, "UPDATED", viewer, account, fresh)] };
    });
    return publishAfterCommit(this.events, converted);
  }
}
