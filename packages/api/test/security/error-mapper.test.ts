import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "@hearth/db";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleTrpcRequest } from "../../src/server/runtime";
import { createHarness, type Harness } from "../harness";

let h: Harness;
let server: Server;
let base: string;

// An unexpected failure on demand: the audit log's table is gone from this file's database.
beforeAll(async () => {
  h = await createHarness();
  await sql`alter table audit_log rename to audit_log_gone`.execute(h.t.db);
  const runtime = { deps: h.deps, env: {} as never, close: async () => {} };
  server = createServer(async (req, res) => {
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers))
      if (typeof value === "string") headers.set(key, value);
    const response = await handleTrpcRequest(
      runtime,
      "manager",
      new Request(`http://${req.headers.host}${req.url}`, { headers }),
    );
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

describe("an unexpected error", () => {
  it("reaches a server-side caller as a generic message with the request id", async () => {
    const operator = await h.as("operator@platform.demo");
    const error = await operator.operator.auditLog({}).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    const message = (error as TRPCError).message;
    expect(message).toMatch(/^Something went wrong on our side \(reference test-\d+\)/);
    expect(message).not.toMatch(/audit_log|relation|does not exist/);
  });

  it("is answered over HTTP with a 500 that carries the id and no database text", async () => {
    const session = await h.deps.auth.manager.createSession(
      await h.userId("operator@platform.demo"),
      { app: "manager" },
    );
    const response = await fetch(`${base}/api/trpc/operator.auditLog`, {
      headers: {
        cookie: h.deps.auth.manager.createSessionCookie(session.id).serialize(),
        "x-request-id": "req-abcdef123",
      },
    });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).toContain("req-abcdef123");
    expect(text).not.toMatch(/audit_log|relation|does not exist|\.ts:\d+/);
  });
});
