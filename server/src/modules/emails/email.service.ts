import { IsNull, Not, type DataSource } from "typeorm";
import type { Logger } from "pino";
import { IntegrationFailedError, UserInputError } from "../../graphql/errors";
import { FieldChecks } from "../../graphql/field-checks";
import { expectGlobalId } from "../../graphql/global-id";
import { accountInScope } from "../accounts/account-access";
import type { Viewer } from "../auth/viewer";
import { ContactEntity } from "../contacts/contact.entity";
import type { SendEmailInput } from "./email.inputs";
import type { Mailer } from "./mailer";
import { SentEmailEntity } from "./sent-email.entity";

/**
 * Side-panel email: validated, stored in sent_emails first, then sent. A failed send keeps
 * its row (status failed, the error) and answers INTEGRATION_FAILED; without SMTP the row
 * (status dev_outbox) is the outbox.
 */
export class EmailService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly logger?: Logger,
  ) {}

  async send(viewer: Viewer, input: SendEmailInput): Promise<SentEmailEntity> {
    const accountId = expectGlobalId(input.accountId, "Account", "accountId");
    const checks = new FieldChecks();
    const to = checks.email("to", input.to, { required: true });
    const subject = checks.text("subject", input.subject, { required: true, max: 255 });
    const body = checks.text("body", input.body, { required: true, max: 50_000 });
    if (subject !== null && /[\r\n]/.test(subject)) {
      checks.add("subject", "must be a single line");
    }
    checks.done();
    const account = await accountInScope(this.dataSource, viewer, accountId);
    const contacts = await this.dataSource.getRepository(ContactEntity).findBy({ prospectId: account.id, deletedAt: IsNull(), email: Not(IsNull()) });
    const contact = contacts.find((c) => c.email?.toLowerCase() === to);
    if (!contact && account.email?.toLowerCase() !== to) {
      throw new UserInputError({ to: "must be the account's email or one of its contacts' emails" });
    }
    const repo = this.dataSource.getRepository(SentEmailEntity);
    const { id } = await repo.save({
      prospectId: account.id,
      contactId: contact?.id ?? null,
      toAddress: to!,
      subject: subject!,
      body: body!,
      status: this.mailer.mode === "smtp" ? "queued" : "dev_outbox",
      error: null,
      messageId: null,
      sentBy: viewer.id,
      sentAt: null,
    });
    try {
      const { messageId } = await this.mailer.send({ to: to!, subject: subject!, text: body!, replyTo: viewer.email });
      if (this.mailer.mode === "smtp") {
        await repo.update({ id }, { status: "sent", messageId, sentAt: new Date() });
      } else {
        await repo.update({ id }, { messageId });
        this.logger?.info({ sentEmailId: id, to }, "SMTP_URL not set: email kept in the dev outbox (sent_emails, status dev_outbox)");
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await repo.update({ id }, { status: "failed", error: message.slice(0, 2000) });
      this.logger?.warn({ err: error, sentEmailId: id }, "email send failed");
      throw new IntegrationFailedError(`The email could not be sent: ${message}`, { sentEmailId: id });
    }
    return repo.findOneByOrFail({ id });
  }
}
