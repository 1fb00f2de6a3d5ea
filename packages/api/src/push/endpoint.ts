/**
 * Which push services the server will post to. A subscription's endpoint comes from the browser,
 * so anyone signed in could name any address: only the browser vendors' push services are taken,
 * over https, plus the origins `WEB_PUSH_EXTRA_ENDPOINTS` adds (a self-hosted service, tests).
 */

/** Host names (and their subdomains) of the push services of Chrome, Firefox, Safari and Edge. */
const VENDOR_HOSTS = [
  "fcm.googleapis.com",
  "android.googleapis.com",
  "push.services.mozilla.com",
  "push.apple.com",
  "notify.windows.com",
] as const;

function onVendorHost(hostname: string): boolean {
  return VENDOR_HOSTS.some((host) => hostname === host || hostname.endsWith(`.${host}`));
}

/**
 * `extra` entries are "scheme://host" (any port), e.g. "http://127.0.0.1". Returns the reason an
 * endpoint is refused, or null when it is allowed.
 */
export function endpointProblem(endpoint: string, extra: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return "endpoint: Not a URL.";
  }
  if (url.username || url.password) return "endpoint: A push endpoint carries no credentials.";
  const allowedExtra = extra.some((entry) => {
    try {
      const allowed = new URL(entry);
      return allowed.protocol === url.protocol && allowed.hostname === url.hostname;
    } catch {
      return false;
    }
  });
  if (allowedExtra) return null;
  if (url.protocol !== "https:") return "endpoint: A push endpoint must use https.";
  if (!onVendorHost(url.hostname)) return "endpoint: Not a known browser push service.";
  return null;
}
