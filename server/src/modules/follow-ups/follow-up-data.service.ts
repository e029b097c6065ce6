import type { DataSource } from "typeorm";
import { UserInputError } from "../../graphql/errors";
import type { AccountEntity } from "../accounts/account.entity";
import { writeAccount, writeInScope } from "../accounts/account-write.support";
import type { FieldErrors } from "../accounts/prospect-rules";
import type { Viewer } from "../auth/viewer";
import type { CatalogService } from "../catalogs/catalog.service";
import { followUpDataChanges, saveFollowUpData } from "./follow-up-data.rules";
import type { UpsertFollowUpDataInput } from "./follow-up-data.inputs";
import { changeEvent } from "../../realtime/account-event";
import { publishAfterCommit, type AccountEventSink } from "../../realtime/event-bus";

/** upsertFollowUpData: one row per account, versioned through the account; UPDATED for the subscribers (a card's amount and version change). */
export class FollowUpDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogs: CatalogService,
    private readonly events: AccountEventSink,
  ) {}

  async upsert(viewer: Viewer, input: UpsertFollowUpDataInput): Promise<AccountEntity> {
    const catalogs = await this.catalogs.all();
    const { accountId, version, ...fields } = input;
    const errors: FieldErrors = {};
    const changes = followUpDataChanges(fields, catalogs, errors);
    if (Object.keys(errors).length > 0) {
      throw new UserInputError(errors);
    }
    const saved = writeInScope(this.dataSource, viewer, { accountId, version }, async (manager, account) => {
      const fresh = await writeAccount(manager, account, {});
      await saveFollowUpData(manager, fresh, changes);
      return { result: fresh, events: [await changeEvent(manager, "UPDATED", viewer, account, fresh)] };
    });
    return publishAfterCommit(this.events, saved);
  }
}
