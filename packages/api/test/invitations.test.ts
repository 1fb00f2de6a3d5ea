import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, createHarness, type Harness, runQueuedJobs } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

function tokenFrom(body: string, base: string): string {
  const match = body.match(new RegExp(`${base.replace(/[.]/g, "\\.")}/invite/([\\w-]+)`));
  if (!match?.[1]) throw new Error(`no invitation link in: ${body}`);
  return match[1];
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error.code;
}

describe("invitations", () => {
  it("lets a manager invite a resident, who sets a password from the mailed link and becomes connected", async () => {
    const manager = await h.as("owner@standard.demo");
    await manager.invitations.create({
      email: "New.Tenant@example.com",
      displayName: "New Tenant",
      kind: "resident",
    });
    const pending = await manager.invitations.pending();
    expect(pending.map((p) => p.email)).toContain("new.tenant@example.com");

    await runQueuedJobs(h);
    const [mail] = await h.mailTo("new.tenant@example.com");
    expect(mail?.subject).toBe("Morgan Reyes invited you to Maple Residential");
    const token = tokenFrom(mail!.body, "http://resident.test");

    const visitor = h.anonymous("resident");
    expect(await visitor.caller.auth.invitation({ token })).toMatchObject({
      email: "new.tenant@example.com",
      organizationName: "Maple Residential",
      app: "resident",
    });
    await visitor.caller.auth.acceptInvitation({ token, password: "a-good-password" });
    expect(visitor.resHeaders.get("Set-Cookie")).toMatch(/^hearth_resident_session=/);

    const connection = await h.t.db
      .selectFrom("connections")
      .innerJoin("users", "users.id", "connections.user_id")
      .select("connections.status")
      .where("users.email", "=", "new.tenant@example.com")
      .executeTakeFirstOrThrow();
    expect(connection.status).toBe("connected");
    const signedIn = await h
      .anonymous("resident")
      .caller.auth.signIn({ email: "new.tenant@example.com", password: "a-good-password" });
    expect(signedIn.kind).toBe("resident");
    expect(
      await codeOf(
        h
          .anonymous("resident")
          .caller.auth.acceptInvitation({ token, password: "another-password" }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("connects the seeded invited resident", async () => {
    const manager = await h.as("team@standard.demo");
    await manager.invitations.create({
      email: "invited@standard.demo",
      displayName: "Avery Kim",
      kind: "resident",
    });
    await runQueuedJobs(h);
    const mails = await h.mailTo("invited@standard.demo");
    const token = tokenFrom(mails.at(-1)!.body, "http://resident.test");
    await h
      .anonymous("resident")
      .caller.auth.acceptInvitation({ token, password: "avery-password" });
    const user = await h
      .anonymous("resident")
      .caller.auth.signIn({ email: "invited@standard.demo", password: "avery-password" });
    expect(user.displayName).toBe("Avery Kim");
  });

  it("sends sub-users to the manager app", async () => {
    const manager = await h.as("owner@connected.demo");
    await manager.invitations.create({
      email: "helper@example.com",
      displayName: "Helper",
      kind: "manager",
    });
    await runQueuedJobs(h);
    const [mail] = await h.mailTo("helper@example.com");
    const token = tokenFrom(mail!.body, "http://manager.test");
    expect(
      await codeOf(
        h
          .anonymous("resident")
          .caller.auth.acceptInvitation({ token, password: "helper-password" }),
      ),
    ).toBe("BAD_REQUEST");
    await h
      .anonymous("manager")
      .caller.auth.acceptInvitation({ token, password: "helper-password" });
    const user = await h.t.db
      .selectFrom("users")
      .select(["kind", "manager_role"])
      .where("email", "=", "helper@example.com")
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ kind: "manager", manager_role: "sub_user" });
  });

  it("refuses an expired link", async () => {
    const manager = await h.as("owner@standard.demo");
    await manager.invitations.create({
      email: "late@example.com",
      displayName: "Late",
      kind: "owner",
    });
    await runQueuedJobs(h);
    const token = tokenFrom((await h.mailTo("late@example.com"))[0]!.body, "http://resident.test");
    await h.t.db
      .updateTable("invitations")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("created_at", ">", new Date(Date.now() - 60_000))
      .execute();
    expect(await codeOf(h.anonymous("resident").caller.auth.invitation({ token }))).toBe(
      "NOT_FOUND",
    );
  });

  it("refuses a short password and changes nothing", async () => {
    const manager = await h.as("owner@standard.demo");
    await manager.invitations.create({
      email: "short@example.com",
      displayName: "Short",
      kind: "resident",
    });
    await runQueuedJobs(h);
    const token = tokenFrom((await h.mailTo("short@example.com"))[0]!.body, "http://resident.test");
    expect(
      await codeOf(
        h.anonymous("resident").caller.auth.acceptInvitation({ token, password: "short" }),
      ),
    ).toBe("BAD_REQUEST");
    const user = await h.t.db
      .selectFrom("users")
      .select("password_hash")
      .where("email", "=", "short@example.com")
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toBeNull();
  });

  it("refuses an email that belongs to another organization or is already connected, writing nothing", async () => {
    const manager = await h.as("owner@standard.demo");
    const before = await countRows(h, "invitations");
    expect(
      await codeOf(
        manager.invitations.create({
          email: "resident@connected.demo",
          displayName: "X",
          kind: "resident",
        }),
      ),
    ).toBe("CONFLICT");
    expect(
      await codeOf(
        manager.invitations.create({
          email: "resident@standard.demo",
          displayName: "X",
          kind: "resident",
        }),
      ),
    ).toBe("CONFLICT");
    expect(await countRows(h, "invitations")).toBe(before);
  });

  it("is for managers only", async () => {
    const resident = await h.as("resident@standard.demo");
    const before = await countRows(h, "users");
    expect(
      await codeOf(
        resident.invitations.create({ email: "x@example.com", displayName: "X", kind: "resident" }),
      ),
    ).toBe("FORBIDDEN");
    expect(await codeOf(resident.invitations.pending())).toBe("FORBIDDEN");
    expect(await countRows(h, "users")).toBe(before);
  });
});
