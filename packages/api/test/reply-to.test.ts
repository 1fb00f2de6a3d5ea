import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";
import { draft, outcome } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function replyToOf(slug: string) {
  return (
    await h.t.db
      .selectFrom("organizations")
      .select("notification_reply_to")
      .where("slug", "=", slug)
      .executeTakeFirstOrThrow()
  ).notification_reply_to;
}

describe("the organization's reply-to address (seed 003: the General inbox of the space)", () => {
  it("the owner sets it; email copies answer to it from then on; audited", async () => {
    const owner = await h.as("owner@connected.demo");
    const page = await owner.settings.organization();
    expect(page.replyTo).toEqual({ value: null, fallback: "owner@connected.demo" });
    await owner.settings.saveReplyTo({
      settingsVersion: page.settingsVersion,
      replyTo: "  frontdesk@harbor.example ",
    });
    expect(await replyToOf("connected")).toBe("frontdesk@harbor.example");

    const { rows } = await owner.conversations.list();
    const group = rows.find((row) => row.kind === "unit_group");
    if (!group) throw new Error("no unit group");
    const sent = await owner.conversations.send({
      conversationId: group.id,
      ...draft("Copied by email"),
      copyToEmail: true,
    });
    const replyTos = await h.t.db
      .selectFrom("outbound_emails")
      .select("reply_to")
      .where("dedupe_key", "like", `copy:${sent.id}:%`)
      .execute();
    expect(replyTos.map((row) => row.reply_to)).toEqual([
      "frontdesk@harbor.example",
      "frontdesk@harbor.example",
    ]);
    const audit = await h.t.db
      .selectFrom("audit_log")
      .select(["before", "after"])
      .where("action", "=", "settings.reply_to_changed")
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({
      before: { replyTo: null },
      after: { replyTo: "frontdesk@harbor.example" },
    });

    const cleared = await owner.settings.organization();
    await owner.settings.saveReplyTo({ settingsVersion: cleared.settingsVersion, replyTo: null });
    expect(await replyToOf("connected")).toBeNull();
  });

  it("refuses a bad address, a stale page and people who may not change settings, changing nothing", async () => {
    const owner = await h.as("owner@standard.demo");
    const { settingsVersion } = await owner.settings.organization();
    expect(
      await outcome(() => owner.settings.saveReplyTo({ settingsVersion, replyTo: "not-an-email" })),
    ).toBe("BAD_REQUEST");
    expect(
      await outcome(() =>
        owner.settings.saveReplyTo({
          settingsVersion: settingsVersion + 1,
          replyTo: "a@b.example",
        }),
      ),
    ).toBe("CONFLICT");
    const team = await h.as("team@standard.demo");
    expect(
      await outcome(() => team.settings.saveReplyTo({ settingsVersion, replyTo: "a@b.example" })),
    ).toMatch(/^FORBIDDEN/);
    const resident = await h.as("resident@standard.demo");
    expect(
      await outcome(() =>
        resident.settings.saveReplyTo({ settingsVersion, replyTo: "a@b.example" }),
      ),
    ).toBe("FORBIDDEN");
    expect(await replyToOf("standard")).toBeNull();
  });
});
