/**
 * A place in the live event log: the writing transaction's full id (xid8) and the event's id.
 * Events are read in this order, and only below the visibility fence (see event-log.ts), so a
 * position says "everything before this has been seen" and never needs revisiting.
 */
export interface EventPosition {
  readonly xid: bigint;
  readonly id: number;
}

const MAX_XID8 = 2n ** 64n - 1n;
const MAX_BIGINT = 2n ** 63n - 1n;

export function formatPosition(position: EventPosition): string {
  return `${position.xid}.${position.id}`;
}

/** The position an SSE `lastEventId` names, or null for anything that is not one of ours. */
export function parsePosition(text: string | null | undefined): EventPosition | null {
  const match = text?.match(/^(\d{1,20})\.(\d{1,19})$/);
  if (!match) return null;
  const xid = BigInt(match[1]!);
  const id = BigInt(match[2]!);
  if (xid > MAX_XID8 || id > MAX_BIGINT || id > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return { xid, id: Number(id) };
}

export function isAfter(a: EventPosition, b: EventPosition): boolean {
  return a.xid > b.xid || (a.xid === b.xid && a.id > b.id);
}

/** The position just before every event of transactions from `xid` on. */
export function fencePosition(xid: bigint): EventPosition {
  return { xid, id: 0 };
}
