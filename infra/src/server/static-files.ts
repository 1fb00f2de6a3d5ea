import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";

const CONTENT_TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".gif": "image/gif",
  ".html": "text/html; charset=utf-8",
  ".ico": "image/x-icon",
  ".jpeg": "image/jpeg",
  ".jpg": "image/jpeg",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".mjs": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".webp": "image/webp",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

/** Vite names everything under /assets by content hash, so a browser may keep it for good. */
const IMMUTABLE = "public, max-age=31536000, immutable";
const SHORT = "public, max-age=3600";

function fileFor(root: string, url: string | undefined): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url ?? "/", "http://x").pathname);
  } catch {
    return null;
  }
  if (pathname.includes("\0") || pathname.split("/").some((part) => part.startsWith("."))) {
    return null;
  }
  const file = path.join(root, pathname);
  return file.startsWith(root + path.sep) ? file : null;
}

/**
 * Serves the files of a client build (`build/client`) for GET and HEAD. Resolves false when no
 * such file exists, so the caller can hand the request on.
 */
export function createStaticFiles(
  clientDir: string,
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const root = path.resolve(clientDir);
  return async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const file = fileFor(root, req.url);
    if (!file) return false;
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return false;
    res.writeHead(200, {
      "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
      "Content-Length": info.size,
      "Cache-Control": file.startsWith(path.join(root, "assets") + path.sep) ? IMMUTABLE : SHORT,
      "Last-Modified": info.mtime.toUTCString(),
    });
    if (req.method === "HEAD") res.end();
    else await pipeline(createReadStream(file), res).catch(() => res.destroy());
    return true;
  };
}
