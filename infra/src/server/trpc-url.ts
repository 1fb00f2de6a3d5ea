/** `/api/trpc` and `/api/trpc/…`, with or without a query: what the lean handler answers. */
export function isTrpcUrl(url: string | undefined): boolean {
  return url !== undefined && /^\/api\/trpc(?:[/?]|$)/.test(url);
}
