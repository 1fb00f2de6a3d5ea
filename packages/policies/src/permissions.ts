/**
 * Permission strings a sub-user may hold. They matter only where a profile sets a sub-user
 * capability to "with_permission"; account owners never need them.
 */
export const permissions = {
  chat: "messaging.chat",
  broadcast: "messaging.broadcast",
  board: "board.manage",
} as const;

/** A sub-user capability a profile can grant to all sub-users, by permission, or to none. */
export type SubUserCapability = keyof typeof permissions;
