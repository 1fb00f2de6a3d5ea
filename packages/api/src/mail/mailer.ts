import { createHash } from "node:crypto";
import type { Database, Kysely } from "@hearth/db";
import nodemailer from "nodemailer";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  organizationId: string | null;
  /** Shown as the sender's name; the address stays MAIL_FROM's. */
  fromName?: string | null | undefined;
  replyTo?: string | null | undefined;
  /** Extra headers, such as List-Unsubscribe. */
  headers?: Record<string, string> | undefined;
}

/**
 * The email port: SMTP in production, the dev mailbox (a table you can read) by default.
 *
 * `idempotencyKey` names the message: sending twice with one key is the same message. The dev
 * mailbox keeps it exactly once: the row and its key commit together, so a retry after a crash
 * finds the key and writes nothing. SMTP can only be at-least-once: a server may accept the
 * message and the connection (or this process) die before we learn it did, and SMTP has no way to
 * ask whether it arrived, so a retry hands it over again. The stable Message-ID derived from the
 * key makes that second copy recognisably the same message to servers and mail clients that
 * collapse duplicates.
 */
export interface Mailer {
  readonly kind: "smtp" | "dev-mailbox";
  send(email: OutgoingEmail, idempotencyKey: string): Promise<void>;
}

/** Keeps every message in `dev_mailbox`, where the dev mailbox page and tests read it. */
export function createDevMailbox(db: Kysely<Database>): Mailer {
  return {
    kind: "dev-mailbox",
    async send(email, idempotencyKey) {
      await db
        .insertInto("dev_mailbox")
        .values({
          organization_id: email.organizationId,
          channel: "email",
          recipient: email.to,
          subject: email.subject,
          body: email.text,
          idempotency_key: idempotencyKey,
          headers: JSON.stringify(devMailboxHeaders(email)),
        })
        .onConflict((oc) => oc.column("idempotency_key").doNothing())
        .execute();
    },
  };
}

/** What the dev mailbox shows of the sender and the extra headers. */
function devMailboxHeaders(email: OutgoingEmail): Record<string, string> {
  return {
    ...(email.fromName ? { From: email.fromName } : {}),
    ...(email.replyTo ? { "Reply-To": email.replyTo } : {}),
    ...email.headers,
  };
}

/** The sender: MAIL_FROM's address under the given display name, or MAIL_FROM as it is. */
export function senderWithName(from: string, fromName: string | null | undefined): string {
  if (!fromName) return from;
  const address = from.match(/<([^>]+)>/)?.[1] ?? from;
  return `"${fromName.replace(/["\\\r\n]/g, "")}" <${address}>`;
}

/** The domain of the sender's address ("Hearth <no-reply@hearth.local>" → "hearth.local"). */
function senderDomain(from: string): string {
  return from.match(/@([^>\s]+)/)?.[1] ?? "hearth.local";
}

/** The same key always gives the same Message-ID; the hash keeps it to characters SMTP allows. */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const digest = createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 40);
  return `<${digest}@${senderDomain(from)}>`;
}

/** Sends through the SMTP server at `smtpUrl` (smtp:// or smtps://, credentials in the URL). */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    kind: "smtp",
    async send(email, idempotencyKey) {
      await transport.sendMail({
        from: senderWithName(from, email.fromName),
        to: email.to,
        subject: email.subject,
        text: email.text,
        messageId: messageIdFor(idempotencyKey, from),
        ...(email.replyTo ? { replyTo: email.replyTo } : {}),
        ...(email.headers ? { headers: email.headers } : {}),
      });
    },
  };
}

/** The mailer the environment asks for: SMTP when `SMTP_URL` is set, else the dev mailbox. */
export function createMailer(
  env: { SMTP_URL?: string | undefined; MAIL_FROM: string },
  db: Kysely<Database>,
): Mailer {
  return env.SMTP_URL ? createSmtpMailer(env.SMTP_URL, env.MAIL_FROM) : createDevMailbox(db);
}
