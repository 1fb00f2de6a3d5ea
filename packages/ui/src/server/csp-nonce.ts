/** Set by the server's front door (infra/src/server/front-door.ts); a client's copy is dropped. */
const CSP_NONCE_HEADER = "x-hearth-csp-nonce";

/** This response's CSP nonce: every script the document renders must carry it. */
export function cspNonceOf(request: Request): string {
  return request.headers.get(CSP_NONCE_HEADER) ?? "";
}
