import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MessageText, safeHref } from "../src/messenger/message-text";

const html = (body: string) => renderToStaticMarkup(<MessageText body={body} />);

describe("message text", () => {
  it("renders bold, italic, lists and links, and keeps line breaks", () => {
    const out = html("**Rent** is due *Friday*.\nSecond line\n\n- keys\n- fob\n\n1. one\n2. two");
    expect(out).toContain("<strong>Rent</strong>");
    expect(out).toContain("<em>Friday</em>");
    expect(out).toContain("<br/>");
    expect(out).toMatch(/<ul[^>]*>\s*<li>keys<\/li>\s*<li>fob<\/li>\s*<\/ul>/);
    expect(out).toMatch(/<ol[^>]*>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ol>/);
  });

  it("makes links open apart from the page: new tab, noopener noreferrer", () => {
    const out = html("See [the form](https://example.com/form) or https://example.com/faq");
    expect(out).toContain(
      '<a href="https://example.com/form" target="_blank" rel="noopener noreferrer"',
    );
    expect(out).toContain('href="https://example.com/faq"');
  });

  it("never renders raw HTML or a javascript: link", () => {
    const out = html(
      "<script>alert(1)</script><img src=x onerror=alert(1)> [click](javascript:alert(1)) [x](JaVaScRiPt:alert(1)) [d](data:text/html,hi)",
    );
    expect(out).not.toContain("<script");
    expect(out).not.toContain("<img");
    expect(out).not.toMatch(/href="(javascript|data):/i);
    expect(out).not.toContain("<a ");
    // What was typed stays, as text.
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).toContain("click");
  });

  it("refuses every scheme but http, https and mailto", () => {
    expect(safeHref("https://a.example")).toBe("https://a.example");
    expect(safeHref("mailto:office@example.com")).toBe("mailto:office@example.com");
    for (const bad of [
      "javascript:alert(1)",
      " javascript:x",
      "vbscript:x",
      "data:text/html,x",
      "file:///etc/passwd",
    ])
      expect(safeHref(bad), bad).toBeNull();
  });

  it("leaves headings, images and code as the text they were written as", () => {
    const out = html("# Title\n\n![pic](https://example.com/a.png)\n\n`code`");
    expect(out).not.toMatch(/<h1|<img|<code/);
    expect(out).toContain("Title");
  });
});
