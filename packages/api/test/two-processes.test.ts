import { createTestDatabase, type TestDatabase } from "@hearth/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiProcess, callApi, signInOver, startApiProcess } from "./fixtures/live-client";

/**
 * Two API processes against one database: a message sent through the manager app's process
 * reaches a subscriber of the resident app's process (Postgres LISTEN/NOTIFY), and a subscriber
 * that reconnects with its last event id gets what it missed.
 */
let t: TestDatabase;
const processes: ApiProcess[] = [];

async function startApi(app: "manager" | "resident"): Promise<string> {
  const api = await startApiProcess(app, t.url);
  processes.push(api);
  return api.base;
}

/** Reads server-sent events until `until` accepts one or the time is up. */
async function collectEvents(
  base: string,
  cookie: string,
  input: Record<string, unknown>,
  until: (events: { id: string; data: { type: string; messageId?: number } }[]) => boolean,
  onOpen: () => Promise<void>,
  timeoutMs = 8_000,
) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const url = `${base}/api/trpc/live.events?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const events: { id: string; data: { type: string; messageId?: number } }[] = [];
  try {
    const response = await fetch(url, {
      headers: { cookie, accept: "text/event-stream" },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    let opened = false;
    while (!until(events)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const id = block.match(/^id: ?(.*)$/m)?.[1];
        const data = block.match(/^data: ?(.*)$/m)?.[1];
        const parsed =
          id && data
            ? (JSON.parse(data) as { json: { type: string; messageId?: number } }).json
            : null;
        if (parsed && id) events.push({ id, data: parsed });
        // The subscription says "ready" once it listens; sending earlier could race it.
        if (!opened && parsed?.type === "ready") {
          opened = true;
          await onOpen();
        }
        end = buffer.indexOf("\n\n");
      }
    }
    controller.abort();
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
  }
  return events;
}

let managerApi: string;
let residentApi: string;

beforeAll(async () => {
  t = await createTestDatabase({ seeded: true });
  [managerApi, residentApi] = await Promise.all([startApi("manager"), startApi("resident")]);
});

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  await t.destroy();
});

describe("live delivery across two API processes", () => {
  it("delivers a message sent through one process to a subscriber of the other, and resumes after a drop", async () => {
    const managerCookie = await signInOver(managerApi, "owner@standard.demo");
    const residentCookie = await signInOver(residentApi, "resident@standard.demo");
    const list = await callApi(
      managerApi,
      "conversations.list",
      { archived: false },
      managerCookie,
      "GET",
    );
    const direct = (
      list.data as { rows: { id: string; kind: string; others: { name: string }[] }[] }
    ).rows.find((r) => r.kind === "direct" && r.others.some((o) => o.name === "Riley Chen"))!;

    let firstId = 0;
    const live = await collectEvents(
      residentApi,
      residentCookie,
      {},
      (events) => events.some((e) => e.data.messageId === firstId),
      async () => {
        const sent = await callApi(
          managerApi,
          "conversations.send",
          { conversationId: direct.id, clientId: "two-process-1", body: "Sent through process A" },
          managerCookie,
        );
        firstId = (sent.data as { id: number }).id;
      },
    );
    const delivered = live.find((e) => e.data.messageId === firstId);
    expect(delivered).toBeDefined();

    // While the resident is disconnected, another message goes out; reconnecting from the last id gets it.
    const missed = await callApi(
      managerApi,
      "conversations.send",
      { conversationId: direct.id, clientId: "two-process-2", body: "Sent while you were away" },
      managerCookie,
    );
    const missedId = (missed.data as { id: number }).id;
    const resumed = await collectEvents(
      residentApi,
      residentCookie,
      { lastEventId: delivered!.id },
      (events) => events.some((e) => e.data.messageId === missedId),
      async () => {},
    );
    expect(resumed.map((e) => e.data.messageId)).toContain(missedId);
    expect(resumed.map((e) => e.data.messageId)).not.toContain(firstId);
  });

  it("sends a conversation's events only to its participants", async () => {
    const managerCookie = await signInOver(managerApi, "owner@standard.demo");
    const outsiderCookie = await signInOver(residentApi, "future@standard.demo");
    const list = await callApi(
      managerApi,
      "conversations.list",
      { archived: false },
      managerCookie,
      "GET",
    );
    const team = (list.data as { rows: { id: string; kind: string }[] }).rows.find(
      (r) => r.kind === "team",
    )!;
    let sentId = 0;
    const events = await collectEvents(
      residentApi,
      outsiderCookie,
      {},
      () => false,
      async () => {
        const sent = await callApi(
          managerApi,
          "conversations.send",
          { conversationId: team.id, clientId: "two-process-3", body: "Team only" },
          managerCookie,
        );
        sentId = (sent.data as { id: number }).id;
      },
      2_000,
    );
    expect(sentId).toBeGreaterThan(0);
    expect(events.filter((e) => e.data.messageId === sentId)).toEqual([]);
  });
});
