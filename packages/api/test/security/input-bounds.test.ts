import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createHarness, type Harness } from "../harness";
import { draft } from "../helpers";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function errorOf(run: () => Promise<unknown>): Promise<TRPCError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to be refused");
}

async function ownersConversation() {
  const owner = await h.as("owner@standard.demo");
  const { rows } = await owner.conversations.list();
  return { owner, id: rows[0]!.id };
}

describe("numbers bounded to their columns", () => {
  it("refuses ids and cursors beyond bigint with a 400, not a database error", async () => {
    const { owner, id } = await ownersConversation();
    const operator = await h.as("operator@platform.demo");
    for (const huge of [1e20, 2 ** 63, 2 ** 53]) {
      for (const run of [
        () => owner.conversations.messages({ id, cursor: huge }),
        () => owner.conversations.markRead({ id, upToMessageId: huge }),
        () => owner.conversations.edit({ messageId: huge, body: "x" }),
        () => owner.conversations.delete({ messageId: huge }),
        () => operator.operator.auditLog({ before: huge }),
      ]) {
        expect((await errorOf(run)).code).toBe("BAD_REQUEST");
      }
    }
  });
});

describe("text that cannot be stored", () => {
  it("refuses a NUL byte or a lone surrogate with an error on the field", async () => {
    const { owner, id } = await ownersConversation();
    for (const bad of ["a\u0000b", "a\uD800b", "\uDC00"]) {
      const error = await errorOf(() =>
        owner.conversations.send({ conversationId: id, ...draft(bad) }),
      );
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.cause).toBeInstanceOf(ZodError);
      expect((error.cause as ZodError).flatten().fieldErrors.body).toBeDefined();
    }
    const search = await errorOf(() => owner.directory.people({ search: "x\u0000" }));
    expect(search.code).toBe("BAD_REQUEST");
  });

  it("keeps a well-formed pair of surrogates (an emoji)", async () => {
    const { owner, id } = await ownersConversation();
    await expect(
      owner.conversations.send({ conversationId: id, ...draft("Done 👍") }),
    ).resolves.toMatchObject({ created: true });
  });
});

describe("unknown fields", () => {
  it("are refused, not ignored", async () => {
    const { owner, id } = await ownersConversation();
    const input = { id, archived: true, organizationId: "x" };
    const error = await errorOf(() =>
      owner.conversations.archive(input as unknown as { id: string; archived: boolean }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/organizationId/);
  });
});

describe("paged inputs", () => {
  it("accept what tRPC's infinite queries add (cursor and direction)", async () => {
    const { owner, id } = await ownersConversation();
    await expect(
      owner.conversations.list({ cursor: null, direction: "forward" }),
    ).resolves.toBeTruthy();
    await expect(
      owner.conversations.messages({ id, cursor: null, direction: "forward" }),
    ).resolves.toBeTruthy();
  });
});

describe("names shown to others", () => {
  it("lose their bidi override characters", async () => {
    const owner = await h.as("owner@standard.demo");
    const invited = await owner.invitations.create({
      email: "bidi@standard.demo",
      displayName: "Eve \u202Egpj.exe\u202C",
      kind: "resident",
    });
    expect(invited).toBeTruthy();
    const row = await h.t.db
      .selectFrom("users")
      .select("display_name")
      .where("email", "=", "bidi@standard.demo")
      .executeTakeFirstOrThrow();
    expect(row.display_name).toBe("Eve gpj.exe");
  });
});
