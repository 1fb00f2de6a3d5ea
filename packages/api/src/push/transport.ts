/** Posting one encrypted message to a push service (RFC 8030), signed with VAPID (RFC 8292). */
import webPush from "web-push";
import type { VapidKeys } from "./vapid-keys";

export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface PushOptions {
  /** Seconds the push service keeps it for a browser that is offline. */
  ttlSeconds: number;
  /** A later push with the same topic replaces one not yet delivered (a retry, not a second). */
  topic: string;
  urgency: "normal" | "high";
}

/** What the push service answered: 201 accepted; 404/410 the subscription is gone. */
export interface PushOutcome {
  status: number;
  body: string;
}

export interface PushTransport {
  send(target: PushTarget, payload: string, options: PushOptions): Promise<PushOutcome>;
}

const REQUEST_TIMEOUT_MS = 10_000;

/**
 * The real transport: `web-push` encrypts (aes128gcm) and signs, then a plain fetch posts it, so
 * an http endpoint on loopback (a stand-in push service) works as well as the vendors' https.
 */
export function webPushTransport(keys: () => Promise<VapidKeys>, subject: string): PushTransport {
  return {
    async send(target, payload, options) {
      const vapid = await keys();
      const details = webPush.generateRequestDetails(target, payload, {
        vapidDetails: { subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
        TTL: options.ttlSeconds,
        topic: options.topic,
        urgency: options.urgency,
        contentEncoding: "aes128gcm",
      });
      const headers = Object.fromEntries(
        Object.entries(details.headers).map(([name, value]) => [name, String(value)]),
      );
      const response = await fetch(details.endpoint, {
        method: details.method,
        headers,
        body: new Uint8Array(details.body),
        redirect: "error",
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      return { status: response.status, body: (await response.text()).slice(0, 500) };
    },
  };
}
