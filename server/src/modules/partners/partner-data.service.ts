import type { DataSource } from "typeorm";
import { ForbiddenError, UserInputError } from "../../graphql/errors";
import { AccountTypeCode, type AccountEntity } from "../accounts/account.entity";
import { writeAccount, writeInScope } from "../accounts/account-write.support";
import type { FieldErrors } from "../accounts/prospect-rules";
import type { Viewer } from "../auth/viewer";
import { PartnerDataEntity } from "./partner-data.entity";
import { changeEvent } from "../../realtime/account-event";
import { publishAfterCommit, type AccountEventSink } from "../../realtime/event-bus";
import type { UpsertPartnerDataInput } from "./partner-data.inputs";

const MAX_TEXT = 255;

/** The column changes of an upsertPartnerData input, with per-field problems in `errors`. */
export function partnerDataChanges(input: UpsertPartnerDataInput, errors: FieldErrors): Partial<PartnerDataEntity> {
  const changes: Partial<PartnerDataEntity> = {};
  if (input.url !== undefined) {
    if (input.url !== null && (input.url.length > MAX_TEXT || !/^https?:\/\/\S+$/i.test(input.url.trim()))) {
      errors.url = "must be an http(s) address of at most 255 characters";
    }
    changes.url = input.url?.trim() ?? null;
  }
  if (input.rating !== undefined) {
    if (input.rating !== null && !(Number.isInteger(input.rating) && input.rating >= 1 && input.rating <= 5)) {
      errors.rating = "must be 1 to 5";
    }
    changes.rating = input.rating;
  }
  if (input.socialNetwork !== undefined) {
    if (input.socialNetwork !== null && input.socialNetwork.length > MAX_TEXT) {
      errors.socialNetwork = "must be at most 255 characters";
    }
    changes.socialNetwork = input.socialNetwork;
  }
  if (input.comments !== undefined) {
    if (input.comments !== null && input.comments.length > 10_000) {
      errors.comments = "must be at most 10000 characters";
    }
    changes.comments = input.comments;
  }
  return changes;
}

/** upsertPartnerData: partner prospects only, crm-partners only, versioned through the account; UPDATED for the subscribers. */
export class PartnerDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: AccountEventSink,
  ) {}

  async upsert(viewer: Viewer, input: UpsertPartnerDataInput): Promise<AccountEntity> {
    if (!viewer.has("crm-partners")) {
      throw new ForbiddenError("Partner data needs the crm-partners permission");
    }
    const errors: FieldErrors = {};
    const changes = partnerDataChanges(input, errors);
    if (Object.keys(errors).length > 0) {
      throw new UserInputError(errors);
    }
    const saved = writeInScope(this.dataSource, viewer, input, async (manager, account) => {
      if (account.type !== AccountTypeCode.partnerProspect) {
        throw new UserInputError({ accountId: "is not a partner prospect" });
      }
      const fresh = await writeAccount(manager, account, {});
      const repo = manager.getRepository(PartnerDataEntity);
      const existing = await repo.findOneBy({ prospectId: account.id });
      if (existing) {
        if (Object.keys(changes).length > 0) {
          await repo.update({ id: existing.id }, changes);
        }
      } else {
        await repo.insert({ prospectId: account.id, ...changes });
      }
      return { result: fresh, events: [await changeEvent(manager, "UPDATED", viewer, account, fresh)] };
    });
    return publishAfterCommit(this.events, saved);
  }
}
