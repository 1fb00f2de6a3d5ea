import { createHash } from "node:crypto";
import { DEMO_PASSWORD } from "@hearth/db/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESET_REQUESTED_MESSAGE } from "../src/auth/password-reset";
import { MAX_RESETS_PER_EMAIL } from "../src/auth/reset-throttle";
import { createHarness, type Harness, runQueuedJobs } from "./harness";
import { outcome } from "./helpers";

let h: Harness;
let now = new Date();
beforeAll(async () => {
  h = await createHarness({ clock: { now: () => now } });
});
afterAll(() => h.close());

const minutes = (n: number) => n * 60_000;

/** The token of the newest reset link in the dev mailbox of `email`, once the outbox is sent. */
async function resetTokenFor(email: string): Promise<string | null> {
  await runQueuedJobs(h);
  const mails = await h.mailTo(email);
  const link = [...mails].reverse().find((m) => m.subject === "Choose a new Hearth password");
  return link?.body.match(/\/reset-password\/([\w-]+)/)?.[1] ?? null;
}

function request(email: string, ip = "10.1.1.1") {
  return h.anonymous("resident", { ip }).caller.auth.requestPasswordReset({ email });
}

describe("forgot password", () => {
  it("answers the same whether or not the email has an account, and mails only a real one", async () => {
    expect(await request("resident@standard.demo")).toEqual({ message: RESET_REQUESTED_MESSAGE });
    expect(await request("nobody@standard.demo")).toEqual({ message: RESET_REQUESTED_MESSAGE });
    // Invited, never connected: their invitation sets the first password.
    expect(await request("invited@standard.demo")).toEqual({ message: RESET_REQUESTED_MESSAGE });
    expect(await resetTokenFor("resident@standard.demo")).toMatch(/^[\w-]{40,}$/);
    expect(await resetTokenFor("nobody@standard.demo")).toBeNull();
    expect(await resetTokenFor("invited@standard.demo")).toBeNull();
    const mail = (await h.mailTo("resident@standard.demo")).at(-1);
    expect(mail?.body).toContain("http://resident.test/reset-password/");
    expect(mail?.body).toContain("30 minutes");
  });

  it("keeps only the token's hash, and the link for a manager opens the manager app", async () => {
    await request("owner@standard.demo");
    const token = await resetTokenFor("owner@standard.demo");
    if (!token) throw new Error("no link");
    expect((await h.mailTo("owner@standard.demo")).at(-1)?.body).toContain(
      "http://manager.test/reset-password/",
    );
    const rows = await h.t.db.selectFrom("password_reset_tokens").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows.map((r) => r.token_hash)).toContain(
      createHash("sha256").update(token).digest("hex"),
    );
  });

  it("sets the new password, ends every session, works once and does not sign in", async () => {
    const email = "roommate@standard.demo";
    await h.as(email);
    await h.as(email);
    await request(email);
    const token = await resetTokenFor(email);
    if (!token) throw new Error("no link");
    const { caller, resHeaders } = h.anonymous("resident");
    expect(await caller.auth.passwordReset({ token })).toEqual({ email, app: "resident" });
    expect(await caller.auth.resetPassword({ token, password: "reset-password-1" })).toEqual({
      email,
    });
    expect(resHeaders.get("Set-Cookie")).toBeNull();
    const sessions = await h.t.db
      .selectFrom("sessions")
      .select("id")
      .where("user_id", "=", await h.userId(email))
      .execute();
    expect(sessions).toEqual([]);
    expect(
      await outcome(() => caller.auth.resetPassword({ token, password: "another-password-2" })),
    ).toBe("NOT_FOUND");
    expect(await outcome(() => caller.auth.passwordReset({ token }))).toBe("NOT_FOUND");
    const signIn = h.anonymous("resident").caller.auth;
    expect(await outcome(() => signIn.signIn({ email, password: DEMO_PASSWORD }))).toBe(
      "UNAUTHORIZED",
    );
    expect(await outcome(() => signIn.signIn({ email, password: "reset-password-1" }))).toBe("ok");
    await runQueuedJobs(h);
    expect((await h.mailTo(email)).map((m) => m.subject)).toContain(
      "Your Hearth password was changed",
    );
  });

  it("two uses of one link at once: one sets the password, the other is refused", async () => {
    const email = "future@standard.demo";
    await request(email);
    const token = await resetTokenFor(email);
    if (!token) throw new Error("no link");
    const results = await Promise.all(
      ["race-password-a", "race-password-b"].map((password) =>
        outcome(() => h.anonymous("resident").caller.auth.resetPassword({ token, password })),
      ),
    );
    expect(results.sort()).toEqual(["NOT_FOUND", "ok"]);
  });

  it("a link expires after 30 minutes, and a newer link replaces an older one", async () => {
    const email = "pro@standard.demo";
    await request(email, "10.2.2.2");
    const first = await resetTokenFor(email);
    now = new Date(now.getTime() + minutes(31));
    const { caller } = h.anonymous("resident");
    if (!first) throw new Error("no link");
    expect(
      await outcome(() => caller.auth.resetPassword({ token: first, password: "too-late-pass" })),
    ).toBe("NOT_FOUND");
    await request(email, "10.2.2.2");
    const second = await resetTokenFor(email);
    await request(email, "10.2.2.2");
    const third = await resetTokenFor(email);
    if (!second || !third) throw new Error("no link");
    expect(third).not.toBe(second);
    expect(
      await outcome(() => caller.auth.resetPassword({ token: second, password: "replaced-pass" })),
    ).toBe("NOT_FOUND");
    expect(
      await outcome(() => caller.auth.resetPassword({ token: third, password: "newest-password" })),
    ).toBe("ok");
  });

  it("is throttled per email alike for known and unknown emails, also when raced", async () => {
    for (const email of ["landowner@standard.demo", "ghost@standard.demo"]) {
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => outcome(() => request(email, `10.3.3.${i}`))),
      );
      expect(results.filter((r) => r === "ok")).toHaveLength(MAX_RESETS_PER_EMAIL);
      expect(results.filter((r) => r === "TOO_MANY_REQUESTS")).toHaveLength(
        8 - MAX_RESETS_PER_EMAIL,
      );
    }
    await runQueuedJobs(h);
    const links = (await h.mailTo("landowner@standard.demo")).filter(
      (m) => m.subject === "Choose a new Hearth password",
    );
    expect(links).toHaveLength(MAX_RESETS_PER_EMAIL);
    // An hour later the email may ask again.
    now = new Date(now.getTime() + minutes(61));
    expect(await outcome(() => request("landowner@standard.demo"))).toBe("ok");
  });

  it("is throttled per address across emails", async () => {
    const results: string[] = [];
    for (let i = 0; i < 22; i++)
      results.push(await outcome(() => request(`someone-${i}@example.com`, "10.4.4.4")));
    expect(results.filter((r) => r === "TOO_MANY_REQUESTS")).toHaveLength(2);
  });

  it("refuses a bad token or a short password without writing", async () => {
    const { caller } = h.anonymous("manager");
    expect(
      await outcome(() =>
        caller.auth.resetPassword({ token: "x".repeat(43), password: "long-enough-pass" }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await outcome(() => caller.auth.resetPassword({ token: "x".repeat(43), password: "short" })),
    ).toBe("BAD_REQUEST");
    expect(await outcome(() => caller.auth.requestPasswordReset({ email: "not an email" }))).toBe(
      "BAD_REQUEST",
    );
  });
});
