import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { UpsertFollowUpDataInput } from "../follow-ups/follow-up-data.inputs";
import { UpsertPartnerDataInput } from "../partners/partner-data.inputs";
import type { AccountEntity } from "./account.entity";
import { Account } from "./account.types";
import {
  AssignSalesmanInput,
  ConvertToClientInput,
  CreateProspectInput,
  MoveAccountInput,
  RemoveAccountInput,
  RestoreAccountInput,
  UpdateAccountInput,
} from "./account-write.inputs";

/** Pipeline writes: each mutation is one service call, one transaction, and returns the changed account. */
@Resolver()
export class AccountWriteResolver {
  @Mutation(() => Account, { description: "A new prospect or partner prospect, its follow-up data, a creation note and the Respond.io job" })
  createProspect(@Arg("input") input: CreateProspectInput, @Ctx() ctx: Context): Promise<AccountEntity> {
    return ctx.services.prospects.create(ctx.requireViewer(), input);
  }

  @Mutation(() => Account, { description: "Details, executive and follow-up data; CONFLICT when version is stale" })
  updateAccount(@Arg("input") input: UpdateAccountInput, @Ctx() ctx: Context): Promise<AccountEntity> {
    return ctx.services.accountWrites.update(ctx.requireViewer(), input);
  }

  @Mutation(() => Account, { description: "Creates or changes the follow-up data; CONFLICT when version is stale" })
  upsertFollowUpData(@Arg("input") input: UpsertFollowUpDataInput, @Ctx() ctx: Context): Promise<AccountEntity> {
    return ctx.services.followUpData.upsert(ctx.requireViewer(), input);
  }

  @Mutation(() => Account, { description: "Partner prospects only; CONFLICT when version is stale" })
  upsertPartnerData(@Arg("input") input: UpsertPartnerDataInput, @Ctx() ctx: Context): Promise<AccountEntity> {
    return ctx.services.partnerData.upsert(ctx.requireViewer(), input);
  }

  @Mutation(() => Account, { description: "Kanban move: new follow-up status and a status-change note" })
  moveAccount(@Arg("input") input: MoveAccountInput, @Ctx() ctx: Context): Promise<AccountEntity> {
    return ctx.services.pipeline.move(ctx.requireViewer(), input);
  }

  @Mutation(() => Account, { description: "Reassigns the executive and notes it" })
  assignSalesman(@Arg("input") input: AssignSalesmanInput, @Ctx() ctx: Context): Promise<AccountEntity> {
    return ctx.services.pipeline.assignSalesman(ctx.requireViewer(), input);
  }

  @Mutation(() => Account, { description: "Links the account to a company (existing or new): a Client, with its whole history" })
  convertToClient(@Arg("input") input: ConvertToClientInput, @Ctx() ctx: Context): Promise<AccountEntity> {
    return ctx.services.pipeline.convertToClient(ctx.requireViewer(), input);
  }

  @Mutation(() => Account, { description: "Soft delete (status REMOVED); restorable" })
  removeAccount(@Arg("input") input: RemoveAccountInput, @Ctx() ctx: Context): Promise<AccountEntity> {
    return ctx.services.accountWrites.remove(ctx.requireViewer(), input);
  }

  @Mutation(() => Account, { description: "Undoes removeAccount" })
  restoreAccount(@Arg("input") input: RestoreAccountInput, @Ctx() ctx: Context): Promise<AccountEntity> {
    return ctx.services.accountWrites.restore(ctx.requireViewer(), input);
  }
}
