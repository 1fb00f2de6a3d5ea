import { type AttachmentLimits, checkAttachment } from "@hearth/policies";
import { useCallback, useEffect, useRef, useState } from "react";
import { type StoredUpload, UploadRefused, uploadFile } from "./upload-file";

/** A file in the composer's tray, from the moment it is picked until the message is sent. */
export interface TrayFile {
  localId: string;
  name: string;
  sizeBytes: number;
  /** "refused": never uploaded (or refused by the server), `reason` says why. */
  state: "uploading" | "stored" | "failed" | "refused";
  progress: number;
  reason?: string;
  stored?: StoredUpload;
}

/** The tray's files as a message took them, with what is needed to retry their uploads. */
export interface TakenFiles {
  files: TrayFile[];
  sources: Map<string, { file: File; abort: AbortController }>;
}

/** Files a message can carry at most, as the API allows. */
export const MAX_FILES = 10;

/**
 * The composer's uploads: each picked file is checked against the policy's limits first (a
 * refusal shows its reason and nothing is sent), then uploads at once with its own progress.
 * A failed upload can be retried and any file removed (cancelling it if still on its way).
 */
export function useUploads(limits: AttachmentLimits) {
  const [files, setFiles] = useState<TrayFile[]>([]);
  const sources = useRef(new Map<string, { file: File; abort: AbortController }>());

  const update = useCallback((localId: string, change: Partial<TrayFile>) => {
    setFiles((list) => list.map((f) => (f.localId === localId ? { ...f, ...change } : f)));
  }, []);

  const start = useCallback(
    (localId: string, file: File) => {
      const abort = new AbortController();
      sources.current.set(localId, { file, abort });
      update(localId, { state: "uploading", progress: 0, reason: undefined });
      uploadFile(file, (progress) => update(localId, { progress }), abort.signal).then(
        (stored) => update(localId, { state: "stored", progress: 1, stored }),
        (error: unknown) => {
          if (abort.signal.aborted) return;
          update(localId, {
            state: error instanceof UploadRefused ? "refused" : "failed",
            reason: error instanceof Error ? error.message : "The upload failed.",
          });
        },
      );
    },
    [update],
  );

  const add = useCallback(
    (picked: Iterable<File>) => {
      const added: TrayFile[] = [];
      for (const file of picked) {
        const localId = globalThis.crypto.randomUUID();
        const refusal = checkAttachment(limits, { sizeBytes: file.size, mimeType: file.type });
        const tooMany = files.length + added.length >= MAX_FILES;
        added.push({
          localId,
          name: file.name || "Pasted image",
          sizeBytes: file.size,
          state: refusal || tooMany ? "refused" : "uploading",
          progress: 0,
          ...(refusal
            ? { reason: refusal.reason }
            : tooMany
              ? { reason: `A message can carry up to ${MAX_FILES} files.` }
              : {}),
        });
        if (!refusal && !tooMany) queueMicrotask(() => start(localId, file));
      }
      setFiles((list) => [...list, ...added]);
    },
    [files.length, limits, start],
  );

  const retry = useCallback(
    (localId: string) => {
      const source = sources.current.get(localId);
      if (source) start(localId, source.file);
    },
    [start],
  );

  const remove = useCallback((localId: string) => {
    sources.current.get(localId)?.abort.abort();
    sources.current.delete(localId);
    setFiles((list) => list.filter((f) => f.localId !== localId));
  }, []);

  const clear = useCallback(() => {
    sources.current.clear();
    setFiles([]);
  }, []);

  /** Empties the tray for a message on its way; `putBack` returns the files if it can't go. */
  const take = useCallback((): TakenFiles => {
    const taken = { files, sources: new Map(sources.current) };
    sources.current.clear();
    setFiles([]);
    return taken;
  }, [files]);

  const putBack = useCallback((taken: TakenFiles) => {
    for (const [localId, source] of taken.sources) sources.current.set(localId, source);
    setFiles((list) => [...taken.files, ...list]);
  }, []);

  useEffect(() => {
    const current = sources.current;
    return () => {
      for (const { abort } of current.values()) abort.abort();
    };
  }, []);

  const waiting = files.some((f) => f.state === "uploading");
  const broken = files.some((f) => f.state === "failed");
  const refused = files.some((f) => f.state === "refused");
  return {
    files,
    add,
    retry,
    remove,
    clear,
    take,
    putBack,
    /** Why the message can't go yet, or null when every kept file is stored. */
    blocker: waiting
      ? "Wait until your files have uploaded."
      : broken
        ? "Retry or remove the files that failed."
        : refused
          ? "Remove the files that can't be attached."
          : null,
    storedIds: files.flatMap((f) => (f.state === "stored" && f.stored ? [f.stored.id] : [])),
  };
}

export type Uploads = ReturnType<typeof useUploads>;
