/**
 * The SMS port: the dev outbox (rows in `dev_mailbox`, shown at /dev/sms) by default, Twilio's
 * Messages API when its credentials are set.
 *
 * `idempotencyKey` names the text. The dev outbox keeps it exactly once (the row and its key
 * commit together). Twilio's Messages API takes no idempotency key, so a crash after Twilio
 * accepted a text and before the outbox row is marked sent can send it twice: at-least-once, as
 * SMTP is (see Mailer).
 */
import type { Database, Kysely } from "@hearth/db";

export interface OutgoingSms {
  to: string;
  body: string;
  organizationId: string | null;
}

export interface SmsProvider {
  readonly kind: "dev-outbox" | "twilio";
  /** Resolves with the provider's id for the text; throws SmsSendError when it was not taken. */
  send(sms: OutgoingSms, idempotencyKey: string): Promise<{ providerId: string }>;
}

/** The provider refused or failed; `permanent` when trying again cannot help (bad number, opted out). */
export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "SmsSendError";
  }
}

/** Keeps every text in `dev_mailbox` (channel "sms"). */
export function createDevSmsOutbox(db: Kysely<Database>): SmsProvider {
  return {
    kind: "dev-outbox",
    async send(sms, idempotencyKey) {
      await db
        .insertInto("dev_mailbox")
        .values({
          organization_id: sms.organizationId,
          channel: "sms",
          recipient: sms.to,
          subject: null,
          body: sms.body,
          idempotency_key: idempotencyKey,
        })
        .onConflict((oc) => oc.column("idempotency_key").doNothing())
        .execute();
      const row = await db
        .selectFrom("dev_mailbox")
        .select("id")
        .where("idempotency_key", "=", idempotencyKey)
        .executeTakeFirstOrThrow();
      return { providerId: `dev-${row.id}` };
    },
  };
}

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  from: string;
  /** https://api.twilio.com unless a test points it at a stand-in. */
  baseUrl: string;
}

/** Twilio's error codes that no retry fixes: invalid or unreachable numbers, opted-out recipients. */
const PERMANENT_TWILIO_CODES = new Set([21211, 21214, 21408, 21610, 21612, 21614, 30003, 30005]);

/** Sends through Twilio's Messages resource (form-encoded POST, Basic auth with the account SID). */
export function createTwilioSms(config: TwilioConfig, fetcher: typeof fetch = fetch): SmsProvider {
  const url = `${config.baseUrl.replace(/\/$/, "")}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64")}`;
  return {
    kind: "twilio",
    async send(sms) {
      let response: Response;
      try {
        response = await fetcher(url, {
          method: "POST",
          headers: {
            Authorization: authorization,
            "Content-Type": "application/x-www-form-urlencoded",
            Accept: "application/json",
          },
          body: new URLSearchParams({ To: sms.to, From: config.from, Body: sms.body }),
          signal: AbortSignal.timeout(15_000),
        });
      } catch (error) {
        throw new SmsSendError(`Twilio unreachable: ${String(error)}`, false);
      }
      const body = (await response.json().catch(() => ({}))) as {
        sid?: string;
        code?: number;
        message?: string;
      };
      if (response.ok && body.sid) return { providerId: body.sid };
      const permanent =
        (body.code !== undefined && PERMANENT_TWILIO_CODES.has(body.code)) ||
        (response.status >= 400 && response.status < 500 && response.status !== 429);
      throw new SmsSendError(
        `Twilio ${response.status}${body.code ? ` (${body.code})` : ""}: ${body.message ?? "no message"}`,
        permanent,
      );
    },
  };
}

export interface SmsEnv {
  TWILIO_ACCOUNT_SID?: string | undefined;
  TWILIO_AUTH_TOKEN?: string | undefined;
  TWILIO_FROM?: string | undefined;
  TWILIO_API_BASE_URL: string;
}

/** Twilio's settings when all three are set, else null (the dev outbox). */
export function twilioConfigFromEnv(env: SmsEnv): TwilioConfig | null {
  if (!env.TWILIO_ACCOUNT_SID || !env.TWILIO_AUTH_TOKEN || !env.TWILIO_FROM) return null;
  return {
    accountSid: env.TWILIO_ACCOUNT_SID,
    authToken: env.TWILIO_AUTH_TOKEN,
    from: env.TWILIO_FROM,
    baseUrl: env.TWILIO_API_BASE_URL,
  };
}

/** The provider the environment asks for: Twilio when configured, else the dev outbox. */
export function smsProviderFromEnv(env: SmsEnv, db: Kysely<Database>): SmsProvider {
  const twilio = twilioConfigFromEnv(env);
  return twilio ? createTwilioSms(twilio) : createDevSmsOutbox(db);
}
