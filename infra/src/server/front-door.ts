import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isTrpcUrl } from "./trpc-url";

/**
 * What every request passes before anything answers it, in the production server and in dev
 * alike: the security headers, the facts only the server knows stamped on the request, and the
 * refusal of a cross-site form post.
 */

/** The socket's address; `@hearth/api/server`'s PEER_ADDRESS_HEADER reads it. */
export const PEER_ADDRESS_HEADER = "x-hearth-peer-address";
/** This response's CSP nonce, for the document's scripts; the apps' root loader reads it. */
export const CSP_NONCE_HEADER = "x-hearth-csp-nonce";
/** Headers only this server may set: a client's own copies are dropped. */
export const TRUSTED_HEADERS = [PEER_ADDRESS_HEADER, CSP_NONCE_HEADER] as const;

export interface FrontDoorOptions {
  /** Vite's dev server: its client evaluates modules and talks over a websocket. */
  dev: boolean;
  /** Served over HTTPS: browsers are told to keep to it. */
  secure: boolean;
}

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Tailwind's one stylesheet, and in dev the <style> tags Vite injects.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    // pdf.js draws PDF previews in a worker served from this origin.
    "worker-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(nonce: string, options: FrontDoorOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce, options.dev),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(options.secure
      ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" }
      : {}),
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** As the API and Remix judge it: the proxy's X-Forwarded-Host, else Host. */
function fromThisSite(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  const forwarded = req.headers["x-forwarded-host"];
  const host =
    (typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined) ||
    req.headers.host;
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Twilio's inbound-SMS webhook: posted by Twilio, checked by its signature (see handleSmsInbound). */
function isSmsWebhook(url: string | undefined): boolean {
  return /^\/api\/sms\/inbound(?:\?|$)/.test(url ?? "");
}

/**
 * A mail provider's one-click unsubscribe (RFC 8058) posts from elsewhere on purpose; the signed
 * token in the path is what makes it safe, and it can only turn notification emails off.
 */
function isOneClickUnsubscribe(url: string | undefined): boolean {
  return /^\/unsubscribe\/[^/?#]+$/.test(url ?? "");
}

/**
 * Sets the headers on `res`, stamps the trusted headers on `req`, and answers a cross-site form
 * post with 403 (tRPC answers its own in JSON). Returns false when it has answered.
 */
export function passFrontDoor(
  req: IncomingMessage,
  res: ServerResponse,
  options: FrontDoorOptions,
): boolean {
  const nonce = randomBytes(16).toString("base64");
  for (const [name, value] of Object.entries(securityHeaders(nonce, options)))
    res.setHeader(name, value);
  for (const name of TRUSTED_HEADERS) delete req.headers[name];
  req.headers[CSP_NONCE_HEADER] = nonce;
  const peer = req.socket.remoteAddress;
  if (peer) req.headers[PEER_ADDRESS_HEADER] = peer;
  if (
    SAFE_METHODS.has(req.method ?? "GET") ||
    isTrpcUrl(req.url) ||
    isOneClickUnsubscribe(req.url) ||
    isSmsWebhook(req.url) ||
    fromThisSite(req)
  )
    return true;
  res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8" });
  res.end("This request came from another site and was refused.");
  return false;
}
