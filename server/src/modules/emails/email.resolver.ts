import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { NotFoundError } from "../../graphql/errors";
import { toGlobalId } from "../../graphql/global-id";
import type { AccountEntity } from "../accounts/account.entity";
import { Account } from "../accounts/account.types";
import { User } from "../auth/auth.types";
import type { UserEntity } from "../auth/user.entity";
import { SendEmailInput } from "./email.inputs";
import { SentEmail, SentEmailStatusValue } from "./email.types";
import type { SentEmailEntity } from "./sent-email.entity";

@Resolver(() => SentEmail)
export class SentEmailResolver {
  @Mutation(() => SentEmail, {
    description: "Sends an email to the account's or a contact's address; stored in sent_emails whatever happens (INTEGRATION_FAILED when SMTP fails)",
  })
  sendEmail(@Arg("input", () => SendEmailInput) input: SendEmailInput, @Ctx() ctx: Context): Promise<SentEmailEntity> {
    return ctx.services.emails.send(ctx.requireViewer(), input);
  }

  @FieldResolver(() => ID)
  id(@Root() email: SentEmailEntity): string {
    return toGlobalId("SentEmail", email.id);
  }

  @FieldResolver(() => String)
  to(@Root() email: SentEmailEntity): string {
    return email.toAddress;
  }

  @FieldResolver(() => SentEmailStatusValue)
  status(@Root() email: SentEmailEntity): SentEmailStatusValue {
    return email.status as SentEmailStatusValue;
  }

  @FieldResolver(() => User)
  async sentBy(@Root() email: SentEmailEntity, @Ctx() ctx: Context): Promise<UserEntity> {
    const user = await ctx.loaders.usersById.load(email.sentBy);
    if (!user) {
      throw new NotFoundError("User", email.sentBy);
    }
    return user;
  }
}

@Resolver(() => Account)
export class AccountEmailsResolver {
  @FieldResolver(() => [SentEmail], { description: "Emails sent from the side panel, newest first (every status)" })
  sentEmails(@Root() account: AccountEntity, @Ctx() ctx: Context): Promise<SentEmailEntity[]> {
    return ctx.loaders.sentEmailsByProspectId.load(account.id);
  }
}
