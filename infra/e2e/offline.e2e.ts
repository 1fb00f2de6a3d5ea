import { describe, expect, inject, it } from "vitest";
import { unique, useBrowser, waitForHydration } from "./browser";
import { signedIn, thread } from "./signed-in";

const { managerUrl } = inject("e2e");
const { browser } = useBrowser();

describe("offline", () => {
  it("says so in a banner, keeps a message typed offline and sends it on reconnect", async () => {
    const manager = await signedIn(browser(), managerUrl, "owner@standard.demo");
    await manager.goto(`${managerUrl}/inbox`);
    await manager.getByRole("link", { name: /Unit 101/ }).click();
    await manager.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
    const threadUrl = manager.url();

    await manager.context().setOffline(true);
    await manager.getByRole("status").filter({ hasText: "You're offline" }).waitFor();
    const text = unique("sent-after-reconnect");
    await manager.getByLabel("Message", { exact: true }).fill(text);
    await manager.getByLabel("Message", { exact: true }).press("Enter");
    await thread(manager).getByText(text).waitFor();
    await manager.waitForTimeout(1_000);

    await manager.context().setOffline(false);
    await manager
      .getByRole("status")
      .filter({ hasText: "You're offline" })
      .waitFor({ state: "detached" });
    await thread(manager).getByText("Sending…").waitFor({ state: "detached", timeout: 10_000 });

    // It reached the server: a fresh load shows it.
    await manager.goto(threadUrl);
    await thread(manager).getByText(text).waitFor();
    await manager.context().close();
  });

  it("keeps the page when a link is followed offline, and goes on once back online", async () => {
    const manager = await signedIn(browser(), managerUrl, "owner@standard.demo");
    await manager.goto(`${managerUrl}/inbox`);
    await manager.context().setOffline(true);
    await manager.getByRole("status").filter({ hasText: "You're offline" }).waitFor();
    await manager.getByRole("link", { name: "Maintenance" }).first().click();
    await manager.waitForTimeout(1_000);
    expect(new URL(manager.url()).pathname).toBe("/inbox");
    expect(await manager.getByText("Something went wrong").count()).toBe(0);
    await manager.getByRole("heading", { name: "Messages" }).waitFor();

    await manager.context().setOffline(false);
    await manager.waitForURL(/\/maintenance$/);
    await waitForHydration(manager);
    await manager
      .getByRole("heading", { name: /Maintenance/ })
      .first()
      .waitFor();
    await manager.context().close();
  });
});
