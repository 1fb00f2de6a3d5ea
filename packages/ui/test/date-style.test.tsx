import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DateStyleProvider, useDateStyle } from "../src/dates/date-style";
import { dateTime, shortTime } from "../src/messenger/format";

const AT = "2026-11-22T18:30:00Z";

function Shown({ fallback }: { fallback?: string }) {
  const style = useDateStyle(fallback);
  return <>{`${style.timeZone}|${dateTime(AT, style)}`}</>;
}

function Ago() {
  return <>{shortTime("2026-11-22T18:24:30Z", useDateStyle())}</>;
}

const render = (node: React.ReactNode) => renderToStaticMarkup(node);

describe("the viewer's date style on the server", () => {
  it("uses the zone the person chose, over the organization's", () => {
    expect(
      render(
        <DateStyleProvider chosenTimeZone="Asia/Kolkata" organizationTimeZone="America/New_York">
          <Shown fallback="UTC" />
        </DateStyleProvider>,
      ),
    ).toBe("Asia/Kolkata|Nov 23, 2026, 12:00 AM");
  });

  it("without a choice, renders in the organization's zone until the browser's takes over", () => {
    expect(
      render(
        <DateStyleProvider chosenTimeZone={null} organizationTimeZone="America/New_York">
          <Shown />
        </DateStyleProvider>,
      ),
    ).toBe("America/New_York|Nov 22, 2026, 1:30 PM");
  });

  it("outside the signed-in layouts, the page's fallback, else UTC", () => {
    expect(render(<Shown fallback="Europe/Paris" />)).toBe("Europe/Paris|Nov 22, 2026, 7:30 PM");
    expect(render(<Shown />)).toBe("UTC|Nov 22, 2026, 6:30 PM");
  });

  it("counts 'min ago' from when the server rendered, so hydration agrees when a minute turns", () => {
    const page = (renderedAt: number) =>
      render(
        <DateStyleProvider chosenTimeZone="UTC" organizationTimeZone="UTC" renderedAt={renderedAt}>
          <Ago />
        </DateStyleProvider>,
      );
    // Rendered at 18:30:00, the list said "5 min ago"; the same data says it again at any later
    // moment (as the browser's hydration pass does), whatever the clock says by then.
    expect(page(Date.parse(AT))).toBe("5 min ago");
    expect(page(Date.parse("2026-11-22T18:31:00Z"))).toBe("6 min ago");
  });
});
