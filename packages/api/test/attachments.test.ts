import { sql } from "@hearth/db";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanUnusedUploads } from "../src/files/clean-unused-uploads";
import { type FilesServer, startFilesServer } from "./fixtures/files-server";
import { createHarness, type Harness } from "./harness";
import { draft, outcome } from "./helpers";

let h: Harness;
let server: FilesServer;
beforeAll(async () => {
  h = await createHarness();
  server = await startFilesServer(h);
});
afterAll(async () => {
  await server.close();
  await h.close();
});

interface Uploaded {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
}

async function upload(email: string, name: string, bytes: Uint8Array<ArrayBuffer>) {
  const { app, cookie } = await server.cookieFor(email);
  const base = server.url(app);
  return fetch(`${base}/api/files?name=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { cookie, origin: base, "content-type": "application/octet-stream" },
    body: bytes,
  });
}

async function uploaded(
  email: string,
  name: string,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<Uploaded> {
  const response = await upload(email, name, bytes);
  expect(response.status).toBe(201);
  return (await response.json()) as Uploaded;
}

async function download(email: string | null, id: string) {
  const app = email ? (await server.cookieFor(email)).app : "manager";
  const cookie = email ? (await server.cookieFor(email)).cookie : "";
  return fetch(`${server.url(app)}/api/files/${id}`, { headers: cookie ? { cookie } : {} });
}

/** A small JPEG that says where it was taken, as phone photos do. */
async function photoWithLocation(): Promise<Uint8Array<ArrayBuffer>> {
  const gps = { GPSLatitudeRef: "N", GPSLatitude: "40/1 26/1 4612/100" };
  return new Uint8Array(
    await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c33" } })
      .jpeg()
      .withExifMerge({ IFD0: { Artist: "Riley" }, IFD3: gps })
      .toBuffer(),
  );
}

async function directWithRiley(slug: string) {
  const owner = await h.as(`owner@${slug}.demo`);
  const { rows } = await owner.conversations.list();
  return rows.find((r) => r.kind === "direct" && r.others.some((o) => o.name === "Riley Chen"))!;
}

describe("uploading", () => {
  it("re-encodes a photo without its EXIF location and keeps the sniffed type", async () => {
    const original = await photoWithLocation();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const file = await uploaded("resident@standard.demo", "leak.jpg", original);
    expect(file).toMatchObject({ fileName: "leak.jpg", mimeType: "image/jpeg" });
    const response = await download("resident@standard.demo", file.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("content-disposition")).toMatch(/^inline;/);
    const stored = new Uint8Array(await response.arrayBuffer());
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
  });

  it("judges the content, not the name: a PNG called .pdf is a PNG, a page called .jpg is refused", async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 4, background: "#000" } })
      .png()
      .toBuffer();
    const file = await uploaded("resident@standard.demo", "scan.pdf", new Uint8Array(png));
    expect(file.mimeType).toBe("image/png");
    const page = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    const refused = await upload("resident@standard.demo", "photo.jpg", page);
    expect(refused.status).toBe(415);
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    expect((await upload("resident@standard.demo", "icon.png", svg)).status).toBe(415);
  });

  it("serves a document as a download that nothing can run", async () => {
    const text = new TextEncoder().encode("Boiler serviced on 3 March.");
    const file = await uploaded("owner@standard.demo", "notes.txt", text);
    expect(file.mimeType).toBe("text/plain");
    const response = await download("owner@standard.demo", file.id);
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="notes.txt"/,
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("enforces the policy's size limit, with its reason, before the body is stored", async () => {
    await sql`update organizations set policy_overrides = policy_overrides || '{"maxAttachmentBytes": 2048}'::jsonb
      where slug = 'connected'`.execute(h.t.db);
    const big = new Uint8Array(4096).fill(65);
    const response = await upload("resident@connected.demo", "big.txt", big);
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error).toEqual({
      code: "attachment_too_large",
      message: "Files can be up to 2 KB.",
    });
  });

  it("refuses every upload where the profile has no attachments (coworking)", async () => {
    const response = await upload(
      "resident@coworking.demo",
      "a.txt",
      new TextEncoder().encode("hi"),
    );
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "attachments_disabled",
    );
  });

  it("answers 401 without a session and 403 to a post from another site", async () => {
    const base = server.url("resident");
    const anonymous = await fetch(`${base}/api/files?name=a.txt`, {
      method: "POST",
      headers: { origin: base },
      body: "hi",
    });
    expect(anonymous.status).toBe(401);
    const { cookie } = await server.cookieFor("resident@standard.demo");
    const crossSite = await fetch(`${base}/api/files?name=a.txt`, {
      method: "POST",
      headers: { cookie, origin: "https://evil.example" },
      body: "hi",
    });
    expect(crossSite.status).toBe(403);
  });
});

describe("files on messages", () => {
  it("attach on send, show in the thread and under View Files, newest first", async () => {
    const conversation = await directWithRiley("standard");
    const resident = await h.as("resident@standard.demo");
    const first = await uploaded("resident@standard.demo", "one.jpg", await photoWithLocation());
    const second = await uploaded("resident@standard.demo", "two.jpg", await photoWithLocation());
    await resident.conversations.send({
      conversationId: conversation.id,
      ...draft("Two photos of the leak"),
      attachmentIds: [first.id, second.id],
    });
    const owner = await h.as("owner@standard.demo");
    const { messages } = await owner.conversations.messages({ id: conversation.id });
    const sent = messages.find((m) => m.body === "Two photos of the leak")!;
    expect(sent.attachments.map((a) => a.fileName)).toEqual(["one.jpg", "two.jpg"]);
    const files = await owner.conversations.files({ id: conversation.id });
    expect(files.slice(0, 2).map((f) => f.sharedBy)).toEqual(["Riley Chen", "Riley Chen"]);
    expect(files.map((f) => f.id)).toEqual(expect.arrayContaining([first.id, second.id]));
  });

  it("a send naming someone else's upload fails whole: no message, the file stays theirs", async () => {
    const conversation = await directWithRiley("standard");
    const theirs = await uploaded("roommate@standard.demo", "x.txt", new TextEncoder().encode("x"));
    const resident = await h.as("resident@standard.demo");
    const before = await resident.conversations.messages({ id: conversation.id });
    expect(
      await outcome(() =>
        resident.conversations.send({
          conversationId: conversation.id,
          ...draft("Stealing a file"),
          attachmentIds: [theirs.id],
        }),
      ),
    ).toBe("BAD_REQUEST");
    const after = await resident.conversations.messages({ id: conversation.id });
    expect(after.messages.length).toBe(before.messages.length);
    expect((await download("resident@standard.demo", theirs.id)).status).toBe(404);
  });
});

describe("who may download a file of a message", () => {
  let fileId: string;
  beforeAll(async () => {
    const conversation = await directWithRiley("standard");
    const file = await uploaded("owner@standard.demo", "lease.txt", new TextEncoder().encode("L"));
    const owner = await h.as("owner@standard.demo");
    await owner.conversations.send({
      conversationId: conversation.id,
      ...draft("Your lease"),
      attachmentIds: [file.id],
    });
    fileId = file.id;
  });

  it.each([
    ["the sender", "owner@standard.demo", 200],
    ["the resident in the conversation", "resident@standard.demo", 200],
    ["a resident of the same organization outside it", "roommate@standard.demo", 404],
    ["a team member outside it", "team@standard.demo", 404],
    ["another organization's owner", "owner@connected.demo", 404],
    ["another organization's resident", "resident@connected.demo", 404],
    ["the platform operator", "operator@platform.demo", 401],
  ])("%s gets %i", async (_who, email, status) => {
    const response = await download(email, fileId);
    expect(response.status).toBe(status);
    if (status !== 200) expect(await response.text()).not.toContain("L\n");
  });

  it("anonymous gets 401, an unknown id 404", async () => {
    expect((await download(null, fileId)).status).toBe(401);
    expect((await download("owner@standard.demo", crypto.randomUUID())).status).toBe(404);
  });

  it("View Files of a conversation one is not part of is NOT_FOUND", async () => {
    const conversation = await directWithRiley("standard");
    const roommate = await h.as("roommate@standard.demo");
    const foreign = await h.as("owner@connected.demo");
    expect(await outcome(() => roommate.conversations.files({ id: conversation.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcome(() => foreign.conversations.files({ id: conversation.id }))).toBe(
      "NOT_FOUND",
    );
  });
});

describe("the cleanup job", () => {
  it("removes uploads no message took within a day, rows and bytes, and keeps the rest", async () => {
    const unused = await uploaded(
      "resident@standard.demo",
      "old.txt",
      new TextEncoder().encode("o"),
    );
    const fresh = await uploaded(
      "resident@standard.demo",
      "new.txt",
      new TextEncoder().encode("n"),
    );
    const { storage_key } = await h.t.db
      .updateTable("attachments")
      .set({ created_at: new Date(Date.now() - 25 * 3_600_000) })
      .where("id", "=", unused.id)
      .returning("storage_key")
      .executeTakeFirstOrThrow();
    const removed = await cleanUnusedUploads(h.deps, new Date());
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(await h.deps.files.get(storage_key)).toBeNull();
    expect((await download("resident@standard.demo", unused.id)).status).toBe(404);
    expect((await download("resident@standard.demo", fresh.id)).status).toBe(200);
  });
});
