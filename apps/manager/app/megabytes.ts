/**
 * The operator edits sizes in megabytes; the policy stores bytes. A megabyte here is 1024 × 1024
 * bytes, as the policy's own labels ("25 MB") count it.
 */
export const BYTES_PER_MEGABYTE = 1024 * 1024;

/** Bytes as megabytes, to two decimals at most (25, 1.5, 0.01). */
export function bytesToMegabytes(bytes: number): number {
  return Math.round((bytes / BYTES_PER_MEGABYTE) * 100) / 100;
}

/** Megabytes typed by a person as whole bytes. */
export function megabytesToBytes(megabytes: number): number {
  return Math.round(megabytes * BYTES_PER_MEGABYTE);
}
