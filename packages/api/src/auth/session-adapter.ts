import { NodePostgresAdapter } from "@lucia-auth/adapter-postgresql";
import type { DatabaseSession, DatabaseUser } from "lucia";
import type pg from "pg";

interface SessionRow {
  session_id: string;
  user_id: string;
  expires_at: Date;
  app: DatabaseSession["attributes"]["app"];
  email: string;
  display_name: string;
  kind: DatabaseUser["attributes"]["kind"];
  manager_role: DatabaseUser["attributes"]["manager_role"];
  organization_id: string | null;
  timezone: string | null;
}

/**
 * Lucia's Postgres adapter, validating a session with one query (the session joined to its user)
 * instead of two, since every request validates one.
 */
export class SessionAdapter extends NodePostgresAdapter {
  constructor(private readonly pool: pg.Pool) {
    super(pool, { user: "users", session: "sessions" });
  }

  override async getSessionAndUser(
    sessionId: string,
  ): Promise<[session: DatabaseSession | null, user: DatabaseUser | null]> {
    const { rows } = await this.pool.query<SessionRow>(
      `select s.id as session_id, s.user_id, s.expires_at, s.app,
          u.email, u.display_name, u.kind, u.manager_role, u.organization_id, u.timezone
        from sessions s join users u on u.id = s.user_id where s.id = $1`,
      [sessionId],
    );
    const row = rows[0];
    if (!row) return [null, null];
    return [
      {
        id: row.session_id,
        userId: row.user_id,
        expiresAt: new Date(row.expires_at),
        attributes: { app: row.app },
      },
      {
        id: row.user_id,
        attributes: {
          email: row.email,
          display_name: row.display_name,
          kind: row.kind,
          manager_role: row.manager_role,
          organization_id: row.organization_id,
          timezone: row.timezone,
        },
      },
    ];
  }
}
