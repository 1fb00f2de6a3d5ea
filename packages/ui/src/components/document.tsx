import { Links, Meta, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { DocumentData } from "../document-data";
import { themeScript } from "../theme/theme-choice";
import { useStoredTheme } from "../theme/theme-toggle";
import { HydrationMarker } from "./hydration-marker";
import { NavigationProgress } from "./navigation-progress";

/** The HTML document both apps render. */
export function AppDocument({ children }: { children: ReactNode }) {
  const nonce = useRouteLoaderData<DocumentData>("root")?.nonce;
  useStoredTheme();
  return (
    // The theme script may set data-theme before React hydrates.
    <html lang="en" className="h-full" suppressHydrationWarning>
      <head>
        {/* Browsers hide a nonce from the DOM once the page is parsed (it reads back as ""), so
            React would report a mismatch on every hydration without suppressHydrationWarning. */}
        <script
          nonce={nonce}
          suppressHydrationWarning
          // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script, before first paint
          dangerouslySetInnerHTML={{ __html: themeScript }}
        />
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link
          rel="icon"
          href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='4' fill='%231f5ad6'/%3E%3C/svg%3E"
        />
        <Meta />
        <Links />
      </head>
      <body className="h-full bg-slate-50 text-slate-900">
        <NavigationProgress />
        {children}
        <HydrationMarker />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}
