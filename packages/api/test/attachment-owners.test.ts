/**
 * Files beyond replies: photos on maintenance requests, files on board posts and comments and on
 * the first message of a new conversation. Each is readable only by whoever may read what it
 * belongs to, for every role, over the real `/api/files` route. File names are searchable.
 */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FilesServer, startFilesServer } from "./fixtures/files-server";
import { createHarness, type Harness, rowCounts } from "./harness";
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

async function uploaded(email: string, name: string, bytes: Uint8Array<ArrayBuffer>) {
  const { app, cookie } = await server.cookieFor(email);
  const base = server.url(app);
  const response = await fetch(`${base}/api/files?name=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { cookie, origin: base, "content-type": "application/octet-stream" },
    body: bytes,
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; fileName: string };
}

async function statusFor(email: string, id: string): Promise<number> {
  const { app, cookie } = await server.cookieFor(email);
  const response = await fetch(`${server.url(app)}/api/files/${id}`, { headers: { cookie } });
  await response.arrayBuffer();
  return response.status;
}

async function photo(): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(
    await sharp({ create: { width: 8, height: 6, channels: 3, background: "#36c" } })
      .jpeg()
      .toBuffer(),
  );
}

const text = (words: string) => new TextEncoder().encode(words);

async function setThreads(email: string, enabled: boolean) {
  await (await h.as(email)).maintenance.setMaintenanceThreads({ enabled });
}

describe("photos on maintenance requests", () => {
  it("go on the request and its thread's first message; every role reads them as it may read the request", async () => {
    const first = await uploaded("resident@connected.demo", "leak-under-sink.jpg", await photo());
    const second = await uploaded("resident@connected.demo", "ceiling-stain.jpg", await photo());
    const resident = await h.as("resident@connected.demo");
    const submitted = await resident.maintenance.submit({
      title: "Leak under the sink",
      description: "Water pools under the kitchen sink.",
      attachmentIds: [first.id, second.id],
    });
    expect(submitted.conversationId).not.toBeNull();

    const mine = (await resident.maintenance.list()).requests.find(
      (r) => r.id === submitted.requestId,
    )!;
    expect(mine.attachments.map((a) => a.fileName)).toEqual([
      "leak-under-sink.jpg",
      "ceiling-stain.jpg",
    ]);
    const owner = await h.as("owner@connected.demo");
    const detail = await owner.maintenance.detail({ requestId: submitted.requestId });
    expect(detail.attachments.map((a) => a.id)).toEqual([first.id, second.id]);
    const page = await owner.maintenance.page();
    expect(page.rows.find((r) => r.id === submitted.requestId)?.attachments).toHaveLength(2);
    const thread = await owner.conversations.messages({ id: submitted.conversationId! });
    expect(thread.messages[0]?.attachments.map((a) => a.fileName)).toEqual([
      "leak-under-sink.jpg",
      "ceiling-stain.jpg",
    ]);
    const files = await owner.conversations.files({ id: submitted.conversationId! });
    expect(files.map((f) => f.id).sort()).toEqual([first.id, second.id].sort());

    const expected: [string, number][] = [
      ["resident@connected.demo", 200],
      ["roommate@connected.demo", 404],
      ["owner@connected.demo", 200],
      ["team@connected.demo", 200],
      ["owner@standard.demo", 404],
      ["resident@standard.demo", 404],
      ["pro@connected.demo", 404],
    ];
    for (const [email, status] of expected)
      expect(await statusFor(email, first.id), email).toBe(status);

    await owner.maintenance.share({
      requestId: submitted.requestId,
      userIds: [await h.userId("pro@connected.demo")],
    });
    expect(await statusFor("pro@connected.demo", first.id)).toBe(200);
    expect(await statusFor("roommate@connected.demo", first.id)).toBe(404);
  });

  it("without a thread the request alone carries them: managers read them, a pro once it is shared, and the thread made then shows them", async () => {
    const file = await uploaded("resident@connected.demo", "broken-hinge.jpg", await photo());
    const resident = await h.as("resident@connected.demo");
    await setThreads("owner@connected.demo", false);
    await setThreads("team@connected.demo", false);
    let requestId: string;
    try {
      const submitted = await resident.maintenance.submit({
        title: "Cabinet hinge",
        description: "The hinge came off.",
        attachmentIds: [file.id],
      });
      expect(submitted.conversationId).toBeNull();
      requestId = submitted.requestId;
    } finally {
      await setThreads("owner@connected.demo", true);
      await setThreads("team@connected.demo", true);
    }
    expect(await statusFor("owner@connected.demo", file.id)).toBe(200);
    expect(await statusFor("team@connected.demo", file.id)).toBe(200);
    expect(await statusFor("pro@connected.demo", file.id)).toBe(404);
    expect(await statusFor("owner@landlord-led.demo", file.id)).toBe(404);

    const owner = await h.as("owner@connected.demo");
    const shared = await owner.maintenance.share({
      requestId,
      userIds: [await h.userId("pro@connected.demo")],
    });
    expect(shared.created).toBe(true);
    expect(await statusFor("pro@connected.demo", file.id)).toBe(200);
    const pro = await h.as("pro@connected.demo");
    const thread = await pro.conversations.messages({ id: shared.conversationId! });
    expect(thread.messages[0]?.attachments.map((a) => a.id)).toEqual([file.id]);
  });

  it("someone else's upload refuses the whole request: nothing is written", async () => {
    const theirs = await uploaded("roommate@connected.demo", "theirs.txt", text("mine"));
    const resident = await h.as("resident@connected.demo");
    const count = () => rowCounts(h, { requests: "maintenance_requests", messages: "messages" });
    const before = await count();
    expect(
      await outcome(() =>
        resident.maintenance.submit({
          title: "Borrowed photo",
          description: "Not my file.",
          attachmentIds: [theirs.id],
        }),
      ),
    ).toBe("BAD_REQUEST");
    expect(await count()).toEqual(before);
    expect(await statusFor("roommate@connected.demo", theirs.id)).toBe(200);
  });
});

async function harborView(): Promise<string> {
  return (
    await h.t.db
      .selectFrom("properties as p")
      .innerJoin("organizations as o", "o.id", "p.organization_id")
      .select("p.id")
      .where("o.slug", "=", "connected")
      .where("p.name", "=", "Harbor View")
      .executeTakeFirstOrThrow()
  ).id;
}

describe("files on board posts and comments", () => {
  it("are readable by whoever may read the post, and a hidden comment's only by moderators", async () => {
    const notice = await uploaded("owner@connected.demo", "pool-rules.txt", text("No glass."));
    const owner = await h.as("owner@connected.demo");
    const post = await owner.board.createPost({
      title: "Pool rules",
      body: "Read the rules attached.",
      category: "notice",
      propertyId: await harborView(),
      attachmentIds: [notice.id],
    });
    const resident = await h.as("resident@connected.demo");
    const commentFile = await uploaded("resident@connected.demo", "towel.jpg", await photo());
    const comment = await resident.board.comment({
      postId: post.id,
      body: "Is this towel anyone's?",
      attachmentIds: [commentFile.id],
    });
    const read = await resident.board.post({ id: post.id });
    expect(read.attachments.map((a) => a.fileName)).toEqual(["pool-rules.txt"]);
    expect(read.comments[0]?.attachments.map((a) => a.fileName)).toEqual(["towel.jpg"]);

    const expected: [string, number][] = [
      ["owner@connected.demo", 200],
      ["resident@connected.demo", 200],
      ["roommate@connected.demo", 200],
      ["former@connected.demo", 404],
      ["pro@connected.demo", 404],
      ["owner@standard.demo", 404],
    ];
    for (const [email, status] of expected) {
      expect(await statusFor(email, notice.id), email).toBe(status);
      expect(await statusFor(email, commentFile.id), email).toBe(status);
    }

    await owner.board.setCommentHidden({ commentId: comment.id, hidden: true });
    expect(await statusFor("roommate@connected.demo", commentFile.id)).toBe(404);
    expect(await statusFor("owner@connected.demo", commentFile.id)).toBe(200);
    expect(await statusFor("roommate@connected.demo", notice.id)).toBe(200);

    await owner.board.deletePost({ postId: post.id });
    expect(await statusFor("owner@connected.demo", notice.id)).toBe(404);
  });

  it("a file can't go on two things: an upload already on a post refuses the comment", async () => {
    const file = await uploaded("owner@connected.demo", "map.txt", text("Map"));
    const owner = await h.as("owner@connected.demo");
    const post = await owner.board.createPost({
      title: "Parking map",
      body: "See the map.",
      category: "notice",
      attachmentIds: [file.id],
    });
    expect(
      await outcome(() =>
        owner.board.comment({ postId: post.id, body: "Again", attachmentIds: [file.id] }),
      ),
    ).toBe("BAD_REQUEST");
    expect((await owner.board.post({ id: post.id })).comments).toHaveLength(0);
    // And the database refuses it too, whatever writes the row.
    const message = await h.t.db
      .selectFrom("messages")
      .select("id")
      .limit(1)
      .executeTakeFirstOrThrow();
    await expect(
      h.t.db
        .updateTable("attachments")
        .set({ message_id: message.id })
        .where("id", "=", file.id)
        .execute(),
    ).rejects.toThrow(/attachments_one_owner/);
  });
});

describe("files on the first message of a new conversation", () => {
  it("attach to the message that starts it, for its people only", async () => {
    const file = await uploaded("owner@standard.demo", "welcome-pack.txt", text("Welcome"));
    const owner = await h.as("owner@standard.demo");
    const started = await owner.conversations.start({
      target: { kind: "direct", recipientId: await h.userId("future@standard.demo") },
      message: draft("Your welcome pack"),
      attachmentIds: [file.id],
    });
    const { messages } = await owner.conversations.messages({ id: started.conversationId });
    const sent = messages.find((m) => m.body === "Your welcome pack")!;
    expect(sent.attachments.map((a) => a.fileName)).toEqual(["welcome-pack.txt"]);
    expect(await statusFor("future@standard.demo", file.id)).toBe(200);
    expect(await statusFor("roommate@standard.demo", file.id)).toBe(404);
  });
});

describe("search", () => {
  it("a file's name finds the message that carries it, only for its readers", async () => {
    const file = await uploaded("owner@standard.demo", "boiler-warranty-2026.txt", text("W"));
    const owner = await h.as("owner@standard.demo");
    const started = await owner.conversations.start({
      target: { kind: "direct", recipientId: await h.userId("resident@standard.demo") },
      message: draft("Paperwork for you"),
      attachmentIds: [file.id],
    });
    const resident = await h.as("resident@standard.demo");
    const found = await resident.search.messages({ q: "warranty" });
    const hit = found.hits.find((one) => one.conversationId === started.conversationId);
    expect(hit?.excerpt).toBe("boiler-warranty-2026.txt");
    expect(hit?.highlights).toEqual([{ start: 7, end: 15 }]);
    const roommate = await h.as("roommate@standard.demo");
    const notFound = await roommate.search.messages({ q: "warranty" });
    expect(notFound.hits).toHaveLength(0);
  });
});
