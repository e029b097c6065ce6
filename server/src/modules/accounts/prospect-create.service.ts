import type { DataSource, EntityManager } from "typeorm";
import { ForbiddenError, UserInputError } from "../../graphql/errors";
import { respondioAddProspectJob, writeOutbox } from "../../jobs/queues";
import type { Viewer } from "../auth/viewer";
import type { CatalogService } from "../catalogs/catalog.service";
import { FollowUpDataEntity } from "../follow-ups/follow-up-data.entity";
import { AccountEntity, AccountStatusCode, AccountTypeCode } from "./account.entity";
import type { CreateProspectInput } from "./account-write.inputs";
import { ProspectType } from "./account-write.inputs";
import { resolveSalesman, writeAccountNote } from "./account-write.support";
import { duplicateConflict, findDuplicates } from "./duplicates";
import { validateProspectDraft, type ValidProspect } from "./prospect-rules";

/** A validated prospect ready to insert, with who creates it and for whom. */
export interface NewProspect extends ValidProspect {
  type: typeof AccountTypeCode.prospect | typeof AccountTypeCode.partnerProspect;
  createdBy: number;
  salesmanId: number;
}

/**
 * Inserts one prospect with everything that belongs to its creation, with the caller's
 * transaction manager: the row, its follow_up_data, the Respond.io outbox job and the
 * creation note (last, so a failure there proves the outbox row rolls back with the rest).
 * Exported for the CSV import, which validates and checks duplicates in bulk first.
 */
export async function insertProspect(manager: EntityManager, prospect: NewProspect, creationNote: string): Promise<AccountEntity> {
  const { channel, followUpStatusId, ...columns } = prospect;
  const inserted = await manager.getRepository(AccountEntity).insert({ ...columns, followUpId: followUpStatusId, companyId: null, status: AccountStatusCode.inProcess });
  const id = Number(inserted.identifiers[0]!.id);
  await manager.getRepository(FollowUpDataEntity).insert({ prospectId: id, companyId: null, channel });
  await writeOutbox(manager, [respondioAddProspectJob(id)]);
  const account = await manager.getRepository(AccountEntity).findOneByOrFail({ id });
  await writeAccountNote(manager, account, { comment: creationNote, createdBy: prospect.createdBy });
  return account;
}

/** createProspect: validation, duplicate detection and the transactional insert. */
export class ProspectCreateService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogs: CatalogService,
  ) {}

  async create(viewer: Viewer, input: CreateProspectInput): Promise<AccountEntity> {
    if (input.type === ProspectType.PARTNER_PROSPECT && !viewer.has("crm-partners")) {
      throw new ForbiddenError("Creating a partner prospect needs the crm-partners permission");
    }
    const { value, errors } = validateProspectDraft(input, await this.catalogs.all());
    if (!value) {
      throw new UserInputError(errors);
    }
    return this.dataSource.transaction(async (manager) => {
      const salesmanId = await this.salesmanFor(manager, viewer, input.salesmanId);
      if (!input.allowDuplicate) {
        const [matches] = await findDuplicates(manager, [value]);
        if (matches && matches.length > 0) {
          throw await duplicateConflict(manager, viewer, matches);
        }
      }
      const type = input.type === ProspectType.PARTNER_PROSPECT ? AccountTypeCode.partnerProspect : AccountTypeCode.prospect;
      const kind = type === AccountTypeCode.partnerProspect ? "Prospecto de partner" : "Prospecto";
      return insertProspect(manager, { ...value, type, createdBy: viewer.id, salesmanId }, `${kind} creado por ${viewer.name}`);
    });
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
