import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../harness";
import { outcome } from "../helpers";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("the dev mailbox", () => {
  it("opens only for a signed-in manager or operator on this machine", async () => {
    const local = { ip: "127.0.0.1" };
    expect(await outcome(() => h.anonymous("manager", local).caller.devMailbox.list())).toBe(
      "UNAUTHORIZED",
    );
    expect(
      await outcome(async () => (await h.as("resident@standard.demo", local)).devMailbox.list()),
    ).toBe("FORBIDDEN");
    expect(
      await outcome(async () =>
        (await h.as("owner@standard.demo", { ip: "192.168.1.20" })).devMailbox.list(),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await outcome(async () =>
        (await h.as("owner@standard.demo", { ip: null })).devMailbox.list(),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await outcome(async () => (await h.as("owner@standard.demo", local)).devMailbox.list()),
    ).toBe("ok");
    expect(
      await outcome(async () =>
        (await h.as("operator@platform.demo", { ip: "::1" })).devMailbox.list(),
      ),
    ).toBe("ok");
  });
});
