// Which network addresses an article may be fetched from: public unicast addresses only. Loopback,
// private (RFC 1918), carrier-grade NAT, link-local (cloud metadata at 169.254.169.254 included),
// unique-local (fd00:ec2::254), multicast, broadcast, unspecified, documentation/benchmark ranges
// and IPv6 forms that embed an IPv4 address (mapped, 6to4, NAT64, Teredo) are refused. ipaddr.js
// classifies; the rule "only `unicast`" is ours. Tests (and only tests) may allow local ranges with
// SOURCEMARK_URL_IMPORT_ALLOW (comma-separated addresses or CIDR ranges, e.g. 127.0.0.1).

import ipaddr from "ipaddr.js";

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Why an address is refused, in words ("a loopback address"), or null when it may be fetched from. */
export function addressRefusal(address: string, allow: readonly [Address, number][] = allowList()): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  let parsed: Address = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (allow.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits))) return null;
  const range = parsed.range();
  return range === "unicast" ? null : (RANGE_NAMES[range] ?? `a reserved address (${range})`);
}

const RANGE_NAMES: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private network address",
  uniqueLocal: "a private network address (unique local)",
  linkLocal: "a link-local address (where cloud metadata services live)",
  carrierGradeNat: "a carrier-grade NAT address",
  multicast: "a multicast address",
  broadcast: "a broadcast address",
  unspecified: "an unspecified address",
};

/** SOURCEMARK_URL_IMPORT_ALLOW, read at each call (tests set it); unset by default. */
export function allowList(value = process.env.SOURCEMARK_URL_IMPORT_ALLOW): [Address, number][] {
  if (!value?.trim()) return [];
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry): [Address, number] => {
      if (entry.includes("/")) return ipaddr.parseCIDR(entry);
      const address = ipaddr.parse(entry);
      return [address, address.kind() === "ipv4" ? 32 : 128];
    });
}
