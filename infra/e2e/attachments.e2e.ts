import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { newPage, screenshot, signIn, unique, useBrowser } from "./browser";

const { managerUrl, residentUrl } = inject("e2e");
const { browser } = useBrowser();

// Two small photos (64×48 PNGs, green and orange).
const greenPhoto =
  "iVBORw0KGgoAAAANSUhEUgAAAEAAAAAwCAIAAAAuKetIAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAfUlEQVR4nO2SAQkAURSDlsWS63QpL4Y8/sAAOha+nia6AQuoviK7UO8S3YAFVF+RXah3iW7AAqqvyC7Uu0Q3YAHVV2QX6l2iG7CA6iuyC/Uu0Q1YQPUV2YV6l+gGLKD6iuxCvUt0AxZQfUV2od4lugELqL4iu1DvEt2AxwN+liEk4ru3XscAAAAASUVORK5CYII=";
const orangePhoto =
  "iVBORw0KGgoAAAANSUhEUgAAAEAAAAAwCAIAAAAuKetIAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAfUlEQVR4nO2SAQkAURSD1slOF98MF2M8/sAAOhY/TpO6gQugvqK7EHdJ3cAFUF/RXYi7pG7gAqiv6C7EXVI3cAHUV3QX4i6pG7gA6iu6C3GX1A1cAPUV3YW4S+oGLoD6iu5C3CV1AxdAfUV3Ie6SuoELoL6iuxB3Sd3AxwN+ODRVD7wy7GIAAAAASUVORK5CYII=";

function thread(page: Page) {
  return page.getByRole("region", { name: /^Conversation:/ });
}

async function signedIn(
  baseUrl: string,
  email: string,
  viewport: { width: number; height: number },
) {
  const context = await browser().newContext({ viewport });
  const page = await newPage(context);
  await signIn(page, baseUrl, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

describe("files in a conversation", () => {
  it("a resident sends two photos; the manager sees thumbnails, the lightbox and View Files", async () => {
    const resident = await signedIn(residentUrl, "resident@standard.demo", {
      width: 390,
      height: 844,
    });
    await resident.goto(`${residentUrl}/messages`);
    await resident
      .getByRole("link", { name: /Morgan Reyes/ })
      .first()
      .click();
    await thread(resident).waitFor();

    // Refused before any upload starts: a file over the policy's 25 MB, pasted into the box.
    await resident.getByLabel("Message", { exact: true }).evaluate((box) => {
      const huge = new File([new Uint8Array(26 * 1024 * 1024)], "huge-scan.jpg", {
        type: "image/jpeg",
      });
      const data = new DataTransfer();
      data.items.add(huge);
      box.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
    });
    const tray = resident.getByRole("list", { name: "Files to send" });
    await tray.getByText("Files can be up to 25 MB.").waitFor();
    await tray.getByRole("button", { name: "Remove huge-scan.jpg" }).click();

    await resident.getByLabel("Files to attach").setInputFiles([
      { name: "leak-1.png", mimeType: "image/png", buffer: Buffer.from(greenPhoto, "base64") },
      { name: "leak-2.png", mimeType: "image/png", buffer: Buffer.from(orangePhoto, "base64") },
    ]);
    await tray.getByText("Ready").nth(1).waitFor();
    await screenshot(resident, "attachments-resident-tray-phone");
    const text = `The leak under the sink ${unique("leak")}`;
    await resident.getByLabel("Message", { exact: true }).fill(text);
    await resident.getByLabel("Message", { exact: true }).press("Enter");
    await thread(resident).getByText(text).waitFor();
    await expect.poll(() => tray.count()).toBe(0);

    const manager = await signedIn(managerUrl, "owner@standard.demo", { width: 1280, height: 800 });
    await manager.goto(`${managerUrl}/inbox`);
    await manager.getByRole("link", { name: new RegExp(text) }).click();
    const message = thread(manager).getByRole("listitem").filter({ hasText: text });
    const thumbnails = message.getByRole("button", { name: /^Open leak-\d\.png$/ });
    await expect.poll(() => thumbnails.count()).toBe(2);
    await expect
      .poll(() =>
        message
          .getByRole("img", { name: "Open leak-1.png" })
          .evaluate((img) => (img as HTMLImageElement).naturalWidth),
      )
      .toBe(64);

    // The two uploads finish in either order, so open the one by its name, not its place.
    await message.getByRole("button", { name: "Open leak-1.png" }).click();
    const lightbox = manager.getByRole("dialog", { name: "leak-1.png" });
    await lightbox.getByRole("img", { name: "leak-1.png" }).waitFor();
    await screenshot(manager, "attachments-lightbox-desktop");
    await lightbox.getByRole("button", { name: "Close" }).click();
    await lightbox.waitFor({ state: "detached" });

    await manager.getByRole("button", { name: "View files" }).click();
    const files = manager.getByRole("complementary", { name: "Files" });
    await files.getByRole("link", { name: "leak-2.png" }).waitFor();
    await files.getByRole("link", { name: "leak-1.png" }).waitFor();
    expect(await files.getByText(/Riley Chen/).count()).toBeGreaterThanOrEqual(2);
    await screenshot(manager, "attachments-view-files-desktop");

    await resident.getByRole("button", { name: "View files" }).click();
    await resident
      .getByRole("complementary", { name: "Files" })
      .getByRole("link", { name: "leak-1.png" })
      .waitFor();
    await screenshot(resident, "attachments-view-files-phone");
    await manager.context().close();
    await resident.context().close();
  });
});
