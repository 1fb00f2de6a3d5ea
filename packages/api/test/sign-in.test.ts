import { sql } from "@hearth/db";
import { DEMO_PASSWORD, demoLogins } from "@hearth/db/seed";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { MAX_FAILURES_PER_EMAIL } from "../src/auth/rate-limit";
import { createHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

describe("sign-in", () => {
  it("starts a session for a manager in the manager app and sets an HttpOnly, SameSite=Lax cookie", async () => {
    const { caller, resHeaders } = h.anonymous("manager");
    const user = await caller.auth.signIn({
      email: "Owner@Standard.demo",
      password: "demo-password",
    });
    expect(user).toMatchObject({
      email: "owner@standard.demo",
      kind: "manager",
      managerRole: "account_owner",
    });
    const cookie = resHeaders.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^hearth_manager_session=\w+/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    const sessions = await h.t.db
      .selectFrom("sessions")
      .select("app")
      .where("user_id", "=", user.id)
      .execute();
    expect(sessions).toContainEqual({ app: "manager" });
  });

  it("signs residents, service pros and owners in to the resident app", async () => {
    for (const email of [
      "resident@connected.demo",
      "pro@connected.demo",
      "landowner@connected.demo",
    ]) {
      const { caller, resHeaders } = h.anonymous("resident");
      await caller.auth.signIn({ email, password: "demo-password" });
      expect(resHeaders.get("Set-Cookie")).toMatch(/^hearth_resident_session=/);
    }
  });

  it("refuses the wrong kind of account with a message naming the right app", async () => {
    const resident = await refusal(
      h
        .anonymous("manager")
        .caller.auth.signIn({ email: "resident@standard.demo", password: "demo-password" }),
    );
    expect(resident.code).toBe("FORBIDDEN");
    expect(resident.message).toBe(
      "This account signs in to the resident portal at http://resident.test/login.",
    );
    const operator = await refusal(
      h
        .anonymous("resident")
        .caller.auth.signIn({ email: "operator@platform.demo", password: "demo-password" }),
    );
    expect(operator.message).toContain("the manager app");
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const wrong = await refusal(
      h.anonymous("manager").caller.auth.signIn({ email: "team@standard.demo", password: "nope" }),
    );
    const unknown = await refusal(
      h
        .anonymous("manager")
        .caller.auth.signIn({ email: "nobody@standard.demo", password: "nope" }),
    );
    expect(wrong.code).toBe("UNAUTHORIZED");
    expect(unknown.message).toBe(wrong.message);
  });

  it("refuses an invited person who has not set a password", async () => {
    const error = await refusal(
      h
        .anonymous("resident")
        .caller.auth.signIn({ email: "invited@standard.demo", password: "any-password" }),
    );
    expect(error.code).toBe("UNAUTHORIZED");
  });

  it("names the field of invalid input", async () => {
    const error = await refusal(
      h.anonymous("manager").caller.auth.signIn({ email: "not-an-email", password: "x" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toBeInstanceOf(ZodError);
    expect((error.cause as ZodError).flatten().fieldErrors).toEqual({
      email: ["Enter a valid email address"],
    });
  });

  it(`locks an email out at an address after ${MAX_FAILURES_PER_EMAIL} failures there, even with the right password`, async () => {
    const email = "team@connected.demo";
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      const error = await refusal(
        h.anonymous("manager", { ip: "10.1.0.1" }).caller.auth.signIn({ email, password: "wrong" }),
      );
      expect(error.code).toBe("UNAUTHORIZED");
    }
    const locked = await refusal(
      h
        .anonymous("manager", { ip: "10.1.0.1" })
        .caller.auth.signIn({ email, password: "demo-password" }),
    );
    expect(locked.code).toBe("TOO_MANY_REQUESTS");
    expect(locked.message).toMatch(/Try again in 1[45] minutes\./);
    // Another account is not affected.
    await h
      .anonymous("manager")
      .caller.auth.signIn({ email: "owner@connected.demo", password: "demo-password" });
  });

  it("frees the email once the failures are older than the window", async () => {
    await sql`update sign_in_attempts set created_at = created_at - interval '16 minutes' where email = 'team@connected.demo'`.execute(
      h.t.db,
    );
    const user = await h
      .anonymous("manager", { ip: "10.1.0.1" })
      .caller.auth.signIn({ email: "team@connected.demo", password: "demo-password" });
    expect(user.email).toBe("team@connected.demo");
  });

  it("locks out an address that tries many emails", async () => {
    const ip = "10.9.9.9";
    for (let i = 0; i < 30; i++) {
      await refusal(
        h
          .anonymous("resident", { ip })
          .caller.auth.signIn({ email: `guess${i}@standard.demo`, password: "x" }),
      );
    }
    const locked = await refusal(
      h
        .anonymous("resident", { ip })
        .caller.auth.signIn({ email: "resident@standard.demo", password: "demo-password" }),
    );
    expect(locked.code).toBe("TOO_MANY_REQUESTS");
    await h
      .anonymous("resident", { ip: "10.9.9.10" })
      .caller.auth.signIn({ email: "resident@standard.demo", password: "demo-password" });
  });
});

describe("every demo login", () => {
  it("signs in to its own app and is refused by the other", async () => {
    const seen: string[] = [];
    for (const login of demoLogins()) {
      const own = h.anonymous(login.app, { ip: null });
      await own.caller.auth.signIn({ email: login.email, password: DEMO_PASSWORD });
      expect(own.resHeaders.get("Set-Cookie"), login.email).toMatch(
        new RegExp(`^hearth_${login.app}_session=`),
      );
      const other = login.app === "manager" ? "resident" : "manager";
      const refused = await refusal(
        h
          .anonymous(other, { ip: null })
          .caller.auth.signIn({ email: login.email, password: DEMO_PASSWORD }),
      );
      expect(refused.code, login.email).toBe("FORBIDDEN");
      seen.push(login.email);
    }
    expect(seen).toHaveLength(33);
  });
});

describe("sessions", () => {
  async function newSession(email: string) {
    const id = await h.userId(email);
    return h.deps.auth.resident.createSession(id, { app: "resident" });
  }

  it("signs out: the session ends and the cookie is cleared", async () => {
    await h.t.db
      .deleteFrom("sessions")
      .where("user_id", "=", await h.userId("roommate@standard.demo"))
      .execute();
    const { caller, resHeaders } = await h.session("roommate@standard.demo");
    const me = await caller.auth.me();
    expect(me?.user.email).toBe("roommate@standard.demo");
    const sessionsBefore = await h.t.db
      .selectFrom("sessions")
      .select("id")
      .where("user_id", "=", me!.user.id)
      .execute();
    expect(sessionsBefore).toHaveLength(1);
    await caller.auth.signOut();
    const sessionsAfter = await h.t.db
      .selectFrom("sessions")
      .select("id")
      .where("user_id", "=", me!.user.id)
      .execute();
    expect(sessionsAfter).toEqual([]);
    expect(resHeaders.get("Set-Cookie")).toMatch(/^hearth_resident_session=; .*Max-Age=0/);
  });

  it("expires: a session past its end no longer validates", async () => {
    const session = await newSession("future@standard.demo");
    await h.t.db
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", session.id)
      .execute();
    const result = await h.deps.auth.resident.validateSession(session.id);
    expect(result.session).toBeNull();
  });

  it("refreshes: a session in the second half of its life is extended", async () => {
    const session = await newSession("former@standard.demo");
    const soon = new Date(Date.now() + 5 * 86_400_000);
    await h.t.db
      .updateTable("sessions")
      .set({ expires_at: soon })
      .where("id", "=", session.id)
      .execute();
    const result = await h.deps.auth.resident.validateSession(session.id);
    expect(result.session?.fresh).toBe(true);
    expect(result.session!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  });

  it("answers me() with null when signed out", async () => {
    expect(await h.anonymous("manager").caller.auth.me()).toBeNull();
  });
});
