import { createTransport, type Transporter } from "nodemailer";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  replyTo?: string;
}

/**
 * Where side-panel emails go. `smtp` sends through SMTP_URL; `dev_outbox` (no SMTP_URL)
 * only renders the message: the stored sent_emails row with status dev_outbox is the
 * outbox the UI lists, so nothing is silently dropped.
 */
export interface Mailer {
  readonly mode: "smtp" | "dev_outbox";
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}

/** The mailer for a configuration; SMTP waits at most ~15 s for a server before failing. */
export function createMailer(config: { SMTP_URL?: string; MAIL_FROM: string }): Mailer {
  const transport: Transporter = config.SMTP_URL
    ? createTransport({ url: config.SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 15_000 } as never)
    : createTransport({ jsonTransport: true });
  return {
    mode: config.SMTP_URL ? "smtp" : "dev_outbox",
    send: async (email) => {
      const info = (await transport.sendMail({ from: config.MAIL_FROM, ...email })) as { messageId?: string };
      return { messageId: info.messageId ?? "" };
    },
  };
}
