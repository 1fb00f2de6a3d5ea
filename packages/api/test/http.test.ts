import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleTrpcRequest } from "../src/server/runtime";
import { createHarness, type Harness } from "./harness";

let h: Harness;
let server: Server;
let base: string;

/** Serves the manager app's `/api/trpc` over real HTTP, as the Remix resource route does. */
beforeAll(async () => {
  h = await createHarness();
  const runtime = { deps: h.deps, env: {} as never, close: async () => {} };
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers))
      if (typeof value === "string") headers.set(key, value);
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers,
      body: req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks),
    });
    const response = await handleTrpcRequest(runtime, "manager", request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

function signIn(body: unknown, origin: string | null) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (origin) headers.origin = origin;
  return fetch(`${base}/api/trpc/auth.signIn`, {
    method: "POST",
    headers,
    body: JSON.stringify({ json: body }),
  });
}

describe("the tRPC endpoint over HTTP", () => {
  it("signs in from the same origin and the cookie then identifies the user", async () => {
    const response = await signIn(
      { email: "owner@landlord-led.demo", password: "demo-password" },
      base,
    );
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie")!.split(";")[0]!;
    const me = await fetch(`${base}/api/trpc/auth.me`, { headers: { cookie } });
    const body = (await me.json()) as {
      result: { data: { json: { user: { email: string }; organization: { slug: string } } } };
    };
    expect(body.result.data.json.user.email).toBe("owner@landlord-led.demo");
    expect(body.result.data.json.organization.slug).toBe("landlord-led");
  });

  it("refuses a mutation from another origin, or with no origin, and writes nothing", async () => {
    const before = await h.t.db
      .selectFrom("sessions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    for (const origin of ["http://evil.example", null]) {
      const response = await signIn(
        { email: "owner@landlord-led.demo", password: "demo-password" },
        origin,
      );
      expect(response.status).toBe(403);
      expect(response.headers.get("set-cookie")).toBeNull();
    }
    const after = await h.t.db
      .selectFrom("sessions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("answers bad input with a 400: the message is for a person, the fields are in fieldErrors", async () => {
    const response = await signIn({ email: "nope", password: "" }, base);
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { json: { message: string; data: { fieldErrors: Record<string, string[]> } } };
    };
    expect(body.error.json.message).toBe("Enter a valid email address Enter your password");
    expect(body.error.json.data.fieldErrors).toEqual({
      email: ["Enter a valid email address"],
      password: ["Enter your password"],
    });
  });

  it("answers a signed-out call with 401, not 500", async () => {
    const response = await fetch(`${base}/api/trpc/conversations.list`);
    expect(response.status).toBe(401);
  });

  it("answers an unknown procedure with 404", async () => {
    const response = await fetch(`${base}/api/trpc/nothing.here`);
    expect(response.status).toBe(404);
  });
});
