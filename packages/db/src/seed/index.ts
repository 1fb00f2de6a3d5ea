import { type Kysely, sql, type Transaction } from "kysely";
import { isoDay } from "../lease-status";
import { hashPassword } from "../password";
import type { Database, MessageType, Priority } from "../schema";
import {
  DEMO_PASSWORD,
  type DemoOrganization,
  type DemoRole,
  demoCast,
  demoEmail,
  demoOrganizations,
  OPERATOR_EMAIL,
} from "./demo-data";

export {
  DEMO_PASSWORD,
  demoEmail,
  demoLogins,
  demoOrganizations,
  OPERATOR_EMAIL,
} from "./demo-data";

const DAY_MS = 86_400_000;

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** True when the database already holds organizations (the seed never runs twice). */
export async function isSeeded(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom("organizations")
    .select(sql<number>`count(*)`.as("n"))
    .executeTakeFirstOrThrow();
  return row.n > 0;
}

/**
 * Writes the demo: four organizations (one per policy profile), their properties, units, leases,
 * people, connections and some conversations with history. Lease dates are relative to `now`, so
 * the future / active / expired cast stays true whenever the seed runs.
 */
export async function seedDemoData(
  db: Kysely<Database>,
  options: { now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  // One hash shared by every demo login: they share the password, and hashing 33 times would
  // only slow down every fresh database.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("users")
      .values({
        email: OPERATOR_EMAIL,
        display_name: "Pat Operator",
        kind: "operator",
        manager_role: null,
        organization_id: null,
        password_hash: passwordHash,
        plan: null,
        phone: null,
        timezone: null,
      })
      .execute();
    for (const org of demoOrganizations) await seedOrganization(trx, org, passwordHash, now);
    // The messages above are written around the API's write path: recount the inbox counters.
    await sql`select inbox_refresh()`.execute(trx);
  });
}

async function seedOrganization(
  trx: Transaction<Database>,
  org: DemoOrganization,
  passwordHash: string,
  now: Date,
): Promise<void> {
  const timezone = "America/New_York";
  const today = isoDay(now, timezone);
  const { id: orgId } = await trx
    .insertInto("organizations")
    .values({
      slug: org.slug,
      name: org.name,
      policy_profile: org.slug,
      mode: org.mode,
      timezone,
      business_hours: JSON.stringify({ days: [1, 2, 3, 4, 5], opens: "09:00", closes: "18:00" }),
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  const people = new Map<DemoRole, string>();
  for (const person of demoCast) {
    const { id } = await trx
      .insertInto("users")
      .values({
        organization_id: orgId,
        email: demoEmail(person.role, org.slug),
        display_name: person.name,
        kind: person.kind,
        manager_role: person.managerRole ?? null,
        password_hash: person.invited ? null : passwordHash,
        phone: null,
        timezone: null,
        plan:
          person.kind === "resident" && org.slug === "coworking"
            ? person.role === "roommate"
              ? "Hot desk"
              : "Dedicated desk"
            : null,
        member_status: person.role === "former" ? "inactive" : "active",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    people.set(person.role, id);
    await trx
      .insertInto("user_settings")
      .values({ user_id: id, organization_id: orgId, signature: null, auto_response_body: null })
      .execute();
  }
  const who = (role: DemoRole): string => {
    const id = people.get(role);
    if (!id) throw new Error(`demo cast has no ${role}`);
    return id;
  };

  const owner = who("owner");
  for (const person of demoCast) {
    if (person.role === "owner") continue;
    await trx
      .insertInto("connections")
      .values({
        organization_id: orgId,
        user_id: who(person.role),
        status: person.invited ? "invited" : "connected",
        invited_by: owner,
        connected_at: person.invited ? null : now,
      })
      .execute();
  }

  const unitIds: string[] = [];
  for (const [index, propertyName] of org.properties.entries()) {
    const { id: propertyId } = await trx
      .insertInto("properties")
      .values({
        organization_id: orgId,
        name: propertyName,
        address: `${100 + index * 20} Main Street`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const unitName of index === 0 ? ["101", "102", "103"] : ["201", "202"]) {
      const { id } = await trx
        .insertInto("units")
        .values({ organization_id: orgId, property_id: propertyId, name: unitName })
        .returning("id")
        .executeTakeFirstOrThrow();
      unitIds.push(id);
    }
  }
  const [unit101, unit102, , unit201, unit202] = unitIds as [
    string,
    string,
    string,
    string,
    string,
  ];

  const lease = async (unitId: string, startsIn: number, endsIn: number, residents: DemoRole[]) => {
    const { id } = await trx
      .insertInto("leases")
      .values({
        organization_id: orgId,
        unit_id: unitId,
        starts_on: addDays(today, startsIn),
        ends_on: addDays(today, endsIn),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("lease_residents")
      .values(
        residents.map((role) => ({ lease_id: id, user_id: who(role), organization_id: orgId })),
      )
      .execute();
  };
  await lease(unit101, -200, 165, ["resident", "roommate"]);
  await lease(unit102, 30, 395, ["future"]);
  await lease(unit201, -500, -30, ["former"]);
  await lease(unit202, -10, 355, ["invited"]);

  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const conversation = async (
    kind: "direct" | "unit_group" | "team" | "maintenance" | "broadcast",
    members: DemoRole[],
    lines: {
      from: DemoRole | null;
      body: string;
      minutesAgo: number;
      type?: MessageType;
      priority?: Priority;
    }[],
    extra: {
      title?: string;
      unitId?: string;
      maintenanceRequestId?: string;
      noReply?: boolean;
    } = {},
  ) => {
    const last = Math.min(...lines.map((l) => l.minutesAgo));
    const { id } = await trx
      .insertInto("conversations")
      .values({
        organization_id: orgId,
        kind,
        title: extra.title ?? null,
        unit_id: extra.unitId ?? null,
        maintenance_request_id: extra.maintenanceRequestId ?? null,
        created_by: owner,
        no_reply: extra.noReply ?? false,
        last_message_at: minutesAgo(last),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("conversation_participants")
      .values(
        members.map((role) => ({
          conversation_id: id,
          user_id: who(role),
          organization_id: orgId,
        })),
      )
      .execute();
    let lastId = 0;
    for (const line of lines) {
      const at = minutesAgo(line.minutesAgo);
      const row = await trx
        .insertInto("messages")
        .values({
          organization_id: orgId,
          conversation_id: id,
          sender_id: line.from ? who(line.from) : null,
          client_id: null,
          body: line.body,
          type: line.type ?? "general",
          priority: line.priority ?? "normal",
          scheduled_for: null,
          sent_at: at,
          created_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      // Everyone has read everything but the newest message, so inboxes show one unread.
      if (line !== lines[lines.length - 1]) lastId = row.id;
    }
    await trx
      .updateTable("conversation_participants")
      .set({ last_read_message_id: lastId, last_read_at: now })
      .where("conversation_id", "=", id)
      .execute();
  };

  if (org.slug === "coworking") {
    await conversation(
      "broadcast",
      ["owner", "resident", "roommate", "invited"],
      [
        {
          from: null,
          body: "The kitchen on level 2 is closed for cleaning on Friday morning.",
          minutesAgo: 300,
          type: "event",
        },
      ],
      { title: `${org.name} announcements`, noReply: true },
    );
    await conversation(
      "direct",
      ["resident", "roommate"],
      [
        { from: "resident", body: "Are you joining the Thursday lunch?", minutesAgo: 90 },
        { from: "roommate", body: "Yes, save me a seat!", minutesAgo: 80 },
      ],
    );
    return;
  }

  await conversation(
    "direct",
    ["owner", "resident"],
    [
      {
        from: "owner",
        body: "Hi Riley, a reminder that rent is due on the 1st.",
        minutesAgo: 2 * 24 * 60,
        type: "payment_reminder",
      },
      { from: "resident", body: "Thanks! Paid it this morning.", minutesAgo: 2 * 24 * 60 - 45 },
      { from: "owner", body: "Received, thank you.", minutesAgo: 24 * 60 },
      {
        from: "resident",
        body: "Could someone look at the hallway light on our floor?",
        minutesAgo: 35,
        priority: "high",
      },
    ],
  );
  await conversation(
    "unit_group",
    ["owner", "resident", "roommate"],
    [
      {
        from: "owner",
        body: "Water will be off in unit 101 on Tuesday from 10 to 12.",
        minutesAgo: 3 * 24 * 60,
        type: "maintenance",
      },
      { from: "roommate", body: "Noted, thanks for the heads-up.", minutesAgo: 3 * 24 * 60 - 30 },
    ],
    { unitId: unit101, title: "Unit 101" },
  );
  if (org.slug === "landlord-led") return;

  await conversation(
    "team",
    ["owner", "team"],
    [
      {
        from: "owner",
        body: "Can you cover the Birch House inspection on Monday?",
        minutesAgo: 6 * 60,
      },
      { from: "team", body: "Yes, I'll take it.", minutesAgo: 5 * 60 },
    ],
    { title: "Team" },
  );
  const { id: requestId } = await trx
    .insertInto("maintenance_requests")
    .values({
      organization_id: orgId,
      property_id: (
        await trx
          .selectFrom("units")
          .select("property_id")
          .where("id", "=", unit101)
          .executeTakeFirstOrThrow()
      ).property_id,
      unit_id: unit101,
      submitted_by: who("resident"),
      title: "Leaking kitchen faucet",
      description: "The kitchen faucet drips constantly.",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await conversation(
    "maintenance",
    ["owner", "resident", "pro"],
    [
      {
        from: "resident",
        body: "The kitchen faucet drips constantly.",
        minutesAgo: 26 * 60,
        type: "maintenance",
      },
      {
        from: "owner",
        body: "I've shared this with Devon from Hart Plumbing.",
        minutesAgo: 25 * 60,
        type: "maintenance",
      },
      {
        from: "pro",
        body: "I can come by tomorrow between 9 and 11.",
        minutesAgo: 20 * 60,
        type: "maintenance",
      },
    ],
    { title: "Leaking kitchen faucet", maintenanceRequestId: requestId },
  );
}
