import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";
import { outcome } from "./helpers";

let h: Harness;
const now = new Date("2026-03-31T14:00:00Z");
beforeAll(async () => {
  h = await createHarness({ clock: { now: () => now } });
});
afterAll(() => h.close());

async function conversationWith(email: string, name: string) {
  const caller = await h.as(email);
  const { rows } = await caller.conversations.list();
  const row = rows.find((r) => r.kind === "direct" && r.others.some((o) => o.name === name));
  if (!row) throw new Error(`no conversation with ${name}`);
  return { caller, conversationId: row.id };
}

describe("templates (standard, seed 000: create and save message templates)", () => {
  it("fills variables per recipient, previewed before sending", async () => {
    const { caller: owner, conversationId } = await conversationWith(
      "owner@standard.demo",
      "Riley Chen",
    );
    const { id } = await owner.templates.create({
      name: "Rent reminder",
      type: "payment_reminder",
      shared: true,
      body: "Hi {{resident.first_name}}, rent for {{unit}} at {{property}} is due {{tomorrow}}. {{manager.name}}",
    });
    const preview = await owner.templates.preview({ conversationId, templateId: id });
    expect(preview.type).toBe("payment_reminder");
    expect(preview.body).toMatch(/^Hi Riley, rent for \S.* at \S.* is due April 1, 2026\. \S/);
    expect(preview.body).not.toContain("{{");
    const listed = await owner.templates.list();
    expect(listed.templates).toContainEqual(
      expect.objectContaining({ id, shared: true, editable: true, type: "payment_reminder" }),
    );
  });

  it("keeps personal templates to their owner; shared ones are the account owner's to change", async () => {
    const owner = await h.as("owner@standard.demo");
    const team = await h.as("team@standard.demo");
    const mine = await team.templates.create({
      name: "My sign-off",
      body: "Thanks, {{manager.name}}",
      shared: false,
    });
    expect((await owner.templates.list()).templates.some((t) => t.id === mine.id)).toBe(false);
    expect(await outcome(() => owner.templates.delete({ id: mine.id }))).toBe("NOT_FOUND");
    expect(
      await outcome(() => team.templates.create({ name: "Shared", body: "Hi", shared: true })),
    ).toBe("FORBIDDEN:shared_templates_owner_only");
    const shared = await owner.templates.create({
      name: "Welcome",
      body: "Welcome!",
      shared: true,
    });
    const teamView = await team.templates.list();
    expect(teamView.templates).toContainEqual(
      expect.objectContaining({ id: shared.id, editable: false }),
    );
    expect(await outcome(() => team.templates.delete({ id: shared.id }))).toBe(
      "FORBIDDEN:shared_templates_owner_only",
    );
    await team.templates.update({ id: mine.id, body: "Cheers, {{manager.name}}" });
    await team.templates.delete({ id: mine.id });
  });

  it("refuses residents, profiles without templates, other organizations' ids and bad input", async () => {
    const resident = await h.as("resident@standard.demo");
    expect(await outcome(() => resident.templates.list())).toBe("FORBIDDEN:managers_only");
    for (const slug of ["connected", "coworking"]) {
      const other = await h.as(`owner@${slug}.demo`);
      expect(await outcome(() => other.templates.list())).toBe("FORBIDDEN:templates_unavailable");
    }
    const landlord = await h.as("owner@landlord-led.demo");
    const foreign = await landlord.templates.create({ name: "Keys", body: "Keys", shared: true });
    const { caller: owner, conversationId } = await conversationWith(
      "owner@standard.demo",
      "Riley Chen",
    );
    expect(await outcome(() => owner.templates.delete({ id: foreign.id }))).toBe("NOT_FOUND");
    expect(
      await outcome(() => owner.templates.preview({ conversationId, templateId: foreign.id })),
    ).toBe("NOT_FOUND");
    const { rows } = await landlord.conversations.list();
    expect(
      await outcome(() => owner.templates.preview({ conversationId: rows[0]!.id, body: "Hi" })),
    ).toBe("NOT_FOUND");
    expect(
      await outcome(() =>
        owner.templates.create({ name: "Typo", body: "Hi {{unit_number}}", shared: false }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await outcome(() => owner.templates.create({ name: " ", body: "Hi", shared: false })),
    ).toBe("BAD_REQUEST");
  });
});
