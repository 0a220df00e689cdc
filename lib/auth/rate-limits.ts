// Rate limits on what an attacker repeats: password guesses, sign-ups and made-up API tokens, and
// on pages fetched from other sites for import.
// Counters live in PostgreSQL (rate-limiter-flexible's store, table rate_limits), so the limits
// hold across every app process on one database. Sign-in failures slow down progressively per
// account-and-address (2 s, 4 s, 8 s … at most 15 min after 5 free tries) — an attacker elsewhere
// cannot lock a person out from their own address — with wider nets per address and per account.
// Only failures are counted: a script using a valid token pays nothing.

import { LRUCache } from "lru-cache";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pool } from "../db/client";
import { tooManyRequests } from "../errors/domain-error";

const TABLE = "rate_limits";

interface Limit {
  /** Failures allowed in `window` seconds before blocking. */
  points: number;
  window: number;
  /** How long a key is blocked once over (seconds). */
  block: number;
}

/** The limits, in one place (also what the README's security section lists). */
export const LIMITS = {
  /** Wrong passwords for one account from one address, before progressive delays. */
  signInAccountAddress: { points: 5, window: 15 * 60, block: 0 },
  /** Wrong passwords from one address, whatever the accounts. */
  signInAddress: { points: 50, window: 15 * 60, block: 15 * 60 },
  /** Wrong passwords for one account, from anywhere (a distributed guess). */
  signInAccount: { points: 100, window: 60 * 60, block: 15 * 60 },
  /** Accounts created from one address. */
  signUpAddress: { points: 10, window: 60 * 60, block: 60 * 60 },
  /** Unknown API tokens presented from one address. */
  badTokenAddress: { points: 30, window: 60, block: 5 * 60 },
  /** Pages fetched by one user for import from a URL (each is a request to another site). */
  urlImportUser: { points: 60, window: 10 * 60, block: 0 },
} as const satisfies Record<string, Limit>;

const MAX_DELAY_SECONDS = 15 * 60;

/**
 * SOURCEMARK_RATE_LIMIT_SCALE multiplies every allowance (default 1): end-to-end suites and load
 * benchmarks that sign up hundreds of accounts from one address set it; production leaves it alone.
 */
function scale(): number {
  const value = Number(process.env.SOURCEMARK_RATE_LIMIT_SCALE ?? 1);
  return Number.isFinite(value) && value >= 1 ? value : 1;
}

function allowance(name: LimitName): number {
  return LIMITS[name].points * scale();
}

type LimitName = keyof typeof LIMITS;

const holder = globalThis as unknown as { __sourcemarkLimiters?: Map<LimitName, RateLimiterPostgres> };

function limiter(name: LimitName): RateLimiterPostgres {
  holder.__sourcemarkLimiters ??= new Map();
  let found = holder.__sourcemarkLimiters.get(name);
  if (!found) {
    const limit: Limit = LIMITS[name];
    found = new RateLimiterPostgres({
      storeClient: pool(),
      storeType: "pool",
      tableName: TABLE,
      tableCreated: true,
      keyPrefix: name,
      points: allowance(name),
      duration: limit.window,
      blockDuration: limit.block,
    });
    holder.__sourcemarkLimiters.set(name, found);
  }
  return found;
}

function refuse(msBeforeNext: number, what: string): never {
  throw tooManyRequests(`Too many ${what}; try again in ${Math.ceil(msBeforeNext / 1000)} s.`, Math.max(1, Math.ceil(msBeforeNext / 1000)));
}

/** Throws 429 if any of these keys is over its limit now. */
async function ensureOpen(checks: [LimitName, string][], what: string): Promise<void> {
  for (const [name, key] of checks) {
    const state = await limiter(name).get(key);
    if (state && state.consumedPoints > allowance(name) && state.msBeforeNext > 0) refuse(state.msBeforeNext, what);
  }
}

/** Counts one failure against each key; over a limit, the key is blocked (progressively, for the first). */
async function countFailure(checks: [LimitName, string][]): Promise<void> {
  for (const [name, key] of checks) {
    try {
      await limiter(name).consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      if (name === "signInAccountAddress") {
        const over = error.consumedPoints - allowance(name);
        await limiter(name).block(key, Math.min(MAX_DELAY_SECONDS, 2 ** over));
      }
    }
  }
}

function signInKeys(email: string, address: string): [LimitName, string][] {
  return [
    ["signInAccountAddress", `${email}|${address}`],
    ["signInAddress", address],
    ["signInAccount", email],
  ];
}

/**
 * Runs a password check under the sign-in limits: refused with 429 (and Retry-After) while a key
 * is blocked; a failure counts against all three keys; a success clears this account-and-address.
 */
export async function limitSignIn<T>(email: string, address: string, check: () => Promise<T | null>): Promise<T | null> {
  const keys = signInKeys(email, address);
  await ensureOpen(keys, "sign-in attempts");
  const result = await check();
  if (result === null) await countFailure(keys);
  else await limiter("signInAccountAddress").delete(`${email}|${address}`);
  return result;
}

/** Counts one use of `name` by `key`; 429 (saying `what`) beyond the limit. */
async function consumeOrRefuse(name: LimitName, key: string, what: string): Promise<void> {
  try {
    await limiter(name).consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) refuse(error.msBeforeNext, what);
    throw error;
  }
}

/** Counts an account creation from `address`; 429 beyond the limit. */
export function limitSignUp(address: string): Promise<void> {
  return consumeOrRefuse("signUpAddress", address, "accounts created from this address");
}

/** Counts a page fetched for `userId`'s import from a URL; 429 beyond the limit. */
export function limitUrlImport(userId: string): Promise<void> {
  return consumeOrRefuse("urlImportUser", userId, "pages fetched for import");
}

/**
 * Addresses this process knows to be blocked for bad tokens, so that every bearer request can be
 * checked without a database round trip (a blocked address must not go on learning which tokens
 * are valid). Other processes learn it at that address's next bad token. Each entry leaves when its
 * block ends; at most MAX_BLOCKED_ADDRESSES are kept, the least recently seen going first, so many
 * addresses cannot grow it without bound (one pushed out is blocked again at its next bad token).
 */
const MAX_BLOCKED_ADDRESSES = 10_000;
const blockedTokenAddresses = new LRUCache<string, number>({ max: MAX_BLOCKED_ADDRESSES });

/** Before a bearer token is looked up: 429 if this address is blocked for presenting unknown tokens. */
export function ensureTokensAllowed(address: string): void {
  const until = blockedTokenAddresses.get(address);
  if (until !== undefined && until > Date.now()) refuse(until - Date.now(), "invalid API tokens from this address");
}

/** After an unknown token: counts it; once over the limit the address is blocked (429). */
export async function countBadToken(address: string): Promise<void> {
  await countFailure([["badTokenAddress", address]]);
  const state = await limiter("badTokenAddress").get(address);
  if (state && state.consumedPoints > allowance("badTokenAddress") && state.msBeforeNext > 0) {
    blockedTokenAddresses.set(address, Date.now() + state.msBeforeNext, { ttl: state.msBeforeNext });
    refuse(state.msBeforeNext, "invalid API tokens from this address");
  }
}
