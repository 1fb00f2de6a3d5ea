import type { AppKind } from "@hearth/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { mayReadBoardFile } from "../board/access";
import type { Context } from "../context";
import { readableAttachment } from "../data/attachment-access";
import { insertUpload } from "../data/attachments";
import { policyRefusal, prepareUpload, type UploadRefusal } from "../files/prepare-upload";
import { readLimitedBody } from "../files/read-body";
import { INLINE_IMAGE_TYPES } from "../files/reencode";
import { policyScope } from "../policy/gateway";
import { type ApiRuntime, type ConnectionInfo, createRequestContext } from "./runtime";

/** `/api/files` (upload) and `/api/files/<id>` (download), with or without a query. */
export function isFilesUrl(url: string | undefined): boolean {
  return url !== undefined && /^\/api\/files(?:[/?]|$)/.test(url);
}

const attachmentId = z.string().uuid();

function problem(status: number, code: string, message: string): Response {
  return Response.json(
    { error: { code, message } },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}

const refusalStatus: Record<string, number> = {
  attachment_too_large: 413,
  attachment_type_not_allowed: 415,
};

function refused(refusal: UploadRefusal): Response {
  return problem(refusalStatus[refusal.code] ?? 403, refusal.code, refusal.reason);
}

type SignedIn = Context & { user: NonNullable<Context["user"]>; organizationId: string };

function member(ctx: Context): SignedIn | null {
  const organizationId = ctx.user?.organizationId;
  return ctx.user && organizationId ? { ...ctx, user: ctx.user, organizationId } : null;
}

/**
 * An upload: the raw file as the body, its name in `?name=`. The policy's limits are checked on
 * the declared length before a byte is read, then on the content itself (its sniffed type and
 * real size). Answers 201 with the new attachment, to send with a message.
 */
async function upload(ctx: SignedIn, request: Request): Promise<Response> {
  const scope = await policyScope(ctx);
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  const early = policyRefusal(scope.policy, scope.actor, {
    sizeBytes: Number.isFinite(declared) ? declared : 0,
    // The type is judged on the content below; here only the size and the on/off switch.
    mimeType: "application/octet-stream",
  });
  if (early && early.code !== "attachment_type_not_allowed") return refused(early);
  const bytes = await readLimitedBody(request.body, scope.policy.knobs.maxAttachmentBytes);
  if (bytes === "too_large")
    return refused(
      policyRefusal(scope.policy, scope.actor, {
        sizeBytes: scope.policy.knobs.maxAttachmentBytes + 1,
        mimeType: "application/octet-stream",
      }) ?? { code: "attachment_too_large", reason: "This file is too large." },
    );
  if (bytes.length === 0) return problem(400, "empty_file", "This file is empty.");
  const fileName = new URL(request.url).searchParams.get("name") ?? "file";
  const prepared = await prepareUpload(scope, { bytes, fileName });
  if (!prepared.ok) return refused(prepared.refusal);
  const { file } = prepared;
  const stored = await ctx.files.put({
    bytes: file.bytes,
    name: file.fileName,
    mimeType: file.mimeType,
  });
  const row = await insertUpload(ctx.db, {
    organizationId: ctx.organizationId,
    uploaderId: ctx.user.id,
    fileName: file.fileName,
    mimeType: file.mimeType,
    sizeBytes: file.bytes.length,
    storageKey: stored.key,
  });
  return Response.json(row, { status: 201, headers: { "Cache-Control": "no-store" } });
}

function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * A download, only for a reader of what the file belongs to (message, maintenance request, board
 * post or comment), or its uploader before anything took it.
 * Anything else is "not found", never the bytes. Only re-encoded photos show inline; every other
 * type downloads, under a policy that lets nothing in it run.
 */
async function download(ctx: SignedIn, request: Request, id: string): Promise<Response> {
  const file = await readableAttachment(
    ctx.db,
    { organizationId: ctx.organizationId, userId: ctx.user.id, kind: ctx.user.kind },
    id,
  );
  const readable =
    file &&
    (file.board === null || (await mayReadBoardFile(ctx, await policyScope(ctx), file.board)));
  if (!file || !readable)
    return problem(404, "NOT_FOUND", "This file does not exist or you cannot see it.");
  const bytes = await ctx.files.get(file.storageKey);
  if (!bytes) return problem(404, "NOT_FOUND", "This file is no longer stored.");
  const inline =
    INLINE_IMAGE_TYPES.has(file.mimeType) && !new URL(request.url).searchParams.has("download");
  return new Response(bytes, {
    headers: {
      "Content-Type": inline ? file.mimeType : "application/octet-stream",
      "Content-Length": String(bytes.length),
      "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, max-age=3600",
    },
  });
}

/** Answers `/api/files…` for `app`, before Remix, as `/api/trpc` is answered. */
export async function handleFilesRequest(
  runtime: ApiRuntime,
  app: AppKind,
  request: Request,
  connection: ConnectionInfo = {},
): Promise<Response> {
  let ctx: Context;
  try {
    ctx = await createRequestContext(runtime, app, request, new Headers(), connection);
  } catch (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN")
      return problem(403, "FORBIDDEN", error.message);
    throw error;
  }
  const signedIn = member(ctx);
  if (!signedIn) return problem(401, "UNAUTHORIZED", "Sign in to continue.");
  const path = new URL(request.url).pathname.replace(/\/+$/, "");
  if (path === "/api/files") {
    if (request.method !== "POST") return problem(405, "METHOD_NOT_SUPPORTED", "Use POST.");
    return upload(signedIn, request);
  }
  const id = path.slice("/api/files/".length);
  if (!attachmentId.safeParse(id).success)
    return problem(404, "NOT_FOUND", "This file does not exist or you cannot see it.");
  if (request.method !== "GET" && request.method !== "HEAD")
    return problem(405, "METHOD_NOT_SUPPORTED", "Use GET.");
  return download(signedIn, request, id);
}
