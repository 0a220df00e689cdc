// Fetches a web page for import, safe by construction against server-side request forgery: only
// http and https; the host name is resolved once and every address it resolves to is checked
// (address-policy.ts), and the connection goes to the checked address (our own `lookup` hands it
// to the socket: nothing re-resolves between check and connect); redirects are followed by hand,
// at most 5, each target checked the same way; 10 s for the whole exchange; at most 5 MB of body;
// only text/html and text/plain; no cookies, credentials or proxy. Every refusal is a 422 naming
// the reason. Node's http client, not fetch: fetch (undici) cannot be given a pinned address.

import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { DomainError, validationFailed } from "../errors/domain-error";
import { addressRefusal } from "./address-policy";

export const URL_IMPORT_LIMITS = {
  redirects: 5,
  timeoutMs: 10_000,
  maxBytes: 5 * 1024 * 1024,
} as const;

const ACCEPTED_TYPES = ["text/html", "text/plain", "application/xhtml+xml"];

export interface FetchedPage {
  /** The URL the page was finally read from (after redirects). */
  url: string;
  /** The media type proper (text/html or text/plain). */
  mediaType: string;
  /** The body decoded to text (charset from the header, else the page's meta tag, else UTF-8). */
  body: string;
}

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** The address check (tests give their own allow-list). */
  refusal?: (address: string) => string | null;
}

/** A 422 about the `url` field. */
function refused(reason: string): never {
  throw validationFailed(`The page cannot be imported: ${reason}.`, { url: reason });
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    refused("this is not a web address");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") refused(`only http and https addresses can be fetched, not ${url.protocol}`);
  if (url.username || url.password) refused("addresses with a user name or password are not fetched");
  return url;
}

/** Resolves `host` and checks every address; the first one is the one connected to. */
async function checkedAddress(host: string, refusal: (address: string) => string | null): Promise<{ address: string; family: number }> {
  const literal = host.startsWith("[") ? host.slice(1, -1) : host;
  let addresses: dns.LookupAddress[];
  if (/^[\d.]+$/.test(literal) || literal.includes(":")) addresses = [{ address: literal, family: literal.includes(":") ? 6 : 4 }];
  else {
    try {
      addresses = await dns.promises.lookup(literal, { all: true, verbatim: true });
    } catch {
      refused(`the host name ${literal} could not be resolved`);
    }
  }
  if (addresses.length === 0) refused(`the host name ${literal} could not be resolved`);
  for (const { address } of addresses) {
    const why = refusal(address);
    if (why) refused(`${literal === address ? address : `${literal} resolves to ${address}`}, ${why}`);
  }
  return addresses[0] as { address: string; family: number };
}

interface Answer {
  status: number;
  location: string | null;
  contentType: string;
  body: Buffer;
}

/** One request to the checked address; the body read up to the cap. */
function requestOnce(url: URL, pinned: { address: string; family: number }, maxBytes: number, signal: AbortSignal): Promise<Answer> {
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise<Answer>((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "GET",
        lookup,
        signal,
        agent: false,
        headers: {
          "user-agent": "Sourcemark/0.1 (article import)",
          accept: "text/html,application/xhtml+xml,text/plain;q=0.9",
          "accept-encoding": "identity",
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const contentType = String(response.headers["content-type"] ?? "");
        const location = typeof response.headers.location === "string" ? response.headers.location : null;
        if (status >= 300 && status < 400) {
          response.resume();
          resolve({ status, location, contentType, body: Buffer.alloc(0) });
          return;
        }
        const declared = Number(response.headers["content-length"]);
        if (Number.isFinite(declared) && declared > maxBytes) {
          reject(tooLarge(maxBytes));
          response.destroy();
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            reject(tooLarge(maxBytes));
            response.destroy();
            return;
          }
          chunks.push(chunk);
        });
        response.on("end", () => resolve({ status, location, contentType, body: Buffer.concat(chunks) }));
        response.on("error", reject);
        response.on("aborted", () => reject(new Error("aborted")));
      },
    );
    request.on("error", reject);
    request.end();
  });
}

function tooLarge(maxBytes: number) {
  return validationFailed(`The page cannot be imported: it is larger than ${maxBytes / 1024 / 1024} MB.`, {
    url: `larger than ${maxBytes / 1024 / 1024} MB`,
  });
}

/** The charset of a content type, else of the page's own meta tag, else UTF-8; unknown labels read as UTF-8. */
function decode(body: Buffer, contentType: string): string {
  const declared = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(body.subarray(0, 2048).toString("latin1"))?.[1];
  for (const label of [declared, meta, "utf-8"]) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(body);
    } catch {
      // an unknown label: try the next
    }
  }
  return body.toString("utf8");
}

/** GETs `raw` under the rules above; the page's text or a 422 saying why not. */
export async function fetchPage(raw: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const {
    timeoutMs = URL_IMPORT_LIMITS.timeoutMs,
    maxBytes = URL_IMPORT_LIMITS.maxBytes,
    refusal = (a: string) => addressRefusal(a),
  } = options;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let url = parseUrl(raw);
    for (let redirects = 0; ; redirects++) {
      const pinned = await checkedAddress(url.hostname, refusal);
      let answer: Answer;
      try {
        answer = await requestOnce(url, pinned, maxBytes, controller.signal);
      } catch (error) {
        if (error instanceof DomainError) throw error;
        if (controller.signal.aborted) refused(`the site did not answer in full within ${timeoutMs / 1000} s`);
        refused(`the site could not be reached (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      }
      if (answer.status >= 300 && answer.status < 400 && answer.location) {
        if (redirects >= URL_IMPORT_LIMITS.redirects) refused(`more than ${URL_IMPORT_LIMITS.redirects} redirects`);
        url = parseUrl(new URL(answer.location, url).toString());
        continue;
      }
      if (answer.status < 200 || answer.status >= 300) refused(`the site answered ${answer.status}`);
      const mediaType = answer.contentType.split(";")[0]?.trim().toLowerCase() ?? "";
      if (!ACCEPTED_TYPES.includes(mediaType)) refused(`it is not a web page or plain text (${mediaType || "no content type"})`);
      return {
        url: url.toString(),
        mediaType: mediaType === "text/plain" ? "text/plain" : "text/html",
        body: decode(answer.body, answer.contentType),
      };
    }
  } finally {
    clearTimeout(timer);
  }
}
