// The security headers of every answer: the API's (JSON and files: nothing may run or be framed)
// and the pages' Content-Security-Policy, whose scripts run only with the request's nonce (no
// 'unsafe-inline' scripts). Styles may be inline: React style attributes and the editor use them.

/** Headers for every page and API answer. */
export function commonSecurityHeaders(https: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** The API's: JSON and downloads are never a document that runs or embeds anything. */
export function apiSecurityHeaders(https: boolean): Record<string, string> {
  return { ...commonSecurityHeaders(https), "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'" };
}

/** The pages' policy for one response, its scripts allowed by `nonce`. */
export function pageContentSecurityPolicy(nonce: string, https: boolean, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
