import type { AppKind, ManagerRole, UserKind } from "@hearth/db";
import { Lucia, TimeSpan } from "lucia";
import type pg from "pg";
import { SessionAdapter } from "./session-adapter";

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  kind: UserKind;
  managerRole: ManagerRole | null;
  organizationId: string | null;
  /** The person's own IANA time zone for what they see; null: their device's. */
  timeZone: string | null;
}

interface DatabaseUserAttributes {
  email: string;
  display_name: string;
  kind: UserKind;
  manager_role: ManagerRole | null;
  organization_id: string | null;
  timezone: string | null;
}

interface DatabaseSessionAttributes {
  app: AppKind;
}

function buildLucia(pool: pg.Pool, app: AppKind, secure: boolean) {
  return new Lucia(new SessionAdapter(pool), {
    // Lucia extends a session once less than half of this span is left.
    sessionExpiresIn: new TimeSpan(30, "d"),
    sessionCookie: {
      name: `hearth_${app}_session`,
      expires: true,
      attributes: { secure, sameSite: "lax", path: "/" },
    },
    getUserAttributes: (attributes): Omit<SessionUser, "id"> => ({
      email: attributes.email,
      displayName: attributes.display_name,
      kind: attributes.kind,
      managerRole: attributes.manager_role,
      organizationId: attributes.organization_id,
      timeZone: attributes.timezone,
    }),
    getSessionAttributes: (attributes) => ({ app: attributes.app }),
  });
}

export type Auth = ReturnType<typeof buildLucia>;

declare module "lucia" {
  interface Register {
    Lucia: Auth;
    DatabaseUserAttributes: DatabaseUserAttributes;
    DatabaseSessionAttributes: DatabaseSessionAttributes;
  }
}

/** One Lucia per app: each app has its own cookie, and a session is only valid in its app. */
export function createAuth(pool: pg.Pool, app: AppKind, options: { secure: boolean }): Auth {
  return buildLucia(pool, app, options.secure);
}

/** The kinds of user each app signs in. */
export const appForKind: Record<UserKind, AppKind> = {
  manager: "manager",
  operator: "manager",
  resident: "resident",
  service_pro: "resident",
  owner: "resident",
};
