import type { DataSource, EntityManager } from "typeorm";
import { withLockRetry } from "../../db/lock-retry";
import { ForbiddenError, UserInputError } from "../../graphql/errors";
import type { Viewer } from "../auth/viewer";
import type { CatalogService } from "../catalogs/catalog.service";
import { AccountEntity, AccountTypeCode } from "./account.entity";
import type { CreateProspectInput } from "./account-write.inputs";
import { ProspectType } from "./account-write.inputs";
import { resolveSalesman } from "./account-write.support";
import { duplicateConflict, findDuplicates } from "./duplicates";
import { insertProspects, type NewProspect } from "./prospect-insert";
import { validateProspectDraft } from "./prospect-rules";
import { changeEvent } from "../../realtime/account-event";
import { publishAfterCommit, type AccountEventSink } from "../../realtime/event-bus";

/**
 * Inserts one prospect with everything that belongs to its creation (insertProspects: the
 * row, its follow_up_data, the Respond.io outbox job, the creation note), with the caller's
 * transaction manager, and returns it.
 */
export async function insertProspect(manager: EntityManager, prospect: NewProspect): Promise<AccountEntity> {
  const [id] = await insertProspects(manager, [prospect]);
  return manager.getRepository(AccountEntity).findOneByOrFail({ id: id! });
}

/** createProspect: validation, duplicate detection and the transactional insert. */
export class ProspectCreateService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogs: CatalogService,
    private readonly events: AccountEventSink,
  ) {}

  async create(viewer: Viewer, input: CreateProspectInput): Promise<AccountEntity> {
    if (input.type === ProspectType.PARTNER_PROSPECT && !viewer.has("crm-partners")) {
      throw new ForbiddenError("Creating a partner prospect needs the crm-partners permission");
    }
    const { value, errors } = validateProspectDraft(input, await this.catalogs.all());
    if (!value) {
      throw new UserInputError(errors);
    }
    // A deadlock victim (the outbox INSERT against the relay's claims and the workers' updates) was rolled
    // back whole: run it again rather than fail the user's creation.
    const created = withLockRetry(() => this.dataSource.transaction(async (manager) => {
      const salesmanId = await this.salesmanFor(manager, viewer, input.salesmanId);
      if (!input.allowDuplicate) {
        const [matches] = await findDuplicates(manager, [value]);
        if (matches && matches.length > 0) {
          throw await duplicateConflict(manager, viewer, matches);
        }
      }
      const type = input.type === ProspectType.PARTNER_PROSPECT ? AccountTypeCode.partnerProspect : AccountTypeCode.prospect;
      const kind = type === AccountTypeCode.partnerProspect ? "Prospecto de partner" : "Prospecto";
      const account = await insertProspect(manager, { ...value, type, createdBy: viewer.id, salesmanId, creationNote: `${kind} creado por ${viewer.name}` });
      return { result: account, events: [await changeEvent(manager, "CREATED", viewer, account, account)] };
    }));
    return publishAfterCommit(this.events, created);
  }

  private async salesmanFor(manager: EntityManager, viewer: Viewer, salesmanGlobalId: string | null | undefined): Promise<number> {
    if (!salesmanGlobalId) {
      return viewer.id;
    }
    const salesman = await resolveSalesman(manager, salesmanGlobalId);
    if (salesman.id !== viewer.id && !viewer.has("crm-edit-salesman-prospect")) {
      throw new ForbiddenError("Assigning a prospect to another salesman needs the crm-edit-salesman-prospect permission");
    }
    return salesman.id;
  }
}
