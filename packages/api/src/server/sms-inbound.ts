/**
 * `POST /api/sms/inbound`: Twilio's inbound-message webhook (form-encoded `From`, `Body`,
 * `MessageSid`, …). With Twilio configured, a request without a valid `X-Twilio-Signature` is
 * refused; without it, only the dev tools on this machine may post (the /dev/sms page's replies).
 * Answers an empty TwiML response: our answers go out through the SMS outbox.
 */
import { readLimitedBody } from "../files/read-body";
import { receiveSms } from "../sms/inbound";
import { twilioConfigFromEnv } from "../sms/provider";
import { validTwilioSignature } from "../sms/twilio-signature";
import { clientAddress } from "./client-address";
import { isLoopbackAddress } from "./loopback";
import type { ApiRuntime, ConnectionInfo } from "./runtime";

export function isSmsInboundUrl(url: string | undefined): boolean {
  return url !== undefined && /^\/api\/sms\/inbound(?:\?|$)/.test(url);
}

/** Twilio's texts are at most 1,600 characters; a form of every field stays far below this. */
const MAX_BODY_BYTES = 64 * 1024;

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export async function handleSmsInbound(
  runtime: ApiRuntime,
  request: Request,
  connection: ConnectionInfo = {},
): Promise<Response> {
  if (request.method !== "POST") return plain(405, "Use POST.");
  const twilio = twilioConfigFromEnv(runtime.env);
  if (!twilio) {
    const ip = clientAddress(request, runtime.env.TRUSTED_PROXIES, connection.peerAddress);
    if (!runtime.deps.devTools || !isLoopbackAddress(ip))
      return plain(404, "SMS replies are off: Twilio is not configured.");
  }
  const bytes = await readLimitedBody(request.body, MAX_BODY_BYTES);
  if (bytes === "too_large") return plain(413, "The form is too large.");
  const params = [...new URLSearchParams(new TextDecoder().decode(bytes)).entries()];
  if (twilio) {
    const url = runtime.env.TWILIO_WEBHOOK_URL ?? request.url;
    if (
      !validTwilioSignature(
        twilio.authToken,
        url,
        params,
        request.headers.get("X-Twilio-Signature"),
      )
    )
      return plain(403, "The X-Twilio-Signature header is missing or does not match.");
  }
  const field = (name: string) => params.find(([key]) => key === name)?.[1] ?? "";
  const from = field("From").trim();
  const messageId = field("MessageSid").trim();
  if (!/^\+[1-9][0-9]{6,14}$/.test(from))
    return plain(400, "From: expected a number such as +15551234567.");
  if (!messageId) return plain(400, "MessageSid: missing.");
  const outcome = await receiveSms(
    runtime.deps.db,
    { from, body: field("Body"), messageId },
    runtime.env.MANAGER_URL,
  );
  runtime.deps.logger.info({ intent: outcome.intent, changed: outcome.changed }, "inbound SMS");
  return new Response(EMPTY_TWIML, {
    status: 200,
    headers: { "Content-Type": "text/xml; charset=utf-8", "Cache-Control": "no-store" },
  });
}
