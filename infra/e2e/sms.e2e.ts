import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { seriousFindings } from "./axe";
import { screenshot, unique, useBrowser } from "./browser";
import { signedIn, thread } from "./signed-in";

const { managerUrl, residentUrl } = inject("e2e");
const { browser } = useBrowser();

/** Reloads /dev/sms until a text to `phone` containing `text` is listed (the worker sends it). */
async function waitForText(manager: Page, phone: string, text: string): Promise<void> {
  const item = manager
    .getByRole("list", { name: "Texts sent" })
    .getByRole("listitem")
    .filter({ hasText: phone })
    .filter({ hasText: text });
  await expect
    .poll(
      async () => {
        await manager.goto(`${managerUrl}/dev/sms`);
        return item.count();
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toBe(1);
}

async function openConversationWithRiley(manager: Page): Promise<void> {
  await manager.goto(`${managerUrl}/inbox`);
  await manager
    .getByRole("link", { name: /Riley Chen/ })
    .first()
    .click();
  await manager.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
}

async function managerSends(manager: Page, text: string): Promise<void> {
  await openConversationWithRiley(manager);
  await manager.getByLabel("Message", { exact: true }).fill(text);
  await manager.getByLabel("Message", { exact: true }).press("Enter");
  await thread(manager).getByText(text).waitFor();
}

describe("SMS in the browser", () => {
  it("a resident opts in, a message is texted to the dev outbox, STOP stops texts and is confirmed", async () => {
    const phone = `+1555${String(Date.now()).slice(-7)}`;
    const resident = await signedIn(browser(), residentUrl, "resident@standard.demo");
    await resident.goto(`${residentUrl}/settings/notifications`);
    await resident.getByRole("checkbox", { name: /^SMS/ }).check();
    await resident.getByRole("button", { name: "Save settings" }).click();
    await resident.getByText("Your notification settings are saved.").waitFor();
    const texts = resident.getByRole("form", { name: "Text messages" });
    await texts.getByLabel("Mobile number").fill(phone);
    await texts.getByRole("checkbox", { name: /^Messages and updates/ }).check();
    await texts.getByRole("button", { name: "Save text message choices" }).click();
    await texts.getByText("Your text message choices are saved.").waitFor();
    await screenshot(resident, "sms-settings-desktop");
    expect(await seriousFindings(resident)).toEqual([]);

    const manager = await signedIn(browser(), managerUrl, "owner@standard.demo");
    const first = `Boiler service tomorrow ${unique("sms")}`;
    await managerSends(manager, first);
    await waitForText(manager, phone, first);
    await screenshot(manager, "dev-sms-outbox");
    expect(await seriousFindings(manager)).toEqual([]);

    // The delivery log under the message shows the text went out.
    await openConversationWithRiley(manager);
    const message = thread(manager).getByRole("listitem").filter({ hasText: first });
    await message.getByRole("button", { name: "Delivery" }).click();
    const delivery = message.getByRole("region", { name: "Delivery" });
    await delivery.getByRole("row", { name: /SMS\s+Sent/ }).waitFor();
    await screenshot(manager, "message-delivery-log");

    // The resident replies STOP from the phone (the dev page stands in for Twilio's webhook).
    await manager.goto(`${managerUrl}/dev/sms`);
    await manager.getByLabel("From number").fill(phone);
    await manager.getByRole("textbox", { name: "Reply", exact: true }).fill("STOP");
    await manager.getByRole("button", { name: "Send reply" }).click();
    await manager.getByText("Received STOP: 1 person changed, answer queued.").waitFor();
    await waitForText(manager, phone, "You're unsubscribed");
    await manager
      .getByRole("list", { name: "Consent ledger" })
      .getByText(
        new RegExp(`${phone.replace("+", "\\+")} · Opted out \\(all texts\\) via text reply`),
      )
      .first()
      .waitFor();

    // No more texts: a new message is not texted, and the settings page says why.
    const after = `After STOP ${unique("after")}`;
    await managerSends(manager, after);
    const message2 = thread(manager).getByRole("listitem").filter({ hasText: after });
    await message2.getByRole("button", { name: "Delivery" }).click();
    await message2.getByRole("region", { name: "Delivery" }).getByRole("table").waitFor();
    expect(
      await message2
        .getByRole("region", { name: "Delivery" })
        .getByRole("row", { name: /SMS/ })
        .count(),
    ).toBe(0);
    await manager.goto(`${managerUrl}/dev/sms`);
    expect(
      await manager
        .getByRole("list", { name: "Texts sent" })
        .getByRole("listitem")
        .filter({ hasText: phone })
        .count(),
    ).toBe(2);
    expect(
      await manager
        .getByRole("list", { name: "Texts sent" })
        .getByRole("listitem")
        .filter({ hasText: after })
        .count(),
    ).toBe(0);
    await resident.reload();
    await resident
      .getByText("You replied STOP: no texts are sent until you reply START.")
      .waitFor();
    await manager.context().close();
    await resident.context().close();
  }, 180_000);
});
