import { expect, inject, it } from "vitest";
import { useBrowser } from "./browser";
import { signedIn } from "./signed-in";

const { managerUrl } = inject("e2e");
const { browser } = useBrowser();

it("j and k step through conversations, r goes to the reply box, ? lists the shortcuts", async () => {
  const manager = await signedIn(browser(), managerUrl, "owner@standard.demo");
  await manager.goto(`${managerUrl}/inbox`);
  const links = manager.getByRole("list", { name: "Conversations" }).getByRole("link");
  const first = await links.nth(0).getAttribute("href");
  const second = await links.nth(1).getAttribute("href");

  const step = async (key: "j" | "k", to: string | null) => {
    await manager.keyboard.press(key);
    await manager.waitForURL((url) => url.pathname === to);
    // The URL changes before the new thread replaces the old one; wait for the new one.
    const id = to?.split("/").at(-1);
    await manager.locator(`[data-conversation-id="${id}"]`).waitFor();
  };
  await step("j", first);
  await step("j", second);
  await step("k", first);

  await manager.keyboard.press("r");
  const box = manager.getByLabel("Message", { exact: true });
  expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
  // Letters typed in the box are text, not shortcuts.
  await manager.keyboard.type("jk");
  expect(await box.inputValue()).toBe("jk");
  expect(new URL(manager.url()).pathname).toBe(first);
  await box.fill("");
  await box.blur();

  await manager.keyboard.press("?");
  const help = manager.getByRole("dialog", { name: "Keyboard shortcuts" });
  await help.waitFor();
  expect(await help.getByText("Next conversation").count()).toBe(1);
  await manager.keyboard.press("Escape");
  await help.waitFor({ state: "hidden" });
  await manager.context().close();
});
