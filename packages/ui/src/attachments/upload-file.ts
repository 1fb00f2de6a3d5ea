/** An upload the server accepted: send its id with the message. */
export interface StoredUpload {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
}

export class UploadRefused extends Error {
  constructor(
    readonly status: number,
    reason: string,
  ) {
    super(reason);
    this.name = "UploadRefused";
  }
}

/**
 * Sends one file to `/api/files` with XMLHttpRequest, the one browser API that reports upload
 * progress. A 4xx is the server's refusal (its reason is for the user); anything else may work
 * on a retry.
 */
export function uploadFile(
  file: File,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<StoredUpload> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/files?name=${encodeURIComponent(file.name)}`);
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = xhr.response as (StoredUpload & { error?: { message?: string } }) | null;
      if (xhr.status === 201 && body) return resolve(body);
      const reason = body?.error?.message ?? "The upload failed.";
      reject(
        xhr.status >= 400 && xhr.status < 500
          ? new UploadRefused(xhr.status, reason)
          : new Error(reason),
      );
    };
    xhr.onerror = () => reject(new Error("The connection was lost."));
    xhr.onabort = () => reject(new DOMException("Cancelled", "AbortError"));
    signal.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
