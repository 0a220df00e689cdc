// Next.js Proxy (runs before every page): a fresh nonce per request for the Content-Security-Policy,
// passed to Next (which puts it on its own scripts) and set on the answer with the other security
// headers. API answers get theirs from the API server path (lib/http/node-adapter.ts).

import { NextResponse, type NextRequest } from "next/server";
import { isHttps } from "@/lib/http/public-origin";
import { commonSecurityHeaders, pageContentSecurityPolicy } from "@/lib/http/security-headers";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = isHttps(request);
  const policy = pageContentSecurityPolicy(nonce, https, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(commonSecurityHeaders(https))) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
