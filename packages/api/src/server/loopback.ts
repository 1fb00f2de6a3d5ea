import { isIP } from "node:net";

/** 127.0.0.0/8 and ::1 (also as an IPv4-mapped address): a client on this machine. */
export function isLoopbackAddress(address: string | null): boolean {
  if (!address) return false;
  const plain = address.replace(/^::ffff:(?=\d+\.)/, "");
  if (isIP(plain) === 4) return plain.startsWith("127.");
  return plain === "::1";
}
