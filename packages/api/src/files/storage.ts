/**
 * Where attachment bytes live: a port with a local-disk adapter (the default) and an UploadThing
 * adapter (when UPLOADTHING_TOKEN is set). Rows in `attachments` say who may read a file; the
 * storage only keeps bytes under an opaque key.
 */
/** Bytes in memory, over a plain (not shared) buffer, as fetch bodies and Blobs take them. */
export type Bytes = Uint8Array<ArrayBuffer>;

export interface StoredFile {
  /** The key to read or delete the file by; saved as `attachments.storage_key`. */
  key: string;
}

export interface FileStorage {
  /** Stores the bytes; the name only helps someone browsing the storage. */
  put(file: { bytes: Bytes; name: string; mimeType: string }): Promise<StoredFile>;
  /** The bytes of a stored file, or null when the storage no longer has it. */
  get(key: string): Promise<Bytes | null>;
  /** Deletes the files; a key already gone is not an error. */
  delete(keys: readonly string[]): Promise<void>;
}
