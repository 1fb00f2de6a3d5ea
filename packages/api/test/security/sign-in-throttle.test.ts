import { sql } from "@hearth/db";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FAILURES_PER_EMAIL } from "../../src/auth/rate-limit";
import { clientAddress, PEER_ADDRESS_HEADER } from "../../src/server/client-address";
import { handleTrpcRequest } from "../../src/server/runtime";
import { createHarness, type Harness, runQueuedJobs } from "../harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function codeOf(run: Promise<unknown>): Promise<string> {
  return run.then(
    () => "ok",
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );
}

async function attemptsAt(email: string): Promise<number> {
  const row = await h.t.db
    .selectFrom("sign_in_attempts")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("sign-in throttle", () => {
  it("checks at most the limit's passwords when 100 attempts arrive at once", async () => {
    const email = "owner@coworking.demo";
    const codes = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        codeOf(
          h
            .anonymous("manager", { ip: "10.50.0.1" })
            .caller.auth.signIn({ email, password: `guess-${i}` }),
        ),
      ),
    );
    expect(codes.filter((c) => c === "UNAUTHORIZED")).toHaveLength(MAX_FAILURES_PER_EMAIL);
    expect(codes.filter((c) => c === "TOO_MANY_REQUESTS")).toHaveLength(
      100 - MAX_FAILURES_PER_EMAIL,
    );
    expect(await attemptsAt(email)).toBe(MAX_FAILURES_PER_EMAIL);
  });

  it("locks the guessing address out, not the owner signing in from elsewhere", async () => {
    const email = "owner@coworking.demo";
    const guesser = h.anonymous("manager", { ip: "10.50.0.1" }).caller;
    expect(await codeOf(guesser.auth.signIn({ email, password: "demo-password" }))).toBe(
      "TOO_MANY_REQUESTS",
    );
    const owner = h.anonymous("manager", { ip: "192.0.2.7" }).caller;
    expect(await codeOf(owner.auth.signIn({ email, password: "demo-password" }))).toBe("ok");
  });

  it("doubles the wait with each failure after the lock", async () => {
    const email = "team@coworking.demo";
    const ip = "10.60.0.1";
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++)
      await codeOf(h.anonymous("manager", { ip }).caller.auth.signIn({ email, password: "x" }));
    await sql`update sign_in_attempts set created_at = created_at - interval '16 minutes' where email = ${email}`.execute(
      h.t.db,
    );
    expect(
      await codeOf(h.anonymous("manager", { ip }).caller.auth.signIn({ email, password: "y" })),
    ).toBe("UNAUTHORIZED");
    const locked = await h
      .anonymous("manager", { ip })
      .caller.auth.signIn({ email, password: "demo-password" })
      .catch((e: TRPCError) => e);
    expect(locked).toBeInstanceOf(TRPCError);
    expect((locked as TRPCError).message).toMatch(/Try again in (29|30) minutes/);
  });

  it("emails the owner once their account is being guessed", async () => {
    await runQueuedJobs(h);
    const mail = await h.mailTo("owner@coworking.demo");
    expect(mail.filter((m) => /trying to sign in/.test(m.subject ?? ""))).toHaveLength(1);
    expect(mail.at(-1)?.body).toContain("10.50.0.1");
  });
});

describe("the client address", () => {
  const request = (headers: Record<string, string>) => new Request("http://app.test/", { headers });

  it("is the socket's by default, whatever X-Forwarded-For says", () => {
    const forged = request({ "x-forwarded-for": "203.0.113.9" });
    expect(clientAddress(forged, [], "198.51.100.4")).toBe("198.51.100.4");
    expect(clientAddress(forged, [], null)).toBeNull();
    expect(clientAddress(request({ [PEER_ADDRESS_HEADER]: "::ffff:198.51.100.4" }), [])).toBe(
      "198.51.100.4",
    );
  });

  it("comes from X-Forwarded-For only through a trusted proxy, nearest untrusted hop", () => {
    const viaProxy = request({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" });
    expect(clientAddress(viaProxy, ["10.0.0.1", "10.0.0.2"], "10.0.0.1")).toBe("203.0.113.9");
    expect(clientAddress(viaProxy, ["10.0.0.9"], "10.0.0.1")).toBe("10.0.0.1");
  });
});

describe("tRPC batches", () => {
  it("refuses a batch over the cap before running any call", async () => {
    const runtime = { deps: h.deps, env: {} as never, close: async () => {} };
    const paths = Array.from({ length: 100 }, () => "auth.signIn").join(",");
    const input = Object.fromEntries(
      Array.from({ length: 100 }, (_, i) => [
        i,
        { json: { email: "owner@landlord-led.demo", password: "wrong" } },
      ]),
    );
    const before = await attemptsAt("owner@landlord-led.demo");
    const response = await handleTrpcRequest(
      runtime,
      "manager",
      new Request(`http://app.test/api/trpc/${paths}?batch=1`, {
        method: "POST",
        headers: {
          origin: "http://app.test",
          host: "app.test",
          "content-type": "application/json",
        },
        body: JSON.stringify(input),
      }),
      { peerAddress: "10.70.0.1" },
    );
    expect(response.status).toBe(400);
    expect(await attemptsAt("owner@landlord-led.demo")).toBe(before);
  });
});
