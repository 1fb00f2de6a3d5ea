/** What the root loader of each app gives the document (`sharedRoutes(app).document`). */
export interface DocumentData {
  /** The response's CSP nonce: scripts without it do not run. */
  nonce: string;
}
