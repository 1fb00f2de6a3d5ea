import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FAILURES_PER_EMAIL } from "../src/auth/rate-limit";
import { totpCode } from "../src/auth/totp";
import { createHarness, type Harness } from "./harness";

let h: Harness;
let now = new Date("2026-03-02T10:00:05Z");
const later = (seconds: number) => {
  now = new Date(now.getTime() + seconds * 1000);
};
beforeAll(async () => {
  h = await createHarness({ clock: { now: () => now } });
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

const email = "owner@standard.demo";
const password = "demo-password";

async function sessionCount(): Promise<number> {
  const userId = await h.userId(email);
  const row = await h.t.db
    .selectFrom("sessions")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("user_id", "=", userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function failuresFrom(ip: string): Promise<number> {
  const row = await h.t.db
    .selectFrom("sign_in_attempts")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("email", "=", email)
    .where("ip", "=", ip)
    .where("succeeded", "=", false)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("two-factor sign-in", () => {
  let secret = "";

  it("is offered to managers and operators only", async () => {
    const resident = await h.as("resident@standard.demo");
    expect((await refusal(resident.twoFactor.begin())).code).toBe("FORBIDDEN");
    const operator = await h.as("operator@platform.demo");
    expect((await operator.twoFactor.begin()).otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
  });

  it("turns on with a valid code from the new secret, not with a wrong one", async () => {
    const owner = await h.as(email);
    const begun = await owner.twoFactor.begin();
    secret = begun.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(begun.otpauthUrl).toContain(`secret=${secret}`);
    expect(begun.otpauthUrl).toContain("issuer=Hearth");
    // Begun is not on: signing in needs no code yet.
    await h.anonymous("manager", { ip: "10.2.0.9" }).caller.auth.signIn({ email, password });

    const wrong = totpCode(secret, now) === "000000" ? "111111" : "000000";
    const refused = await refusal(owner.twoFactor.enable({ code: wrong }));
    expect(refused.code).toBe("UNAUTHORIZED");
    expect(await owner.twoFactor.status()).toMatchObject({ enabled: false });

    expect(await owner.twoFactor.enable({ code: totpCode(secret, now) })).toEqual({
      enabled: true,
    });
    expect(await owner.twoFactor.status()).toMatchObject({ enabled: true });
    expect((await refusal(owner.twoFactor.begin())).code).toBe("CONFLICT");
  });

  it("refuses a sign-in without a code and starts no session", async () => {
    later(30);
    const before = await sessionCount();
    const { caller, resHeaders } = h.anonymous("manager", { ip: "10.2.0.1" });
    const error = await refusal(caller.auth.signIn({ email, password }));
    expect(error.code).toBe("UNAUTHORIZED");
    expect(error.message).toBe("Enter the 6-digit code from your authenticator app.");
    expect(resHeaders.get("Set-Cookie")).toBeNull();
    expect(await sessionCount()).toBe(before);
  });

  it("still refuses a wrong password first, whatever the code", async () => {
    const error = await refusal(
      h
        .anonymous("manager", { ip: "10.2.0.1" })
        .caller.auth.signIn({ email, password: "wrong-password", code: totpCode(secret, now) }),
    );
    expect(error.message).toBe("That email and password do not match an account.");
  });

  it("signs in with a valid code, and refuses the same code again", async () => {
    const code = totpCode(secret, now);
    const before = await sessionCount();
    const { caller, resHeaders } = h.anonymous("manager", { ip: "10.2.0.2" });
    const user = await caller.auth.signIn({ email, password, code });
    expect(user.email).toBe(email);
    expect(resHeaders.get("Set-Cookie")).toMatch(/^hearth_manager_session=/);
    expect(await sessionCount()).toBe(before + 1);

    const again = h.anonymous("manager", { ip: "10.2.0.3" });
    const reused = await refusal(again.caller.auth.signIn({ email, password, code }));
    expect(reused.code).toBe("UNAUTHORIZED");
    expect(again.resHeaders.get("Set-Cookie")).toBeNull();
    expect(await sessionCount()).toBe(before + 1);
    // A reused code is a failed attempt in the throttle.
    expect(await failuresFrom("10.2.0.3")).toBe(1);
  });

  it("counts wrong codes in the throttle: after the limit even the right code waits", async () => {
    later(30);
    const ip = "10.2.0.4";
    const wrong = totpCode(secret, now) === "000000" ? "111111" : "000000";
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      const error = await refusal(
        h.anonymous("manager", { ip }).caller.auth.signIn({ email, password, code: wrong }),
      );
      expect(error.code).toBe("UNAUTHORIZED");
    }
    expect(await failuresFrom(ip)).toBe(MAX_FAILURES_PER_EMAIL);
    const locked = await refusal(
      h
        .anonymous("manager", { ip })
        .caller.auth.signIn({ email, password, code: totpCode(secret, now) }),
    );
    expect(locked.code).toBe("TOO_MANY_REQUESTS");
  });

  it("turns off with a valid code; then the password alone signs in", async () => {
    later(30);
    const owner = await h.as(email);
    const wrong = totpCode(secret, now) === "000000" ? "111111" : "000000";
    expect((await refusal(owner.twoFactor.disable({ code: wrong }))).code).toBe("UNAUTHORIZED");
    expect(await owner.twoFactor.disable({ code: totpCode(secret, now) })).toEqual({
      enabled: false,
    });
    const row = await h.t.db
      .selectFrom("users")
      .select(["totp_secret", "totp_enabled_at"])
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_secret: null, totp_enabled_at: null });
    await h.anonymous("manager", { ip: "10.2.0.5" }).caller.auth.signIn({ email, password });
    expect((await refusal(owner.twoFactor.disable({ code: "123456" }))).code).toBe(
      "PRECONDITION_FAILED",
    );
  });
});
