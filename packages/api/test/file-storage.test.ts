import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalStorage } from "../src/files/local-storage";
import type { FileStorage } from "../src/files/storage";
import { createUploadThingStorage } from "../src/files/uploadthing-storage";
import { type StandIn, startUploadThingStandIn } from "./fixtures/uploadthing-stand-in";

const bytes = new TextEncoder().encode("Meter reading: 40213");

/** What every storage adapter must do, whatever keeps the bytes. */
function behavesAsStorage(storage: () => FileStorage) {
  it("keeps the bytes under a fresh key, reads them back and deletes them", async () => {
    const first = await storage().put({ bytes, name: "meter.txt", mimeType: "text/plain" });
    const second = await storage().put({ bytes, name: "meter.txt", mimeType: "text/plain" });
    expect(first.key).not.toBe(second.key);
    expect(await storage().get(first.key)).toEqual(bytes);
    await storage().delete([first.key, second.key]);
    expect(await storage().get(first.key)).toBeNull();
    await storage().delete([first.key]);
  });
}

describe("local disk storage", () => {
  let dir: string;
  let storage: FileStorage;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "hearth-storage-"));
    storage = createLocalStorage(path.join(dir, "uploads"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  behavesAsStorage(() => storage);

  it("never turns a key into a path outside its folder", async () => {
    await expect(storage.get("../../etc/passwd")).rejects.toThrow(/Not a local storage key/);
    await expect(storage.delete(["../secret"])).rejects.toThrow(/Not a local storage key/);
  });

  it("leaves no partial file behind", async () => {
    await storage.put({ bytes, name: "a.txt", mimeType: "text/plain" });
    const names = await readdir(path.join(dir, "uploads"));
    expect(names.filter((name) => name.endsWith(".partial"))).toEqual([]);
  });
});

describe("UploadThing storage, against a stand-in of its HTTP API on loopback", () => {
  let standIn: StandIn;
  let storage: FileStorage;
  beforeAll(async () => {
    standIn = await startUploadThingStandIn();
    storage = createUploadThingStorage({
      token: standIn.token,
      apiUrl: standIn.url,
      ingestUrl: standIn.url,
    });
  });
  afterAll(() => standIn.close());

  behavesAsStorage(() => storage);

  it("uploads by a signed PUT and reads through a short-lived signed URL", async () => {
    standIn.requests.length = 0;
    const { key } = await storage.put({ bytes, name: "meter.txt", mimeType: "text/plain" });
    expect(standIn.files.get(key)?.toString()).toBe("Meter reading: 40213");
    await storage.get(key);
    expect(standIn.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `PUT /${key}`,
      "POST /v6/requestFileAccess",
      `GET /f/${key}`,
    ]);
  });

  it("fails loudly on a wrong API key instead of losing the file", async () => {
    const wrong = createUploadThingStorage({
      token: Buffer.from(
        JSON.stringify({ apiKey: "sk_wrong", appId: "hearth-test", regions: ["x"] }),
      ).toString("base64"),
      apiUrl: standIn.url,
      ingestUrl: standIn.url,
    });
    await expect(wrong.put({ bytes, name: "a.txt", mimeType: "text/plain" })).rejects.toThrow();
  });
});
