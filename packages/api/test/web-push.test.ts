/**
 * Web Push (issue 11): VAPID keys made once and kept, subscriptions per person, and the
 * `send_push` outbox job: once per message and subscription, as the person's settings say, with
 * subscriptions the push service calls gone removed. The push service is a loopback stand-in
 * that checks the VAPID signature and decrypts each body, as a browser vendor's would.
 */
import { createDb, sql } from "@hearth/db";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger";
import { sendPushForMessage } from "../src/push/send-push";
import { type PushTransport, webPushTransport } from "../src/push/transport";
import { vapidKeys } from "../src/push/vapid-keys";
import { createHarness, type Harness, runQueuedJobs } from "./harness";
import { draft, outcome } from "./helpers";
import { type StandInPushService, startStandInPushService } from "./stand-in-push-service";

let h: Harness;
let service: StandInPushService;
beforeAll(async () => {
  h = await createHarness();
  service = await startStandInPushService();
  process.env.WEB_PUSH_EXTRA_ENDPOINTS = "http://127.0.0.1";
});
afterAll(async () => {
  delete process.env.WEB_PUSH_EXTRA_ENDPOINTS;
  await service.close();
  await h.close();
});

type Caller = Awaited<ReturnType<Harness["as"]>>;

async function directConversation(slug: string) {
  const owner = await h.as(`owner@${slug}.demo`);
  const resident = await h.as(`resident@${slug}.demo`);
  const { rows } = await resident.conversations.list();
  const conversation = rows.find(
    (r) => r.kind === "direct" && r.others.some((o) => o.name === "Morgan Reyes"),
  );
  if (!conversation) throw new Error(`no direct conversation with the owner in ${slug}`);
  return { owner, resident, conversationId: conversation.id };
}

async function subscribe(caller: Caller) {
  const subscription = service.subscription();
  await caller.push.subscribe({ endpoint: subscription.endpoint, keys: subscription.keys });
  return subscription;
}

async function pushJobs(messageId: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from graphile_worker.jobs where key = ${`push:${messageId}`}`.execute(
    h.t.db,
  );
  return rows[0]?.n ?? 0;
}

/** "CODE message" of the error a call ends with. */
async function refusal(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
  } catch (error) {
    if (error instanceof TRPCError) return `${error.code} ${error.message}`;
    throw error;
  }
  throw new Error("expected the call to be refused");
}

const pushesTo = (endpoint: string) => service.received.filter((p) => p.endpoint === endpoint);

/** "HH:MM" in `timeZone`, `minutes` from now. */
function localTime(timeZone: string, minutes: number): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(Date.now() + minutes * 60_000));
}

describe("VAPID keys", () => {
  it("are made on the first run and kept: a restarted or second process signs with the same", async () => {
    // The migration made them, so no request has to write (a query never does).
    const stored = await h.t.db
      .selectFrom("signing_keys")
      .select("secret")
      .where("name", "=", "vapid")
      .executeTakeFirst();
    expect(stored).toBeDefined();
    const first = await vapidKeys(h.t.db);
    expect(JSON.parse(stored?.secret ?? "{}")).toEqual(first);
    expect(Buffer.from(first.publicKey, "base64url")).toHaveLength(65);
    const restarted = createDb(h.t.url, { max: 1 });
    try {
      expect(await vapidKeys(restarted.db)).toEqual(first);
    } finally {
      await restarted.destroy();
    }
    const owner = await h.as("owner@standard.demo");
    expect((await owner.push.config()).publicKey).toBe(first.publicKey);
  });

  it("two processes making them at once end up with one pair", async () => {
    const saved = await h.t.db
      .selectFrom("signing_keys")
      .selectAll()
      .where("name", "=", "vapid")
      .executeTakeFirstOrThrow();
    await h.t.db.deleteFrom("signing_keys").where("name", "=", "vapid").execute();
    const [a, b] = [createDb(h.t.url, { max: 1 }), createDb(h.t.url, { max: 1 })];
    try {
      const [keysA, keysB] = await Promise.all([vapidKeys(a.db), vapidKeys(b.db)]);
      expect(keysA).toEqual(keysB);
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
      await h.t.db
        .updateTable("signing_keys")
        .set({ secret: saved.secret })
        .where("name", "=", "vapid")
        .execute();
    }
  });
});

describe("subscribing", () => {
  it("refuses an endpoint that is not a push service, or keys no browser gives, and stores nothing", async () => {
    const owner = await h.as("owner@standard.demo");
    const good = service.subscription();
    const count = async () =>
      Number(
        (
          await h.t.db
            .selectFrom("push_subscriptions")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const attempts = [
      { endpoint: "http://10.0.0.5/push/1", keys: good.keys },
      { endpoint: "https://example.com/push/1", keys: good.keys },
      { endpoint: good.endpoint, keys: { ...good.keys, p256dh: good.keys.auth } },
      { endpoint: good.endpoint, keys: { ...good.keys, auth: "not base64!" } },
    ];
    const refusals = [];
    for (const attempt of attempts)
      refusals.push(await refusal(() => owner.push.subscribe(attempt)));
    expect(refusals[0]).toMatch(/BAD_REQUEST.*endpoint/);
    expect(refusals[1]).toMatch(/BAD_REQUEST.*endpoint: Not a known browser push service/);
    expect(refusals[2]).toMatch(/BAD_REQUEST[\s\S]*keys\.p256dh: Not the key/);
    expect(refusals[3]).toMatch(/BAD_REQUEST[\s\S]*keys\.auth/);
    expect(await count()).toBe(before);
  });

  it("is refused where the profile sends no push", async () => {
    const owner = await h.as("owner@connected.demo");
    const subscription = service.subscription();
    expect(
      await outcome(() =>
        owner.push.subscribe({ endpoint: subscription.endpoint, keys: subscription.keys }),
      ),
    ).toMatch(/FORBIDDEN/);
    expect((await owner.push.config()).offered).toBe(false);
  });

  it("a browser is one subscription: subscribing it again as someone else moves it", async () => {
    const { owner } = await directConversation("standard");
    const team = await h.as("team@standard.demo");
    const subscription = await subscribe(owner);
    await team.push.subscribe({ endpoint: subscription.endpoint, keys: subscription.keys });
    expect((await owner.push.status({ endpoint: subscription.endpoint })).subscribed).toBe(false);
    expect((await team.push.status({ endpoint: subscription.endpoint })).subscribed).toBe(true);
    expect((await team.push.unsubscribe({ endpoint: subscription.endpoint })).removed).toBe(true);
  });
});

describe("the send_push job", () => {
  it("pushes a message once to each of the recipient's browsers, signed and encrypted", async () => {
    const { owner, resident, conversationId } = await directConversation("standard");
    const [laptop, phone] = [await subscribe(owner), await subscribe(owner)];
    const { publicKey } = await owner.push.config();
    const sent = await resident.conversations.send({
      conversationId,
      ...draft("Is the gym open late tonight?"),
    });
    expect(await pushJobs(sent.id)).toBe(1);
    await runQueuedJobs(h);
    expect(service.refused).toEqual([]);
    for (const browser of [laptop, phone]) {
      const pushes = pushesTo(browser.endpoint);
      expect(pushes).toHaveLength(1);
      expect(pushes[0]?.vapidKey).toBe(publicKey);
      expect(pushes[0]?.headers).toMatchObject({ topic: `m${sent.id}`, urgency: "normal" });
      expect(JSON.parse(pushes[0]?.text ?? "{}")).toEqual({
        title: "Riley Chen",
        body: "Is the gym open late tonight?",
        url: `/inbox/${conversationId}`,
        tag: `message-${sent.id}`,
        conversationId,
        messageId: sent.id,
      });
    }

    // The job again (a retry, a duplicate): nothing more goes out.
    const again = await sendPushForMessage(
      {
        db: h.t.db,
        logger: createLogger("silent"),
        transport: webPushTransport(() => vapidKeys(h.t.db), "mailto:ops@example.com"),
      },
      sent.id,
      new Date(),
    );
    expect(again.sent).toBe(0);
    expect(pushesTo(laptop.endpoint)).toHaveLength(1);
    expect(pushesTo(phone.endpoint)).toHaveLength(1);
    for (const browser of [laptop, phone])
      await owner.push.unsubscribe({ endpoint: browser.endpoint });
  });

  it("two runs at once send once: the second waits for its retry", async () => {
    const { owner, resident, conversationId } = await directConversation("standard");
    const browser = await subscribe(owner);
    const sent = await resident.conversations.send({ conversationId, ...draft("Twice at once?") });
    const real = webPushTransport(() => vapidKeys(h.t.db), "mailto:ops@example.com");
    const slow: PushTransport = {
      async send(target, payload, options) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return real.send(target, payload, options);
      },
    };
    const deps = { db: h.t.db, logger: createLogger("silent"), transport: slow };
    const runs = await Promise.allSettled([
      sendPushForMessage(deps, sent.id, new Date()),
      sendPushForMessage(deps, sent.id, new Date()),
    ]);
    expect(runs.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(pushesTo(browser.endpoint)).toHaveLength(1);
    // The retry finds it sent.
    expect((await sendPushForMessage(deps, sent.id, new Date())).sent).toBe(0);
    expect(pushesTo(browser.endpoint)).toHaveLength(1);
    await owner.push.unsubscribe({ endpoint: browser.endpoint });
  });

  it("removes a subscription the push service says is gone (410)", async () => {
    const { owner, resident, conversationId } = await directConversation("standard");
    const browser = await subscribe(owner);
    service.expire(browser.endpoint);
    await resident.conversations.send({ conversationId, ...draft("Anyone there?") });
    await runQueuedJobs(h);
    expect(pushesTo(browser.endpoint)).toHaveLength(0);
    expect((await owner.push.status({ endpoint: browser.endpoint })).subscribed).toBe(false);
  });

  it("follows the person's kinds and quiet hours, and lets high priority through them", async () => {
    const { owner, resident, conversationId } = await directConversation("standard");
    const browser = await subscribe(resident);
    const sendAndRun = async (body: string, priority: "normal" | "high" = "normal") => {
      await owner.conversations.send({ conversationId, ...draft(body, { priority }) });
      await runQueuedJobs(h);
      return pushesTo(browser.endpoint).map((p) => JSON.parse(p.text).body as string);
    };
    try {
      await resident.notifications.updateSettings({ kinds: { direct_message: { push: false } } });
      expect(await sendAndRun("Kind switched off")).toEqual([]);
      await resident.notifications.updateSettings({ kinds: { direct_message: { push: true } } });
      await resident.notifications.updateSettings({ push: false });
      expect(await sendAndRun("Channel switched off")).toEqual([]);
      await resident.notifications.updateSettings({ push: true });

      const { timeZone } = await resident.notifications.settings();
      await resident.notifications.updateSettings({
        quietHours: { start: localTime(timeZone, -60), end: localTime(timeZone, 60) },
      });
      expect(await sendAndRun("In quiet hours")).toEqual([]);
      expect(await sendAndRun("Water leak in 101!", "high")).toEqual(["Water leak in 101!"]);
      await resident.notifications.updateSettings({ quietHours: null });
      expect(await sendAndRun("After quiet hours")).toEqual([
        "Water leak in 101!",
        "After quiet hours",
      ]);
      const payload = JSON.parse(pushesTo(browser.endpoint)[0]?.text ?? "{}");
      expect(payload.url).toBe(`/messages/${conversationId}`);
      expect(pushesTo(browser.endpoint)[0]?.headers.urgency).toBe("high");
    } finally {
      await resident.push.unsubscribe({ endpoint: browser.endpoint });
    }
  });

  it("adds no job when nobody else in the conversation has push", async () => {
    const { resident, conversationId } = await directConversation("standard");
    await h.t.db.deleteFrom("push_subscriptions").execute();
    const own = await subscribe(resident);
    const sent = await resident.conversations.send({ conversationId, ...draft("No push here") });
    expect(await pushJobs(sent.id)).toBe(0);
    await resident.push.unsubscribe({ endpoint: own.endpoint });
  });
});
