import { isIP } from "node:net";

/**
 * Our own servers (production and the dev plugin) put the socket's address on every request under
 * this name, after dropping any copy the client sent, so Remix routes can read it too.
 */
export const PEER_ADDRESS_HEADER = "x-hearth-peer-address";

function normalized(address: string | null | undefined): string | null {
  const trimmed = address?.trim().replace(/^::ffff:(?=\d+\.)/, "");
  return trimmed && isIP(trimmed) ? trimmed : null;
}

/**
 * The client's address: the socket's, unless the socket is a trusted proxy; then the nearest
 * X-Forwarded-For hop that is not one (hops further left are whatever the client wrote).
 */
export function clientAddress(
  request: Request,
  trustedProxies: readonly string[],
  peerAddress?: string | null,
): string | null {
  const peer = normalized(peerAddress ?? request.headers.get(PEER_ADDRESS_HEADER));
  if (!peer || !trustedProxies.includes(peer)) return peer;
  const hops = (request.headers.get("X-Forwarded-For") ?? "").split(",").reverse();
  for (const hop of hops) {
    const address = normalized(hop);
    if (!address) return peer;
    if (!trustedProxies.includes(address)) return address;
  }
  return peer;
}
