// Checks on a request's envelope that need nothing but the request: they run in the proxy before any route.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A path whose %-escapes do not decode (`/lessons/%ZZ`, a cut UTF-8 sequence) cannot name any page. */
export function hasMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

function firstValue(header: string | null): string | undefined {
  const value = header?.split(",")[0]?.trim();
  return value ? value.toLowerCase() : undefined;
}

/**
 * A state-changing request whose Origin names another host (or `null`, a sandboxed or privacy-hidden origin) is
 * cross-site. Browsers send Origin on every cross-origin POST; a request without one and without
 * `Sec-Fetch-Site: cross-site` comes from the same site or from a non-browser client, which a cookie protects
 * no less than before.
 */
export function isForeignOrigin(method: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers.get("origin");
  if (origin === null) return firstValue(headers.get("sec-fetch-site")) === "cross-site";
  const host = firstValue(headers.get("x-forwarded-host")) ?? firstValue(headers.get("host"));
  try {
    return host === undefined || new URL(origin).host.toLowerCase() !== host;
  } catch {
    return true;
  }
}

/** Served over HTTPS, directly or behind a proxy that says so in X-Forwarded-Proto. */
export function isHttps(protocol: string, headers: Headers): boolean {
  return protocol === "https:" || firstValue(headers.get("x-forwarded-proto")) === "https";
}
