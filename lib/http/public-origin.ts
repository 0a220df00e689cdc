// The origin clients use to reach the server — for the same-origin check on cookie-authenticated
// writes, for links and IRIs written into responses, and to know whether it is served over HTTPS.
// SOURCEMARK_PUBLIC_URL, when set, is the answer. Otherwise the request's Host header over the
// scheme the server speaks; X-Forwarded-Proto/-Host are believed only with SOURCEMARK_TRUST_PROXY=1
// (a reverse proxy that sets them), since any client can send them.

const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

function configuredOrigin(): string | null {
  const url = process.env.SOURCEMARK_PUBLIC_URL?.trim();
  if (!url) return null;
  return new URL(url).origin;
}

export function trustsProxy(): boolean {
  const flag = process.env.SOURCEMARK_TRUST_PROXY?.trim();
  return flag === "1" || flag === "true";
}

function firstValue(header: string | null): string | null {
  return header?.split(",")[0]?.trim() || null;
}

export function publicOrigin(request: Request): string {
  const configured = configuredOrigin();
  if (configured) return configured;
  const url = new URL(request.url);
  let scheme = url.protocol.replace(":", "");
  let host = request.headers.get("host");
  if (trustsProxy()) {
    const proto = firstValue(request.headers.get("x-forwarded-proto"));
    if (proto === "http" || proto === "https") scheme = proto;
    host = firstValue(request.headers.get("x-forwarded-host")) ?? host;
  }
  return `${scheme}://${host && HOST.test(host) ? host.toLowerCase() : url.host}`;
}

export function isHttps(request: Request): boolean {
  return publicOrigin(request).startsWith("https:");
}

/**
 * Does a browser request come from our own pages? The Origin header (scheme, host and port) must be
 * ours; without one, Fetch Metadata must not say cross-site.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) {
    const site = request.headers.get("sec-fetch-site");
    return site === null || site === "same-origin" || site === "none";
  }
  return origin.toLowerCase() === publicOrigin(request);
}

/** Set by the API server from the TCP connection (any client-sent value is replaced first). */
export const REMOTE_ADDRESS_HEADER = "x-sourcemark-remote-address";

/** The client's network address: the connection's, or with SOURCEMARK_TRUST_PROXY the first X-Forwarded-For. */
export function clientAddress(request: Request): string {
  if (trustsProxy()) {
    const forwarded = firstValue(request.headers.get("x-forwarded-for"));
    if (forwarded) return forwarded;
  }
  return request.headers.get(REMOTE_ADDRESS_HEADER) ?? "unknown";
}
