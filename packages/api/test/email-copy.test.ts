import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, rowCounts, runQueuedJobs } from "./harness";
import { draft, refusalOf } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function unitGroupOf(email: string): Promise<string> {
  const { rows } = await (await h.as(email)).conversations.list();
  const group = rows.find((row) => row.kind === "unit_group");
  if (!group) throw new Error(`${email} has no unit group`);
  return group.id;
}

describe("send a copy of this message to your recipient email (seed 001, 003)", () => {
  it("connected: each other participant gets one email from the organization, once per message", async () => {
    const owner = await h.as("owner@connected.demo");
    const conversationId = await unitGroupOf("owner@connected.demo");
    const message = {
      conversationId,
      ...draft("The water comes back at noon."),
      copyToEmail: true,
    };
    const sent = await owner.conversations.send(message);
    // A retry of the same send (same client id) queues nothing more.
    await owner.conversations.send(message);
    await runQueuedJobs(h);

    for (const email of ["resident@connected.demo", "roommate@connected.demo"]) {
      const mails = await h.mailTo(email);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toBe("Message from Morgan Reyes (Harbor Property Management)");
      expect(mails[0]?.body).toContain("The water comes back at noon.");
      expect(mails[0]?.body).toContain(`/messages/${conversationId}`);
    }
    expect(await h.mailTo("owner@connected.demo")).toEqual([]);
    // Answers go to the organization (its reply-to address, else its account owner), not nowhere.
    const queued = await h.t.db
      .selectFrom("outbound_emails")
      .select(["from_name", "reply_to"])
      .where("dedupe_key", "like", `copy:${sent.id}:%`)
      .execute();
    expect(queued).toEqual([
      { from_name: "Harbor Property Management", reply_to: "owner@connected.demo" },
      { from_name: "Harbor Property Management", reply_to: "owner@connected.demo" },
    ]);
    const stored = await h.t.db
      .selectFrom("messages")
      .select("copy_to_email")
      .where("id", "=", sent.id)
      .executeTakeFirstOrThrow();
    expect(stored.copy_to_email).toBe(true);
  });

  it("without the box ticked, nobody is emailed", async () => {
    const owner = await h.as("owner@connected.demo");
    const conversationId = await unitGroupOf("owner@connected.demo");
    const before = await rowCounts(h, { emails: "outbound_emails" });
    await owner.conversations.send({ conversationId, ...draft("Just in the app.") });
    expect(await rowCounts(h, { emails: "outbound_emails" })).toEqual(before);
  });

  it("landlord-led and standard refuse the copy with the policy's reason, and write nothing", async () => {
    for (const slug of ["landlord-led", "standard"]) {
      const owner = await h.as(`owner@${slug}.demo`);
      const conversationId = await unitGroupOf(`owner@${slug}.demo`);
      const before = await rowCounts(h, { messages: "messages", emails: "outbound_emails" });
      const refusal = await refusalOf(() =>
        owner.conversations.send({ conversationId, ...draft("Copy me"), copyToEmail: true }),
      );
      expect(refusal.code).toBe("copy_to_email_unavailable");
      expect(await rowCounts(h, { messages: "messages", emails: "outbound_emails" })).toEqual(
        before,
      );
    }
  });
});
