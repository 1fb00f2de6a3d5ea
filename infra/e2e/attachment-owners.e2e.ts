import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { seriousFindings } from "./axe";
import { newPage, screenshot, signIn, unique, useBrowser } from "./browser";

const { managerUrl, residentUrl } = inject("e2e");
const { browser } = useBrowser();

// Two small photos (64×48 PNGs, green and orange).
const greenPhoto =
  "iVBORw0KGgoAAAANSUhEUgAAAEAAAAAwCAIAAAAuKetIAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAfUlEQVR4nO2SAQkAURSDlsWS63QpL4Y8/sAAOha+nia6AQuoviK7UO8S3YAFVF+RXah3iW7AAqqvyC7Uu0Q3YAHVV2QX6l2iG7CA6iuyC/Uu0Q1YQPUV2YV6l+gGLKD6iuxCvUt0AxZQfUV2od4lugELqL4iu1DvEt2AxwN+liEk4ru3XscAAAAASUVORK5CYII=";
const orangePhoto =
  "iVBORw0KGgoAAAANSUhEUgAAAEAAAAAwCAIAAAAuKetIAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAfUlEQVR4nO2SAQkAURSD1slOF98MF2M8/sAAOhY/TpO6gQugvqK7EHdJ3cAFUF/RXYi7pG7gAqiv6C7EXVI3cAHUV3QX4i6pG7gA6iu6C3GX1A1cAPUV3YW4S+oGLoD6iu5C3CV1AxdAfUV3Ie6SuoELoL6iuxB3Sd3AxwN+ODRVD7wy7GIAAAAASUVORK5CYII=";

/** A one-page PDF with a line of text, its cross-reference table at the right offsets. */
function onePagePdf(text: string): Buffer {
  const stream = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

async function signedIn(
  baseUrl: string,
  email: string,
  viewport: { width: number; height: number },
): Promise<Page> {
  // axe is injected into the page, past the apps' CSP.
  const context = await browser().newContext({ viewport, bypassCSP: true });
  const page = await newPage(context);
  await signIn(page, baseUrl, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

function thread(page: Page) {
  return page.getByRole("region", { name: /^Conversation:/ });
}

describe("photos on a maintenance request (connected: one thread per request)", () => {
  it("the resident attaches two photos and a PDF, refused files say why; the manager sees them live in the thread, on the request, in the lightbox and under View Files", async () => {
    const manager = await signedIn(managerUrl, "owner@connected.demo", {
      width: 1280,
      height: 800,
    });
    await manager.goto(`${managerUrl}/inbox`);

    const resident = await signedIn(residentUrl, "resident@connected.demo", {
      width: 390,
      height: 844,
    });
    await resident.goto(`${residentUrl}/maintenance`);
    const title = unique("Leak under the sink");
    await resident.getByLabel("Title").fill(title);
    await resident.getByLabel("What's wrong?").fill("Water pools under the kitchen sink.");
    const tray = resident.getByRole("list", { name: "Files to send" });
    const files = resident.getByLabel("Files to attach");

    // Refused in the browser before it uploads: over the profile's 20 MB.
    await files.setInputFiles({
      name: "huge-video.png",
      mimeType: "image/png",
      buffer: Buffer.alloc(21 * 1024 * 1024),
    });
    await tray.getByText("Files can be up to 20 MB.").waitFor();
    await tray.getByRole("button", { name: "Remove huge-video.png" }).click();

    // Refused by the server, which reads the content: a web page called a photo.
    await files.setInputFiles({
      name: "photo.png",
      mimeType: "image/png",
      buffer: Buffer.from("<html><script>alert(1)</script></html>"),
    });
    await tray.getByText("Web pages and SVG images can't be attached.").waitFor();
    await expect
      .poll(() => resident.getByRole("button", { name: "Send request" }).isDisabled())
      .toBe(true);
    await tray.getByRole("button", { name: "Remove photo.png" }).click();

    await files.setInputFiles([
      { name: "sink-1.png", mimeType: "image/png", buffer: Buffer.from(greenPhoto, "base64") },
      { name: "sink-2.png", mimeType: "image/png", buffer: Buffer.from(orangePhoto, "base64") },
      { name: "plumber-quote.pdf", mimeType: "application/pdf", buffer: onePagePdf("Quote") },
    ]);
    await expect.poll(() => tray.getByText("Ready").count()).toBe(3);
    await screenshot(resident, "maintenance-photos-tray-phone");
    expect(await seriousFindings(resident)).toEqual([]);
    await resident.getByRole("button", { name: "Send request" }).click();
    await resident.getByText("Request sent to your manager.").waitFor();
    await expect.poll(() => tray.count()).toBe(0);
    const mine = resident.getByRole("listitem").filter({ hasText: title });
    await mine.getByRole("button", { name: "Open sink-1.png" }).waitFor();

    // The request's thread reaches the manager's open inbox live, its photos with it.
    await manager.getByRole("link", { name: new RegExp(title) }).click();
    const first = thread(manager).getByRole("listitem").filter({ hasText: "Water pools" });
    const thumbnails = first.getByRole("button", { name: /^Open sink-\d\.png$/ });
    await expect.poll(() => thumbnails.count()).toBe(2);
    await first.getByRole("img", { name: "First page of plumber-quote.pdf" }).waitFor();
    await first.getByRole("button", { name: "Open sink-2.png" }).click();
    const lightbox = manager.getByRole("dialog", { name: "sink-2.png" });
    await lightbox.getByRole("img", { name: "sink-2.png" }).waitFor();
    await screenshot(manager, "maintenance-photos-lightbox-desktop");
    await lightbox.getByRole("button", { name: "Close" }).click();
    await lightbox.waitFor({ state: "detached" });

    await manager.getByRole("button", { name: "View files" }).click();
    const shared = manager.getByRole("complementary", { name: "Files" });
    await shared.getByRole("link", { name: "sink-1.png" }).waitFor();
    await shared.getByRole("link", { name: "sink-2.png" }).waitFor();

    // The managers' maintenance page lists the files; the request shows them.
    await manager.goto(`${managerUrl}/maintenance`);
    await manager
      .getByRole("listitem")
      .filter({ hasText: title })
      .getByText(/3 files/)
      .waitFor();
    await manager.getByRole("link", { name: title }).click();
    await manager.getByRole("heading", { name: title }).waitFor();
    await expect
      .poll(() => manager.getByRole("button", { name: /^Open sink-\d\.png$/ }).count())
      .toBe(2);
    await manager.getByRole("img", { name: "First page of plumber-quote.pdf" }).waitFor();
    await screenshot(manager, "maintenance-photos-request-desktop");
    expect(await seriousFindings(manager)).toEqual([]);

    await manager.context().close();
    await resident.context().close();
  });
});

describe("files on a new conversation and on the board", () => {
  it("the first message of a new conversation carries a PDF, shown as its first page", async () => {
    const manager = await signedIn(managerUrl, "owner@standard.demo", {
      width: 1280,
      height: 800,
    });
    await manager.goto(`${managerUrl}/inbox/new`);
    await manager.getByLabel("To", { exact: true }).fill("Riley");
    await manager.getByRole("button", { name: /Riley Chen/ }).click();
    await manager.getByLabel("Files to attach").setInputFiles({
      name: "welcome-pack.pdf",
      mimeType: "application/pdf",
      buffer: onePagePdf("Welcome"),
    });
    await manager.getByRole("list", { name: "Files to send" }).getByText("Ready").waitFor();
    const text = `Your welcome pack ${unique("pack")}`;
    await manager.getByLabel("Message", { exact: true }).fill(text);
    await manager.getByLabel("Message", { exact: true }).press("Enter");
    await manager.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
    const sent = thread(manager).getByRole("listitem").filter({ hasText: text });
    await sent.getByRole("img", { name: "First page of welcome-pack.pdf" }).waitFor();
    await screenshot(manager, "attachments-new-conversation-pdf-desktop");
    await manager.context().close();
  });

  it("a new conversation whose start fails keeps its text and its file, and sends both on the next try", async () => {
    const manager = await signedIn(managerUrl, "owner@standard.demo", {
      width: 1280,
      height: 800,
    });
    await manager.goto(`${managerUrl}/inbox/new`);
    await manager.getByLabel("To", { exact: true }).fill("Sam");
    await manager.getByRole("button", { name: /Sam Patel/ }).click();
    await manager.getByLabel("Files to attach").setInputFiles({
      name: "move-in-checklist.pdf",
      mimeType: "application/pdf",
      buffer: onePagePdf("Checklist"),
    });
    const tray = manager.getByRole("list", { name: "Files to send" });
    await tray.getByText("Ready").waitFor();
    const text = `Your move-in checklist ${unique("checklist")}`;
    const box = manager.getByLabel("Message", { exact: true });
    await box.fill(text);
    // The network fails the start (the browser's request errors out, as on a dropped connection).
    const start = "**/api/trpc/conversations.start**";
    await manager.route(start, (route) => route.abort("internetdisconnected"));
    await box.press("Enter");
    await manager
      .getByRole("alert")
      .filter({ hasText: "connection or the server failed" })
      .waitFor();
    expect(await box.inputValue()).toBe(text);
    expect(await tray.getByRole("listitem").count()).toBe(1);
    await tray.getByRole("listitem").filter({ hasText: "move-in-checklist.pdf" }).waitFor();

    await manager.unroute(start);
    await box.press("Enter");
    await manager.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
    const sent = thread(manager).getByRole("listitem").filter({ hasText: text });
    await sent.getByRole("img", { name: "First page of move-in-checklist.pdf" }).waitFor();
    await manager.context().close();
  });

  it("a manager's post carries a photo, a resident's response another; each opens in the lightbox", async () => {
    const manager = await signedIn(managerUrl, "owner@connected.demo", {
      width: 1280,
      height: 800,
    });
    await manager.goto(`${managerUrl}/board`);
    const title = unique("Pool opens");
    await manager.getByLabel("Title", { exact: true }).fill(title);
    await manager.getByLabel("For", { exact: true }).selectOption({ label: "Harbor View" });
    await manager.getByLabel("Post", { exact: true }).fill("The pool opens on Saturday.");
    await manager.getByLabel("Files to attach").setInputFiles({
      name: "pool.png",
      mimeType: "image/png",
      buffer: Buffer.from(greenPhoto, "base64"),
    });
    await manager.getByRole("list", { name: "Files to send" }).getByText("Ready").waitFor();
    await manager.getByRole("button", { name: "Publish" }).click();
    await manager.waitForURL(/\/board\/[0-9a-f-]{36}$/);
    await manager.getByRole("button", { name: "Open pool.png" }).waitFor();
    const postPath = new URL(manager.url()).pathname;

    const resident = await signedIn(residentUrl, "resident@connected.demo", {
      width: 390,
      height: 844,
    });
    await resident.goto(`${residentUrl}${postPath}`);
    await resident.getByRole("button", { name: "Open pool.png" }).waitFor();
    const response = resident
      .locator("form")
      .filter({ has: resident.getByPlaceholder("Write a response") });
    await response.getByLabel("Files to attach").setInputFiles({
      name: "towel.png",
      mimeType: "image/png",
      buffer: Buffer.from(orangePhoto, "base64"),
    });
    await response.getByRole("list", { name: "Files to send" }).getByText("Ready").waitFor();
    await resident.getByPlaceholder("Write a response").fill("Is this towel anyone's?");
    await resident.getByRole("button", { name: "Respond" }).click();
    const comment = resident
      .getByRole("list", { name: "Comments" })
      .getByRole("listitem")
      .filter({ hasText: "Is this towel anyone's?" });
    await comment.getByRole("button", { name: "Open towel.png" }).click();
    await resident.getByRole("dialog", { name: "towel.png" }).waitFor();
    await screenshot(resident, "attachments-board-comment-lightbox-phone");
    expect(await seriousFindings(resident)).toEqual([]);

    await manager.reload();
    await manager
      .getByRole("list", { name: "Comments" })
      .getByRole("button", { name: "Open towel.png" })
      .waitFor();
    await manager.context().close();
    await resident.context().close();
  });
});
