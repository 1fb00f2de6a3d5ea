/// <reference path="./http-ece.d.ts" />
/**
 * A push service on loopback standing in for a browser vendor's (RFC 8030): it checks each
 * request's VAPID signature (RFC 8292) and decrypts its aes128gcm body (RFC 8291) with the
 * subscription's private key, as the browser would. Endpoints it was told are gone answer 410.
 */
import { createECDH, createPublicKey, type ECDH, randomBytes, verify } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { decrypt } from "http_ece";

/** A browser's side of a subscription: what it gives the server, and what it keeps. */
export interface StandInSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  privateKey: ECDH;
}

export interface ReceivedPush {
  endpoint: string;
  /** The decrypted payload. */
  text: string;
  headers: { ttl: string | undefined; topic: string | undefined; urgency: string | undefined };
  /** The VAPID key that signed it. */
  vapidKey: string;
}

export interface StandInPushService {
  origin: string;
  /** A new subscription (ECDH P-256 key pair and auth secret), as `pushManager.subscribe` makes. */
  subscription(): StandInSubscription;
  received: ReceivedPush[];
  /** Requests refused, with why (a bad signature, a body that does not decrypt). */
  refused: string[];
  /** From now on the push service answers 410 Gone for this endpoint. */
  expire(endpoint: string): void;
  close(): Promise<void>;
}

function vapidProblem(req: IncomingMessage, origin: string): { key: string } | string {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(req.headers.authorization ?? "");
  if (!match?.[1] || !match[2]) return "no vapid authorization";
  const [token, key] = [match[1], match[2]];
  const [head, claims, signature] = token.split(".");
  if (!head || !claims || !signature) return "malformed JWT";
  const point = Buffer.from(key, "base64url");
  if (point.length !== 65 || point[0] !== 4) return "k is not a P-256 point";
  const publicKey = createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33).toString("base64url"),
    },
    format: "jwk",
  });
  const signed = verify(
    "sha256",
    Buffer.from(`${head}.${claims}`),
    { key: publicKey, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  if (!signed) return "bad JWT signature";
  const header = JSON.parse(Buffer.from(head, "base64url").toString()) as { alg?: string };
  if (header.alg !== "ES256") return `JWT alg ${header.alg}`;
  const body = JSON.parse(Buffer.from(claims, "base64url").toString()) as {
    aud?: string;
    exp?: number;
    sub?: string;
  };
  if (body.aud !== origin) return `aud ${body.aud} is not ${origin}`;
  const now = Date.now() / 1000;
  if (!body.exp || body.exp < now || body.exp > now + 86_400) return "exp out of range";
  if (!body.sub || !/^(mailto:|https:)/.test(body.sub)) return "no sub";
  return { key };
}

export async function startStandInPushService(): Promise<StandInPushService> {
  const subscriptions = new Map<string, StandInSubscription>();
  const gone = new Set<string>();
  const received: ReceivedPush[] = [];
  const refused: string[] = [];
  let origin = "";
  let next = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const endpoint = `${origin}${req.url ?? ""}`;
      const refuse = (status: number, why: string) => {
        refused.push(`${endpoint}: ${why}`);
        res.writeHead(status).end(why);
      };
      if (req.method !== "POST") return refuse(405, "method");
      const subscription = subscriptions.get(endpoint);
      if (!subscription || gone.has(endpoint)) {
        res.writeHead(410).end("gone");
        return;
      }
      const vapid = vapidProblem(req, origin);
      if (typeof vapid === "string") return refuse(401, vapid);
      if (req.headers["content-encoding"] !== "aes128gcm") return refuse(415, "encoding");
      if (req.headers.ttl === undefined) return refuse(400, "no TTL");
      let text: string;
      try {
        text = decrypt(Buffer.concat(chunks), {
          version: "aes128gcm",
          privateKey: subscription.privateKey,
          authSecret: subscription.keys.auth,
        }).toString("utf8");
      } catch (error) {
        return refuse(400, `does not decrypt: ${String(error)}`);
      }
      received.push({
        endpoint,
        text,
        headers: {
          ttl: req.headers.ttl as string | undefined,
          topic: req.headers.topic as string | undefined,
          urgency: req.headers.urgency as string | undefined,
        },
        vapidKey: vapid.key,
      });
      res.writeHead(201, { Location: `${endpoint}/message/${received.length}` }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    refused,
    subscription() {
      const privateKey = createECDH("prime256v1");
      privateKey.generateKeys();
      const subscription: StandInSubscription = {
        endpoint: `${origin}/push/${++next}-${randomBytes(6).toString("hex")}`,
        keys: {
          p256dh: privateKey.getPublicKey().toString("base64url"),
          auth: randomBytes(16).toString("base64url"),
        },
        privateKey,
      };
      subscriptions.set(subscription.endpoint, subscription);
      return subscription;
    },
    expire: (endpoint) => gone.add(endpoint),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
