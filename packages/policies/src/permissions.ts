/**
 * Permission strings a sub-user may hold. They matter only where a profile sets a sub-user
 * capability to "with_permission"; account owners never need them.
 */
export const permissions = {
  chat: "messaging.chat",
  broadcast: "messaging.broadcast",
  board: "board.manage",
} as const;

/** Lets a sub-user manage the organization's shared message templates (account owners always may). */
export const SHARED_TEMPLATES_PERMISSION = "templates.manage";

/** A sub-user capability a profile can grant to all sub-users, by permission, or to none. */
export type SubUserCapability = keyof typeof permissions;

/** Lets a sub-user change the organization's own settings where the profile gives it by permission. */
export const SETTINGS_PERMISSION = "settings.manage";
