/**
 * SMS (issue 11): which messages are texted (policy, the person's settings per kind, quiet hours
 * with the emergency floor, their number and consent per category), exactly once through the
 * outbox; the consent ledger and the inbound keywords; the fallback to email; Twilio's API shape
 * and webhook signature against a stand-in on loopback; the delivery log managers read.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "@hearth/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readServerEnv } from "../src/env";
import { createLogger } from "../src/logger";
import type { ApiRuntime } from "../src/server/runtime";
import { handleSmsInbound } from "../src/server/sms-inbound";
import { deliverSms } from "../src/sms/deliver";
import { receiveSms } from "../src/sms/inbound";
import { smsIntent } from "../src/sms/keywords";
import { createTwilioSms, type SmsProvider, SmsSendError } from "../src/sms/provider";
import { sendSmsForMessage } from "../src/sms/send-for-message";
import { twilioSignature } from "../src/sms/twilio-signature";
import { createHarness, type Harness, runQueuedJobs } from "./harness";
import { draft, outcome } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
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

const all = { emergency: true, operational: true, marketing: false };

async function optIn(caller: Caller, phone: string, categories = all) {
  await caller.notifications.updateSettings({ sms: true });
  await caller.sms.saveConsent({ phone, categories });
}

async function textsTo(phone: string): Promise<string[]> {
  const rows = await h.t.db
    .selectFrom("dev_mailbox")
    .select("body")
    .where("channel", "=", "sms")
    .where("recipient", "=", phone)
    .orderBy("id")
    .execute();
  return rows.map((r) => r.body);
}

/** "HH:MM" in `timeZone`, `minutes` from now. */
function localTime(timeZone: string, minutes: number): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(Date.now() + minutes * 60_000));
}

async function resetResident(resident: Caller) {
  await resident.sms.saveConsent({
    phone: null,
    categories: { emergency: false, operational: false, marketing: false },
  });
  await resident.notifications.updateSettings({
    sms: false,
    quietHours: null,
    kinds: { direct_message: { sms: true } },
  });
}

describe("which messages are texted", () => {
  it("texts a recipient who turned SMS on and agreed, once, short, with a link", async () => {
    const { owner, resident, conversationId } = await directConversation("standard");
    const phone = "+15550100001";
    await optIn(resident, phone);
    try {
      const sent = await owner.conversations.send({
        conversationId,
        ...draft("The boiler is serviced tomorrow at 9."),
      });
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from graphile_worker.jobs where key = ${`sms:${sent.id}`}`.execute(
        h.t.db,
      );
      expect(rows[0]?.n).toBe(1);
      await runQueuedJobs(h);
      const texts = await textsTo(phone);
      expect(texts).toHaveLength(1);
      expect(texts[0]).toContain("The boiler is serviced tomorrow at 9.");
      expect(texts[0]).toContain(`http://resident.test/messages/${conversationId}`);
      expect(texts[0]).toContain("Reply STOP to opt out.");
      expect(texts[0]?.length ?? 0).toBeLessThanOrEqual(320);

      // The job again (a retry or a duplicate) queues nothing more.
      await h.t.db.transaction().execute(async (trx) => {
        await sql`select graphile_worker.add_job('send_sms', json_build_object('messageId', ${sent.id}::bigint))`.execute(
          trx,
        );
      });
      await runQueuedJobs(h);
      expect(await textsTo(phone)).toHaveLength(1);
    } finally {
      await resetResident(resident);
    }
  });

  it("follows the SMS switch, the kind's switch and consent per category", async () => {
    const { owner, resident, conversationId } = await directConversation("standard");
    const phone = "+15550100002";
    const sendAndRun = async (body: string, priority: "normal" | "high" = "normal") => {
      await owner.conversations.send({ conversationId, ...draft(body, { priority }) });
      await runQueuedJobs(h);
      return (await textsTo(phone)).map((t) => t.match(/"(.*)"/)?.[1]);
    };
    try {
      await resident.sms.saveConsent({ phone, categories: all });
      expect(await sendAndRun("SMS switch off")).toEqual([]);
      await resident.notifications.updateSettings({ sms: true });
      await resident.notifications.updateSettings({ kinds: { direct_message: { sms: false } } });
      expect(await sendAndRun("Kind switched off")).toEqual([]);
      await resident.notifications.updateSettings({ kinds: { direct_message: { sms: true } } });
      await resident.sms.saveConsent({
        phone,
        categories: { emergency: true, operational: false, marketing: false },
      });
      expect(await sendAndRun("Only emergencies agreed")).toEqual([]);
      expect(await sendAndRun("Gas leak: leave now", "high")).toEqual(["Gas leak: leave now"]);
      await resident.sms.saveConsent({ phone, categories: all });
      expect(await sendAndRun("Everything agreed")).toEqual([
        "Gas leak: leave now",
        "Everything agreed",
      ]);
    } finally {
      await resetResident(resident);
    }
  });

  it("holds texts in quiet hours except high priority, where the organization allows", async () => {
    const { owner, resident, conversationId } = await directConversation("standard");
    const phone = "+15550100003";
    await optIn(resident, phone);
    try {
      const { timeZone, urgentBreaksQuietHours } = await resident.notifications.settings();
      expect(urgentBreaksQuietHours).toBe(true);
      await resident.notifications.updateSettings({
        quietHours: { start: localTime(timeZone, -60), end: localTime(timeZone, 60) },
      });
      await owner.conversations.send({ conversationId, ...draft("Quiet-hours chatter") });
      await owner.conversations.send({
        conversationId,
        ...draft("Fire alarm test failed", { priority: "high" }),
      });
      await runQueuedJobs(h);
      const texts = await textsTo(phone);
      expect(texts).toHaveLength(1);
      expect(texts[0]).toContain("Fire alarm test failed");

      // Where the organization does not let urgent messages through, quiet hours hold them too.
      await h.t.db
        .updateTable("organizations")
        .set({
          policy_overrides: sql`policy_overrides || '{"urgentBreaksQuietHours": false}'::jsonb`,
        })
        .where("slug", "=", "standard")
        .execute();
      try {
        await owner.conversations.send({
          conversationId,
          ...draft("Second alarm", { priority: "high" }),
        });
        await runQueuedJobs(h);
        expect(await textsTo(phone)).toHaveLength(1);
      } finally {
        await h.t.db
          .updateTable("organizations")
          .set({ policy_overrides: sql`policy_overrides - 'urgentBreaksQuietHours'` })
          .where("slug", "=", "standard")
          .execute();
      }
    } finally {
      await resetResident(resident);
    }
  });

  it("is not offered where the profile sends no SMS, and needs a valid number", async () => {
    const connected = await h.as("resident@connected.demo");
    expect((await connected.sms.consent()).offered).toBe(false);
    expect(
      await outcome(() => connected.sms.saveConsent({ phone: "+15550100009", categories: all })),
    ).toMatch(/FORBIDDEN/);
    const resident = await h.as("resident@standard.demo");
    expect(
      await outcome(() => resident.sms.saveConsent({ phone: "555-0100", categories: all })),
    ).toBe("BAD_REQUEST");
    expect(await outcome(() => resident.sms.saveConsent({ phone: null, categories: all }))).toBe(
      "BAD_REQUEST",
    );
    expect((await resident.sms.consent()).phone).toBeNull();
  });
});

describe("the consent ledger and inbound keywords", () => {
  it.each([
    ["STOP", "stop"],
    ["stop", "stop"],
    [" Stop. ", "stop"],
    ["UNSUBSCRIBE", "stop"],
    ["CANCEL", "stop"],
    ["END", "stop"],
    ["QUIT", "stop"],
    ["STOPALL", "stop"],
    ["REVOKE", "stop"],
    ["OPTOUT", "stop"],
    ["Stop texting me", "stop"],
    ["please stop", "stop"],
    ["Please STOP sending these", "stop"],
    ["don't text me again", "stop"],
    ["START", "start"],
    ["unstop", "start"],
    ["Yes", "start"],
    ["HELP", "help"],
    ["Thanks, see you at 9", "other"],
    ["Can you stop by the office?", "other"],
    ["The END of the hallway leaks", "other"],
  ])("%j is %s", (text, intent) => {
    expect(smsIntent(text)).toBe(intent);
  });

  it("records opt-ins from the settings page with time and source", async () => {
    const resident = await h.as("resident@standard.demo");
    await optIn(resident, "+15550100004");
    try {
      const { ledger, categories, phone } = await resident.sms.consent();
      expect(phone).toBe("+15550100004");
      expect(categories).toEqual(all);
      expect(
        ledger
          .slice(0, 2)
          .map((l) => [l.category, l.action, l.source])
          .sort(),
      ).toEqual([
        ["emergency", "opt_in", "settings"],
        ["operational", "opt_in", "settings"],
      ]);
      expect(ledger[0]?.at).toBeInstanceOf(Date);
    } finally {
      await resetResident(resident);
    }
  });

  it("STOP stops every text, is confirmed once; START resumes; HELP answers", async () => {
    const { owner, resident, conversationId } = await directConversation("standard");
    const phone = "+15550100005";
    await optIn(resident, phone);
    try {
      const stop = await receiveSms(
        h.t.db,
        { from: phone, body: "Stop texting me", messageId: "SM-stop-1" },
        "http://manager.test",
      );
      expect(stop).toEqual({ intent: "stop", changed: 1, answered: true });
      // Twilio retries the same webhook, and the person sends STOP again: no second confirmation.
      await receiveSms(
        h.t.db,
        { from: phone, body: "Stop texting me", messageId: "SM-stop-1" },
        "http://manager.test",
      );
      expect(
        (await receiveSms(h.t.db, { from: phone, body: "STOP", messageId: "SM-stop-2" }, "x"))
          .answered,
      ).toBe(false);
      await runQueuedJobs(h);
      expect(await textsTo(phone)).toEqual([
        expect.stringContaining("You're unsubscribed and will get no more texts"),
      ]);
      const consent = await resident.sms.consent();
      expect(consent.stoppedAt).toBeInstanceOf(Date);
      expect(consent.ledger[0]).toMatchObject({
        action: "opt_out",
        source: "sms_reply",
        category: null,
        detail: "Stop texting me",
      });

      const sent = await owner.conversations.send({ conversationId, ...draft("After STOP") });
      await runQueuedJobs(h);
      expect(await textsTo(phone)).toHaveLength(1);
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from outbound_sms where message_id = ${sent.id}`.execute(h.t.db);
      expect(rows[0]?.n).toBe(0);

      await receiveSms(h.t.db, { from: phone, body: "START", messageId: "SM-start" }, "x");
      await receiveSms(h.t.db, { from: phone, body: "HELP", messageId: "SM-help" }, "x");
      await owner.conversations.send({ conversationId, ...draft("After START") });
      await runQueuedJobs(h);
      const texts = await textsTo(phone);
      expect(texts).toHaveLength(4);
      expect(texts[1]).toContain("You'll get texts from us again");
      expect(texts[2]).toMatch(/Reply STOP to opt out, START to resume\. Help: \S+@/);
      expect(texts[3]).toContain("After START");
    } finally {
      await resetResident(resident);
    }
  });

  it("a STOP between queueing and sending cancels the queued text", async () => {
    const { owner, resident, conversationId } = await directConversation("standard");
    const phone = "+15550100006";
    await optIn(resident, phone);
    try {
      const sent = await owner.conversations.send({ conversationId, ...draft("Queued first") });
      // Only the fan-out job runs; the text waits in the outbox with its deliver_sms job.
      await h.t.db.transaction().execute(async (trx) => {
        await sql`select graphile_worker.remove_job(${`sms:${sent.id}`})`.execute(trx);
      });
      const run = await sendSmsForMessage({ db: h.t.db, urls: h.deps.urls }, sent.id, new Date());
      expect(run.queued).toBe(1);
      await receiveSms(h.t.db, { from: phone, body: "QUIT", messageId: "SM-quit" }, "x");
      await runQueuedJobs(h);
      expect(await textsTo(phone)).toEqual([expect.stringContaining("You're unsubscribed")]);
      const row = await h.t.db
        .selectFrom("outbound_sms")
        .select("status")
        .where("message_id", "=", sent.id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe("cancelled");
    } finally {
      await receiveSms(h.t.db, { from: phone, body: "START", messageId: "SM-restart" }, "x");
      await resetResident(resident);
    }
  });
});

describe("failures", () => {
  const failing = (permanent: boolean): SmsProvider => ({
    kind: "twilio",
    async send() {
      throw new SmsSendError(
        permanent ? "Twilio 400 (21211): invalid To" : "Twilio 503",
        permanent,
      );
    },
  });

  async function queuedText(phone: string, body: string) {
    const { owner, resident, conversationId } = await directConversation("standard");
    await optIn(resident, phone);
    const sent = await owner.conversations.send({ conversationId, ...draft(body) });
    await h.t.db.transaction().execute(async (trx) => {
      await sql`select graphile_worker.remove_job(${`sms:${sent.id}`})`.execute(trx);
    });
    await sendSmsForMessage({ db: h.t.db, urls: h.deps.urls }, sent.id, new Date());
    const row = await h.t.db
      .selectFrom("outbound_sms")
      .select("id")
      .where("message_id", "=", sent.id)
      .executeTakeFirstOrThrow();
    await h.t.db.transaction().execute(async (trx) => {
      await sql`select graphile_worker.remove_job(${`deliver_sms:${row.id}`})`.execute(trx);
    });
    return { resident, messageId: sent.id, outboundSmsId: row.id };
  }

  const deps = (sms: SmsProvider) => ({
    db: h.t.db,
    sms,
    logger: createLogger("silent"),
    urls: h.deps.urls,
  });

  it("a permanent provider error fails the text at once and sends the message by email", async () => {
    const { resident, outboundSmsId } = await queuedText("+15550100007", "Rent reminder");
    try {
      const result = await deliverSms(deps(failing(true)), outboundSmsId, { number: 1, max: 8 });
      expect(result).toBe("failed");
      const row = await h.t.db
        .selectFrom("outbound_sms")
        .selectAll()
        .where("id", "=", outboundSmsId)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe("failed");
      expect(row.last_error).toContain("21211");
      expect(row.fallback_email_id).not.toBeNull();
      await runQueuedJobs(h);
      const mail = await h.mailTo("resident@standard.demo");
      expect(mail.some((m) => m.body.includes("Rent reminder") && m.body.includes("by text"))).toBe(
        true,
      );
    } finally {
      await resetResident(resident);
    }
  });

  it("a passing failure is retried; after the last try it falls back to email", async () => {
    const { resident, outboundSmsId } = await queuedText("+15550100008", "Parking notice");
    try {
      await expect(
        deliverSms(deps(failing(false)), outboundSmsId, { number: 1, max: 3 }),
      ).rejects.toThrow("Twilio 503");
      const retrying = await h.t.db
        .selectFrom("outbound_sms")
        .select(["status", "attempts", "fallback_email_id"])
        .where("id", "=", outboundSmsId)
        .executeTakeFirstOrThrow();
      expect(retrying).toEqual({ status: "queued", attempts: 1, fallback_email_id: null });
      expect(await deliverSms(deps(failing(false)), outboundSmsId, { number: 3, max: 3 })).toBe(
        "failed",
      );
      const failed = await h.t.db
        .selectFrom("outbound_sms")
        .select(["status", "fallback_email_id"])
        .where("id", "=", outboundSmsId)
        .executeTakeFirstOrThrow();
      expect(failed.status).toBe("failed");
      expect(failed.fallback_email_id).not.toBeNull();
      // A duplicate run afterwards changes nothing.
      expect(await deliverSms(deps(failing(false)), outboundSmsId, { number: 4, max: 3 })).toBe(
        "done-before",
      );
    } finally {
      await resetResident(resident);
    }
  });
});

describe("Twilio", () => {
  let server: Server;
  let baseUrl: string;
  const received: { path: string; auth: string | undefined; form: URLSearchParams }[] = [];
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => resolve(body));
    });
  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const form = new URLSearchParams(await read(req));
      received.push({ path: req.url ?? "", auth: req.headers.authorization, form });
      const to = form.get("To");
      res.setHeader("Content-Type", "application/json");
      if (to === "+15559990000") {
        res
          .writeHead(400)
          .end(JSON.stringify({ code: 21211, message: "Invalid 'To' Phone Number" }));
      } else if (to === "+15559990001") {
        res.writeHead(503).end(JSON.stringify({ message: "busy" }));
      } else {
        res.writeHead(201).end(JSON.stringify({ sid: `SM${received.length}`, status: "queued" }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const twilio = () =>
    createTwilioSms({ accountSid: "AC123", authToken: "secret", from: "+15550009999", baseUrl });

  it("posts the Messages resource form-encoded with Basic auth, and reads the sid", async () => {
    const result = await twilio().send(
      { to: "+15550101010", body: "Hello", organizationId: null },
      "k1",
    );
    expect(result.providerId).toMatch(/^SM\d+$/);
    const request = received.at(-1);
    expect(request?.path).toBe("/2010-04-01/Accounts/AC123/Messages.json");
    expect(request?.auth).toBe(`Basic ${Buffer.from("AC123:secret").toString("base64")}`);
    expect(Object.fromEntries(request?.form ?? [])).toEqual({
      To: "+15550101010",
      From: "+15550009999",
      Body: "Hello",
    });
  });

  it("tells a permanent refusal from a passing failure", async () => {
    const permanent = await twilio()
      .send({ to: "+15559990000", body: "x", organizationId: null }, "k2")
      .catch((e: unknown) => e);
    expect(permanent).toBeInstanceOf(SmsSendError);
    expect((permanent as SmsSendError).permanent).toBe(true);
    const passing = await twilio()
      .send({ to: "+15559990001", body: "x", organizationId: null }, "k3")
      .catch((e: unknown) => e);
    expect((passing as SmsSendError).permanent).toBe(false);
  });

  it("the inbound webhook refuses a missing or wrong signature and honours a signed STOP", async () => {
    const resident = await h.as("resident@standard.demo");
    const phone = "+15550100010";
    await optIn(resident, phone);
    const env = readServerEnv({
      DATABASE_URL: h.t.url,
      TWILIO_ACCOUNT_SID: "AC123",
      TWILIO_AUTH_TOKEN: "secret",
      TWILIO_FROM: "+15550009999",
      TWILIO_API_BASE_URL: baseUrl,
    });
    const runtime: ApiRuntime = { deps: h.deps, env, close: async () => {} };
    const url = "https://hearth.example/api/sms/inbound";
    const params: [string, string][] = [
      ["MessageSid", "SMinbound1"],
      ["From", phone],
      ["To", "+15550009999"],
      ["Body", "STOP"],
    ];
    const post = (signature: string | null) =>
      handleSmsInbound(
        runtime,
        new Request(url, {
          method: "POST",
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            ...(signature ? { "X-Twilio-Signature": signature } : {}),
          },
          body: new URLSearchParams(params),
        }),
        { peerAddress: "203.0.113.9" },
      );
    try {
      expect((await post(null)).status).toBe(403);
      expect((await post(twilioSignature("wrong", url, params))).status).toBe(403);
      expect((await resident.sms.consent()).stoppedAt).toBeNull();
      const accepted = await post(twilioSignature("secret", url, params));
      expect(accepted.status).toBe(200);
      expect(await accepted.text()).toContain("<Response>");
      expect((await resident.sms.consent()).stoppedAt).toBeInstanceOf(Date);

      // Without Twilio configured, only the dev tools on this machine may post.
      const unconfigured: ApiRuntime = {
        deps: h.deps,
        env: readServerEnv({ DATABASE_URL: h.t.url }),
        close: async () => {},
      };
      const refused = await handleSmsInbound(
        unconfigured,
        new Request(url, { method: "POST", body: new URLSearchParams(params) }),
        { peerAddress: "203.0.113.9" },
      );
      expect(refused.status).toBe(404);
    } finally {
      await receiveSms(h.t.db, { from: phone, body: "START", messageId: "SM-start-2" }, "x");
      await resetResident(resident);
    }
  });
});

describe("the delivery log", () => {
  it("shows managers, per recipient and channel, what became of a message", async () => {
    const { owner, resident, conversationId } = await directConversation("standard");
    const phone = "+15550100011";
    await optIn(resident, phone);
    try {
      const sent = await owner.conversations.send({ conversationId, ...draft("Delivery check") });
      await runQueuedJobs(h);
      const log = await owner.sms.deliveries({ messageId: sent.id });
      const riley = log.find((p) => p.name === "Riley Chen");
      expect(riley?.attempts).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ channel: "in_app", status: "sent" }),
          expect.objectContaining({ channel: "sms", status: "sent", attempts: 1 }),
        ]),
      );
      await resident.conversations.markRead({ id: conversationId, upToMessageId: sent.id });
      const after = await owner.sms.deliveries({ messageId: sent.id });
      expect(
        after.find((p) => p.name === "Riley Chen")?.attempts.find((a) => a.channel === "in_app")
          ?.status,
      ).toBe("opened");
      expect(await outcome(() => resident.sms.deliveries({ messageId: sent.id }))).toBe(
        "FORBIDDEN",
      );
      const other = await h.as("owner@connected.demo");
      expect(await outcome(() => other.sms.deliveries({ messageId: sent.id }))).toBe("NOT_FOUND");
    } finally {
      await resetResident(resident);
    }
  });
});
