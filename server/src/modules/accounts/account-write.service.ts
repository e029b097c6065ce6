import { In, type DataSource, type EntityManager } from "typeorm";
import { ForbiddenError, UserInputError } from "../../graphql/errors";
import { UserEntity } from "../auth/user.entity";
import type { Viewer } from "../auth/viewer";
import type { CatalogService } from "../catalogs/catalog.service";
import type { Catalogs } from "../catalogs/catalog.types";
import { followUpDataChanges, saveFollowUpData } from "../follow-ups/follow-up-data.rules";
import { AccountStatusCode, AccountTypeCode, type AccountEntity } from "./account.entity";
import type { RemoveAccountInput, RestoreAccountInput, UpdateAccountInput } from "./account-write.inputs";
import { activeCrmUsers, resolveSalesman, writeAccount, writeAccountNote, writeInScope } from "./account-write.support";
import { duplicateConflict, findDuplicates } from "./duplicates";
import { checkCatalogIds, checkEmail, checkPhone, cleanText, type FieldErrors } from "./prospect-rules";
import { changeEvent } from "../../realtime/account-event";
import { publishAfterCommit, type AccountEventSink, type WithEvents } from "../../realtime/event-bus";

/** The account column changes of an updateAccount input, checked against the account as it is. */
function detailChanges(input: UpdateAccountInput, account: AccountEntity, catalogs: Catalogs, errors: FieldErrors): Partial<AccountEntity> {
  const changes: Partial<AccountEntity> = {};
  for (const field of ["name", "companyName"] as const) {
    const value = input[field];
    if (value === undefined) {
      continue;
    }
    const text = cleanText(value);
    if (text === null) {
      errors[field] = "is required";
    } else if (text.length > 191) {
      errors[field] = "must be at most 191 characters";
    } else {
      changes[field] = text;
    }
  }
  if (input.localeId === null) {
    errors.localeId = "is required";
  }
  checkCatalogIds({ localeId: input.localeId, monthlyShipmentId: input.monthlyShipmentId }, catalogs, errors);
  if (input.localeId !== undefined && input.localeId !== null) {
    changes.localeId = input.localeId;
  }
  if (input.monthlyShipmentId !== undefined) {
    changes.monthlyShipmentId = input.monthlyShipmentId;
  }
  if (input.email !== undefined) {
    changes.email = checkEmail(input.email, errors);
  }
  if (input.phone !== undefined || input.phoneCode !== undefined || changes.localeId !== undefined) {
    const phone = checkPhone(
      {
        phone: input.phone === undefined ? account.phone : input.phone,
        phoneCode: input.phoneCode === undefined ? account.phoneCode : input.phoneCode,
        localeId: changes.localeId ?? account.localeId,
      },
      catalogs,
      errors,
    );
    if (input.phone !== undefined || input.phoneCode !== undefined) {
      Object.assign(changes, phone);
    }
  }
  const email = changes.email === undefined ? account.email : changes.email;
  const phone = changes.phone === undefined ? account.phone : changes.phone;
  if (email === null && phone === null && !errors.email && !errors.phone) {
    errors.email = "an email or a phone number is required";
  }
  return changes;
}

/** A changed email, phone or company name that another account already has is CONFLICT (as on create); unchanged fields are not re-checked. */
async function checkChangedForDuplicates(manager: EntityManager, viewer: Viewer, account: AccountEntity, changes: Partial<AccountEntity>): Promise<void> {
  const candidate = {
    email: changes.email !== undefined && changes.email !== account.email ? changes.email : null,
    phoneCode: changes.phoneCode ?? account.phoneCode,
    phone: changes.phone !== undefined && (changes.phone !== account.phone || changes.phoneCode !== account.phoneCode) ? changes.phone : null,
    companyName: changes.companyName !== undefined && changes.companyName !== account.companyName ? changes.companyName : "",
  };
  if (candidate.email === null && candidate.phone === null && candidate.companyName === "") {
    return;
  }
  const [matches] = await findDuplicates(manager, [candidate], { excludeAccountId: account.id });
  if (matches && matches.length > 0) {
    throw await duplicateConflict(manager, viewer, matches);
  }
}

/** updateAccount and soft delete: versioned writes inside the viewer's scope. */
export class AccountWriteService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogs: CatalogService,
    private readonly events: AccountEventSink,
  ) {}

  /** Details, executive and follow-up data in one transaction; salesman changes need crm-edit-salesman-prospect. */
  async update(viewer: Viewer, input: UpdateAccountInput): Promise<AccountEntity> {
    const catalogs = await this.catalogs.all();
    if (input.salesmanId !== undefined && !viewer.has("crm-edit-salesman-prospect")) {
      throw new ForbiddenError("Changing the salesman needs the crm-edit-salesman-prospect permission");
    }
    const updated = writeInScope(this.dataSource, viewer, input, async (manager, account) => {
      const errors: FieldErrors = {};
      const changes = detailChanges(input, account, catalogs, errors);
      const followUp = input.followUpData ? followUpDataChanges(input.followUpData, catalogs, errors, "followUpData.") : null;
      const salesmanId = input.salesmanId === undefined ? undefined : await this.salesmanId(manager, input.salesmanId, errors);
      if (Object.keys(errors).length > 0) {
        throw new UserInputError(errors);
      }
      if (!input.allowDuplicate) {
        await checkChangedForDuplicates(manager, viewer, account, changes);
      }
      if (salesmanId !== undefined && salesmanId !== account.salesmanId) {
        changes.salesmanId = salesmanId;
      }
      const fresh = await writeAccount(manager, account, changes);
      if (followUp) {
        await saveFollowUpData(manager, fresh, followUp);
      }
      if (changes.salesmanId !== undefined) {
        await writeAccountNote(manager, fresh, { comment: await salesmanNote(manager, viewer, account.salesmanId, fresh.salesmanId), createdBy: viewer.id });
      }
      return { result: fresh, events: [await changeEvent(manager, "UPDATED", viewer, account, fresh)] };
    });
    return publishAfterCommit(this.events, updated);
  }

  /** Soft delete: status 0; hidden from lists, kept with all its history, restorable. */
  async remove(viewer: Viewer, input: RemoveAccountInput): Promise<AccountEntity> {
    const removed = writeInScope(this.dataSource, viewer, input, async (manager, account) => {
      const fresh = await writeAccount(manager, account, { status: AccountStatusCode.removed });
      await writeAccountNote(manager, fresh, { comment: `Cuenta eliminada por ${viewer.name}`, createdBy: viewer.id });
      return { result: fresh, events: [await changeEvent(manager, "REMOVED", viewer, account, fresh)] };
    });
    return publishAfterCommit(this.events, removed);
  }

  /** Back from removed: a client (it has a company) is registered again, anything else in process. */
  async restore(viewer: Viewer, input: RestoreAccountInput): Promise<AccountEntity> {
    const restore = async (manager: EntityManager, account: AccountEntity): Promise<WithEvents<AccountEntity>> => {
      if (account.status !== AccountStatusCode.removed) {
        throw new UserInputError({ accountId: "is not removed" });
      }
      const status = account.type === AccountTypeCode.client ? AccountStatusCode.registered : AccountStatusCode.inProcess;
      const fresh = await writeAccount(manager, account, { status });
      await writeAccountNote(manager, fresh, { comment: `Cuenta restaurada por ${viewer.name}`, createdBy: viewer.id });
      // UPDATED: the account is back (status in process / registered); lists add it again.
      return { result: fresh, events: [await changeEvent(manager, "UPDATED", viewer, account, fresh)] };
    };
    return publishAfterCommit(this.events, writeInScope(this.dataSource, viewer, input, restore, { allowRemoved: true }));
  }

  /** Active users with crm, by name (the salesmen query). */
  salesmen(): Promise<UserEntity[]> {
    return activeCrmUsers(this.dataSource).orderBy("u.name").addOrderBy("u.id").getMany();
  }

  private async salesmanId(manager: EntityManager, globalId: string | null, errors: FieldErrors): Promise<number | null> {
    if (globalId === null) {
      return null;
    }
    try {
      return (await resolveSalesman(manager, globalId)).id;
    } catch (error: unknown) {
      if (error instanceof UserInputError) {
        Object.assign(errors, error.fields);
        return null;
      }
      throw error;
    }
  }
}

/** "Ejecutivo: Ana → Beto (por Carla)": who had it, who has it, who decided. */
export async function salesmanNote(manager: EntityManager, viewer: Viewer, from: number | null, to: number | null): Promise<string> {
  const ids = [from, to].filter((id): id is number => id !== null);
  const users = ids.length === 0 ? [] : await manager.getRepository(UserEntity).findBy({ id: In(ids) });
  const nameOf = (id: number | null) => (id === null ? "sin asignar" : (users.find((u) => u.id === id)?.name ?? `#${id}`));
  return `Ejecutivo asignado: ${nameOf(from)} → ${nameOf(to)} (por ${viewer.name})`;
}
