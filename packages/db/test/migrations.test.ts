import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDownAll, migrateToLatest } from "../src/migrate";
import { createTestDatabase, type TestDatabase } from "../src/testing/index";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.destroy());

async function tables(): Promise<string[]> {
  const result = await sql<{
    tablename: string;
  }>`select tablename from pg_tables where schemaname = 'public' order by 1`.execute(t.db);
  return result.rows.map((r) => r.tablename);
}

describe("migrations", () => {
  it("create every table of the domain", async () => {
    expect(await tables()).toEqual(
      expect.arrayContaining([
        "organizations",
        "users",
        "properties",
        "units",
        "leases",
        "lease_residents",
        "connections",
        "invitations",
        "conversations",
        "conversation_participants",
        "messages",
        "message_revisions",
        "attachments",
        "board_posts",
        "board_comments",
        "maintenance_request_updates",
        "maintenance_requests",
        "templates",
        "user_settings",
        "notifications",
        "notification_deliveries",
        "audit_log",
        "sessions",
        "email_notification_queue",
        "email_notification_digests",
        "signing_keys",
      ]),
    );
  });

  it("roll all the way down and up again", async () => {
    expect(await migrateDownAll(t.db)).toEqual([
      "0019_team_inbox",
      "0018_announcement_pins",
      "0017_customer_settings",
      "0016_web_push",
      "0015_sms",
      "0013_attachment_owners",
      "0012_scheduled_and_automatic_messages",
      "0011_notifications",
      "0010_maintenance_updates",
      "0009_board_moderation",
      "0008_accounts",
      "0007_search_outbox",
      "0006_two_factor",
      "0005_resident_leases",
      "0004_inbox_counters",
      "0003_event_log_outbox",
      "0002_message_search_indexes",
      "0001_initial",
    ]);
    expect((await tables()).filter((name) => !name.startsWith("kysely_"))).toEqual([]);
    expect(await migrateToLatest(t.db)).toEqual([
      "0001_initial",
      "0002_message_search_indexes",
      "0003_event_log_outbox",
      "0004_inbox_counters",
      "0005_resident_leases",
      "0006_two_factor",
      "0007_search_outbox",
      "0008_accounts",
      "0009_board_moderation",
      "0010_maintenance_updates",
      "0011_notifications",
      "0012_scheduled_and_automatic_messages",
      "0013_attachment_owners",
      "0015_sms",
      "0016_web_push",
      "0017_customer_settings",
      "0018_announcement_pins",
      "0019_team_inbox",
    ]);
    expect(await migrateToLatest(t.db)).toEqual([]);
  });

  it("refuse a row that points into another organization", async () => {
    const [a, b] = await t.db
      .insertInto("organizations")
      .values([
        { slug: "org-a", name: "A", policy_profile: "standard" },
        { slug: "org-b", name: "B", policy_profile: "standard" },
      ])
      .returning("id")
      .execute();
    const conversation = await t.db
      .insertInto("conversations")
      .values({
        organization_id: a!.id,
        kind: "direct",
        title: null,
        unit_id: null,
        maintenance_request_id: null,
        created_by: null,
        last_message_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const insertForeign = t.db
      .insertInto("messages")
      .values({
        organization_id: b!.id,
        conversation_id: conversation.id,
        sender_id: null,
        client_id: null,
        body: "x",
        scheduled_for: null,
        sent_at: null,
        created_at: new Date(),
      })
      .execute();
    await expect(insertForeign).rejects.toThrow(/foreign key/);
  });

  it("keep a client id unique per sender", async () => {
    const org = await t.db
      .insertInto("organizations")
      .values({ slug: "org-c", name: "C", policy_profile: "standard" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const user = await t.db
      .insertInto("users")
      .values({
        organization_id: org.id,
        email: "m@c.test",
        display_name: "M",
        kind: "manager",
        manager_role: "account_owner",
        password_hash: null,
        phone: null,
        timezone: null,
        plan: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const conversation = await t.db
      .insertInto("conversations")
      .values({
        organization_id: org.id,
        kind: "team",
        title: null,
        unit_id: null,
        maintenance_request_id: null,
        created_by: user.id,
        last_message_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const message = {
      organization_id: org.id,
      conversation_id: conversation.id,
      sender_id: user.id,
      client_id: "c-1",
      body: "hi",
      scheduled_for: null,
      sent_at: new Date(),
      created_at: new Date(),
    };
    await t.db.insertInto("messages").values(message).execute();
    await expect(t.db.insertInto("messages").values(message).execute()).rejects.toThrow(
      /messages_sender_client_key/,
    );
  });

  it("refuse a manager without a role and an operator inside an organization", async () => {
    const org = await t.db
      .insertInto("organizations")
      .values({ slug: "org-d", name: "D", policy_profile: "standard" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const base = {
      display_name: "X",
      password_hash: null,
      phone: null,
      timezone: null,
      plan: null,
    };
    await expect(
      t.db
        .insertInto("users")
        .values({
          ...base,
          organization_id: org.id,
          email: "x@d.test",
          kind: "manager",
          manager_role: null,
        })
        .execute(),
    ).rejects.toThrow(/check constraint/);
    await expect(
      t.db
        .insertInto("users")
        .values({
          ...base,
          organization_id: org.id,
          email: "y@d.test",
          kind: "operator",
          manager_role: null,
        })
        .execute(),
    ).rejects.toThrow(/check constraint/);
  });
});
