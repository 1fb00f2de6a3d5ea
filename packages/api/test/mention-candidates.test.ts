/**
 * The composer's @ picker (issue 11): it offers whom the policy lets the sender mention in this
 * conversation, by the name the send recognises, so a picked mention notifies that person.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";
import { draft, outcome } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function conversationWith(email: string, name: string, kind = "direct") {
  const caller = await h.as(email);
  const { rows } = await caller.conversations.list();
  const conversation = rows.find((r) => r.kind === kind && r.others.some((o) => o.name === name));
  if (!conversation) throw new Error(`no ${kind} conversation of ${email} with ${name}`);
  return { caller, conversationId: conversation.id };
}

describe("mentions.candidates", () => {
  it("offers the other people of the conversation, never the sender", async () => {
    const { caller, conversationId } = await conversationWith(
      "resident@connected.demo",
      "Morgan Reyes",
    );
    const candidates = await caller.mentions.candidates({ conversationId });
    expect(candidates.map((c) => c.name)).toContain("Morgan Reyes");
    expect(candidates.map((c) => c.userId)).not.toContain(
      await h.userId("resident@connected.demo"),
    );
  });

  it("offers nobody where the profile has no mentions", async () => {
    const { caller, conversationId } = await conversationWith(
      "resident@standard.demo",
      "Morgan Reyes",
    );
    expect(await caller.mentions.candidates({ conversationId })).toEqual([]);
  });

  it("answers only a participant of the conversation", async () => {
    const { conversationId } = await conversationWith("resident@connected.demo", "Morgan Reyes");
    const stranger = await h.as("owner@standard.demo");
    expect(await outcome(() => stranger.mentions.candidates({ conversationId }))).toBe("NOT_FOUND");
  });

  it("a picked name, as the picker writes it, is a mention the person is notified of", async () => {
    const { caller, conversationId } = await conversationWith(
      "resident@connected.demo",
      "Morgan Reyes",
    );
    const [morgan] = (await caller.mentions.candidates({ conversationId })).filter(
      (c) => c.name === "Morgan Reyes",
    );
    if (!morgan) throw new Error("Morgan Reyes not offered");
    const sent = await caller.conversations.send({
      conversationId,
      ...draft(`@${morgan.name} the hallway light is out`),
    });
    const notification = await h.t.db
      .selectFrom("notifications")
      .select(["user_id", "kind"])
      .where("message_id", "=", sent.id)
      .executeTakeFirst();
    expect(notification).toEqual({ user_id: morgan.userId, kind: "mention" });
  });
});
