import { UTApi, UTFile } from "uploadthing/server";
import type { FileStorage } from "./storage";

export interface UploadThingOptions {
  /** UPLOADTHING_TOKEN: base64 JSON of the app id, API key and regions. */
  token: string;
  /** Tests point these at a stand-in server; production uses UploadThing's own. */
  apiUrl?: string;
  ingestUrl?: string;
  fetch?: typeof globalThis.fetch;
}

/** How long a signed URL lives: long enough for this one server-side read, no more. */
const SIGNED_URL_SECONDS = 60;

/**
 * Files on UploadThing, kept private: every read asks for a short-lived signed URL and the API
 * server fetches the bytes itself, so the browser only ever sees our authorized route.
 */
export function createUploadThingStorage(options: UploadThingOptions): FileStorage {
  const fetchFn = options.fetch ?? globalThis.fetch;
  const api = new UTApi({
    token: options.token,
    fetch: fetchFn,
    logLevel: "Error",
    ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
    ...(options.ingestUrl ? { ingestUrl: options.ingestUrl } : {}),
  });
  return {
    async put({ bytes, name, mimeType }) {
      const file = new UTFile([bytes], name, { type: mimeType });
      const result = await api.uploadFiles(file, {
        acl: "private",
        contentDisposition: "attachment",
      });
      if (result.error) throw new Error(`UploadThing refused the file: ${result.error.message}`);
      return { key: result.data.key };
    },
    async get(key) {
      const { ufsUrl } = await api.getSignedURL(key, { expiresIn: SIGNED_URL_SECONDS });
      const response = await fetchFn(ufsUrl);
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`UploadThing answered ${response.status} for a file`);
      return new Uint8Array(await response.arrayBuffer());
    },
    async delete(keys) {
      if (keys.length > 0) await api.deleteFiles([...keys]);
    },
  };
}
