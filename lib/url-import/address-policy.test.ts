import { describe, expect, it } from "vitest";
import { addressRefusal, allowList } from "./address-policy";

describe("addressRefusal", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.0.0.2", "loopback"],
    ["::1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local"],
    ["fe80::1", "link-local"],
    ["fd00:ec2::254", "unique local"],
    ["100.100.100.200", "carrier-grade NAT"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["2002:7f00:1::", "reserved"],
    ["64:ff9b::7f00:1", "reserved"],
    ["192.0.2.1", "reserved"],
  ])("refuses %s (%s)", (address, why) => {
    expect(addressRefusal(address, [])).toContain(why);
  });

  it.each(["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:93.184.216.34"])("allows the public address %s", (address) => {
    expect(addressRefusal(address, [])).toBeNull();
  });

  it("lets the test allow-list open single addresses and ranges, and nothing else", () => {
    const allow = allowList("127.0.0.1, 10.9.0.0/16");
    expect(addressRefusal("127.0.0.1", allow)).toBeNull();
    expect(addressRefusal("127.0.0.2", allow)).toContain("loopback");
    expect(addressRefusal("10.9.200.1", allow)).toBeNull();
    expect(addressRefusal("10.10.0.1", allow)).toContain("private");
    expect(addressRefusal("::1", allow)).toContain("loopback");
    expect(allowList(undefined)).toEqual([]);
    expect(allowList(" ")).toEqual([]);
  });

  it("says what is not an address", () => {
    expect(addressRefusal("example.org", [])).toBe("not an IP address");
  });
});
