import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";
import { draft, outcome } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("signatures (standard, seed 000: 'Add a professional signature to all your outgoing messages')", () => {
  it("goes below the manager's messages, apart from the text", async () => {
    const owner = await h.as("owner@standard.demo");
    await owner.signature.save({ signature: "Dana Whitfield\nProperty manager" });
    expect((await owner.signature.get()).signature).toBe("Dana Whitfield\nProperty manager");
    const { rows } = await owner.conversations.list();
    const conversationId = rows.find((r) => r.kind === "direct")!.id;
    const message = draft("The elevator is fixed.");
    await owner.conversations.send({ conversationId, ...message });
    const resident = await h.as("resident@standard.demo");
    const seen = (await resident.conversations.messages({ id: conversationId })).messages;
    const sent = seen.find((m) => m.clientId === message.clientId);
    expect(sent?.body).toBe("The elevator is fixed.");
    expect(sent?.signature).toBe("Dana Whitfield\nProperty manager");
  });

  it("is refused where the profile has none, to residents, and too long", async () => {
    for (const slug of ["connected", "coworking", "landlord-led"]) {
      const other = await h.as(`owner@${slug}.demo`);
      expect(await outcome(() => other.signature.save({ signature: "Hi" }))).toBe(
        "FORBIDDEN:signatures_unavailable",
      );
    }
    const resident = await h.as("resident@standard.demo");
    expect(await outcome(() => resident.signature.save({ signature: "Riley" }))).toBe(
      "FORBIDDEN:managers_only",
    );
    const owner = await h.as("owner@standard.demo");
    expect(await outcome(() => owner.signature.save({ signature: "x".repeat(501) }))).toBe(
      "BAD_REQUEST",
    );
  });
});
