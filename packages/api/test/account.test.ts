import { DEMO_PASSWORD } from "@hearth/db/seed";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";
import { outcome } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function sessionsOf(email: string): Promise<string[]> {
  const rows = await h.t.db
    .selectFrom("sessions")
    .select("id")
    .where("user_id", "=", await h.userId(email))
    .orderBy("id")
    .execute();
  return rows.map((row) => row.id);
}

async function displayNameOf(email: string): Promise<string> {
  return (
    await h.t.db
      .selectFrom("users")
      .select("display_name")
      .where("email", "=", email)
      .executeTakeFirstOrThrow()
  ).display_name;
}

async function fieldErrorsOf(run: () => Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await run();
  } catch (error) {
    if (error instanceof TRPCError) {
      const cause = error.cause as { fieldErrors?: Record<string, unknown> } | undefined;
      if (cause?.fieldErrors) return cause.fieldErrors;
      const flatten = (cause as { flatten?: () => { fieldErrors: Record<string, unknown> } })
        ?.flatten;
      if (flatten) return flatten.call(cause).fieldErrors;
    }
    throw error;
  }
  throw new Error("expected the call to be refused");
}

describe("account: time zone", () => {
  it("a person picks their own time zone; the session carries it from the next request, audited", async () => {
    const email = "resident@standard.demo";
    const caller = await h.as(email);
    expect((await caller.auth.me())?.user.timeZone).toBeNull();
    expect(await caller.account.changeTimeZone({ timeZone: "Asia/Kolkata" })).toEqual({
      timeZone: "Asia/Kolkata",
    });
    expect((await (await h.as(email)).auth.me())?.user.timeZone).toBe("Asia/Kolkata");
    const audit = await h.t.db
      .selectFrom("audit_log")
      .select(["before", "after"])
      .where("target_id", "=", await h.userId(email))
      .where("action", "=", "user.time_zone_changed")
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ before: { timeZone: null }, after: { timeZone: "Asia/Kolkata" } });

    await caller.account.changeTimeZone({ timeZone: null });
    expect((await (await h.as(email)).auth.me())?.user.timeZone).toBeNull();
  });

  it("refuses a zone Intl does not know, and changes nothing", async () => {
    const email = "owner@standard.demo";
    const caller = await h.as(email);
    await caller.account.changeTimeZone({ timeZone: "Europe/Paris" });
    for (const timeZone of ["Mars/Olympus_Mons", "", "x".repeat(65)])
      expect(await fieldErrorsOf(() => caller.account.changeTimeZone({ timeZone }))).toEqual({
        timeZone: ["Choose a time zone"],
      });
    expect((await (await h.as(email)).auth.me())?.user.timeZone).toBe("Europe/Paris");
  });
});

describe("account: display name", () => {
  it("every kind of user renames themselves; others see the new name on their next request", async () => {
    for (const email of [
      "resident@connected.demo",
      "pro@connected.demo",
      "owner@connected.demo",
      "operator@platform.demo",
    ]) {
      const caller = await h.as(email);
      expect(await caller.account.changeName({ displayName: `  New ${email}  ` })).toEqual({
        displayName: `New ${email}`,
      });
      expect(await displayNameOf(email)).toBe(`New ${email}`);
      expect((await (await h.as(email)).auth.me())?.user.displayName).toBe(`New ${email}`);
    }
    const owner = await h.as("owner@connected.demo");
    const people = await owner.directory.people();
    expect(people.map((p) => p.displayName)).toContain("New resident@connected.demo");
    const audit = await h.t.db
      .selectFrom("audit_log")
      .select(["action", "before", "after"])
      .where("target_id", "=", await h.userId("resident@connected.demo"))
      .where("action", "=", "user.renamed")
      .executeTakeFirstOrThrow();
    expect(audit.after).toEqual({ displayName: "New resident@connected.demo" });
  });

  it("strips bidi overrides from the new name and refuses an empty one, NUL or an unknown field", async () => {
    const caller = await h.as("roommate@connected.demo");
    await caller.account.changeName({ displayName: "Sam \u202Egpj.exe\u202C\u200F" });
    expect(await displayNameOf("roommate@connected.demo")).toBe("Sam gpj.exe");
    const before = await displayNameOf("roommate@connected.demo");
    expect(
      await fieldErrorsOf(() => caller.account.changeName({ displayName: "\u202E " })),
    ).toEqual({
      displayName: ["Enter a name"],
    });
    expect(await outcome(() => caller.account.changeName({ displayName: "a\u0000b" }))).toBe(
      "BAD_REQUEST",
    );
    expect(
      await outcome(() =>
        caller.account.changeName({ displayName: "Ok", userId: "x" } as { displayName: string }),
      ),
    ).toBe("BAD_REQUEST");
    expect(await displayNameOf("roommate@connected.demo")).toBe(before);
  });

  it("acts on the caller only: another organization's user or organization id is refused, nothing changes", async () => {
    const caller = await h.as("owner@standard.demo");
    const foreignUser = await h.userId("owner@connected.demo");
    const foreignOrg = (
      await h.t.db
        .selectFrom("organizations")
        .select("id")
        .where("slug", "=", "connected")
        .executeTakeFirstOrThrow()
    ).id;
    const before = await displayNameOf("owner@connected.demo");
    for (const extra of [
      { userId: foreignUser },
      { id: foreignUser },
      { organizationId: foreignOrg },
    ]) {
      expect(
        await outcome(() =>
          caller.account.changeName({ displayName: "Hijacked", ...extra } as {
            displayName: string;
          }),
        ),
      ).toBe("BAD_REQUEST");
      expect(
        await outcome(() =>
          caller.account.changePassword({
            currentPassword: DEMO_PASSWORD,
            newPassword: "hijacked-password",
            ...extra,
          } as { currentPassword: string; newPassword: string }),
        ),
      ).toBe("BAD_REQUEST");
    }
    expect(await displayNameOf("owner@connected.demo")).toBe(before);
    expect(await displayNameOf("owner@standard.demo")).not.toBe("Hijacked");
  });

  it("signed out: refused, nothing written", async () => {
    const { caller } = h.anonymous("resident");
    expect(await outcome(() => caller.account.changeName({ displayName: "Ghost" }))).toBe(
      "UNAUTHORIZED",
    );
    expect(
      await outcome(() =>
        caller.account.changePassword({ currentPassword: "x", newPassword: "long-enough-1" }),
      ),
    ).toBe("UNAUTHORIZED");
  });
});

describe("account: password", () => {
  it("needs the current password; a wrong one is a field error and counts as a failed sign-in", async () => {
    const caller = await h.as("future@connected.demo");
    expect(
      await fieldErrorsOf(() =>
        caller.account.changePassword({
          currentPassword: "not-my-password",
          newPassword: "a-brand-new-password",
        }),
      ),
    ).toEqual({ currentPassword: ["That is not your current password."] });
    const attempts = await h.t.db
      .selectFrom("sign_in_attempts")
      .select(["succeeded"])
      .where("email", "=", "future@connected.demo")
      .execute();
    expect(attempts).toEqual([{ succeeded: false }]);
    expect(
      await fieldErrorsOf(() =>
        caller.account.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: "short" }),
      ),
    ).toEqual({ newPassword: ["Use at least 10 characters"] });
  });

  it("is throttled like sign-in: a stolen session cannot guess the password faster", async () => {
    const caller = await h.as("landowner@connected.demo", { ip: "10.9.9.9" });
    const results: string[] = [];
    for (let i = 0; i < 7; i++)
      results.push(
        await outcome(() =>
          caller.account.changePassword({
            currentPassword: `guess-${i}`,
            newPassword: "a-brand-new-password",
          }),
        ),
      );
    expect(results).toEqual([
      ...Array(5).fill("BAD_REQUEST"),
      "TOO_MANY_REQUESTS",
      "TOO_MANY_REQUESTS",
    ]);
  });

  it("changes it, keeps this session, signs every other session out and tells the owner", async () => {
    const email = "resident@connected.demo";
    const current = await h.session(email);
    await h.as(email);
    const ids = await sessionsOf(email);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const result = await current.caller.account.changePassword({
      currentPassword: DEMO_PASSWORD,
      newPassword: "a-brand-new-password",
    });
    expect(result.otherSessionsEnded).toBe(ids.length - 1);
    const remaining = await sessionsOf(email);
    expect(remaining).toHaveLength(1);
    expect(await current.caller.auth.me()).not.toBeNull();
    for (const id of ids.filter((id) => !remaining.includes(id)))
      expect((await h.deps.auth.resident.validateSession(id)).session).toBeNull();
    const { caller: fresh } = h.anonymous("resident");
    expect(await outcome(() => fresh.auth.signIn({ email, password: DEMO_PASSWORD }))).toBe(
      "UNAUTHORIZED",
    );
    expect(
      await outcome(() => fresh.auth.signIn({ email, password: "a-brand-new-password" })),
    ).toBe("ok");
    const notices = await h.t.db
      .selectFrom("outbound_emails")
      .select("subject")
      .where("recipient", "=", email)
      .execute();
    expect(notices.map((n) => n.subject)).toContain("Your Hearth password was changed");
    const audit = await h.t.db
      .selectFrom("audit_log")
      .select("action")
      .where("target_id", "=", await h.userId(email))
      .where("action", "=", "password.changed")
      .execute();
    expect(audit).toHaveLength(1);
  });
});
