import type { Database, Kysely } from "@hearth/db";
import nodemailer from "nodemailer";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  organizationId: string | null;
}

/** The email port: SMTP in production, the dev mailbox (a table you can read) by default. */
export interface Mailer {
  readonly kind: "smtp" | "dev-mailbox";
  send(email: OutgoingEmail): Promise<void>;
}

/** Keeps every message in `dev_mailbox`, where the dev mailbox page and tests read it. */
export function createDevMailbox(db: Kysely<Database>): Mailer {
  return {
    kind: "dev-mailbox",
    async send(email) {
      await db
        .insertInto("dev_mailbox")
        .values({
          organization_id: email.organizationId,
          channel: "email",
          recipient: email.to,
          subject: email.subject,
          body: email.text,
        })
        .execute();
    },
  };
}

/** Sends through the SMTP server at `smtpUrl` (smtp:// or smtps://, credentials in the URL). */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    kind: "smtp",
    async send(email) {
      await transport.sendMail({ from, to: email.to, subject: email.subject, text: email.text });
    },
  };
}
