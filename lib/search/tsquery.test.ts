import { describe, expect, it } from "vitest";
import { tsqueryConjuncts, wordPairQuery } from "./tsquery";

describe("tsqueryConjuncts", () => {
  it("splits the top level at &, keeping parentheses, phrases and negations whole", () => {
    expect(tsqueryConjuncts("'said' <-> 'japan'")).toEqual(["'said' <-> 'japan'"]);
    expect(tsqueryConjuncts("'said' <-> 'japan' & !'nato' & ( 'a' | 'b' )")).toEqual(["'said' <-> 'japan'", "!'nato'", "( 'a' | 'b' )"]);
    expect(tsqueryConjuncts("'a' <2> 'b' <-> 'c'")).toEqual(["'a' <2> 'b' <-> 'c'"]);
  });

  it("does not split inside lexemes holding quotes, ampersands or bars", () => {
    expect(tsqueryConjuncts("'at&t' <-> 'o''brien' & 'x|y'")).toEqual(["'at&t' <-> 'o''brien'", "'x|y'"]);
    expect(tsqueryConjuncts("'back\\\\slash' & 'b'")).toEqual(["'back\\\\slash'", "'b'"]);
  });

  it("gives null when the top level is an or (| binds loosest)", () => {
    expect(tsqueryConjuncts("'a' <-> 'b' | 'c'")).toBeNull();
    expect(tsqueryConjuncts("'a' & 'b' | 'c' & 'd'")).toBeNull();
  });

  it("gives no conjuncts for an empty query", () => {
    expect(tsqueryConjuncts("")).toEqual([]);
  });
});

describe("wordPairQuery", () => {
  it("makes a two-word phrase one lookup of the adjacent pair, escapes kept", () => {
    expect(wordPairQuery("'said' <-> 'japan'")).toBe("'said japan'");
    expect(wordPairQuery("'o''brien' <-> 'said'")).toBe("'o''brien said'");
    expect(wordPairQuery("'中国' <-> 'said'")).toBe("'中国 said'");
  });

  it("leaves everything else to the full-text match", () => {
    expect(wordPairQuery("'a' <-> 'b' <-> 'c'")).toBeNull(); // three words: pairs are not enough
    expect(wordPairQuery("'said' <2> 'japan'")).toBeNull(); // a stop word between
    expect(wordPairQuery("!'a' <-> 'b'")).toBeNull();
    expect(wordPairQuery("'a':* <-> 'b'")).toBeNull();
    expect(wordPairQuery("'a'")).toBeNull();
    expect(wordPairQuery("( 'a' | 'b' )")).toBeNull();
  });
});
