// When two speaker names (or aliases) are the same name: ignoring case, compatibility forms
// (full-width letters, ligatures: NFKC), invisible format characters (zero-width space, direction
// marks, soft hyphen) and repeated spaces. Pure, so the server's uniqueness rule, imports and the
// browser's speaker search all use the one definition.

/** Version of the rule; stored keys made by an older one are recomputed at start-up (speaker-keys.ts). */
export const SPEAKER_KEY_VERSION = 2;

const FORMAT_CHARACTERS = /\p{Cf}/gu;

export function speakerNameKey(name: string): string {
  return name.normalize("NFKC").replace(FORMAT_CHARACTERS, "").trim().replace(/\s+/g, " ").toLowerCase();
}

/** A name or alias as stored: trimmed (of invisible format characters too), inner runs of spaces made one. */
export function cleanSpeakerName(name: string): string {
  return name.replace(/^[\s\p{Cf}]+|[\s\p{Cf}]+$/gu, "").replace(/\s+/g, " ");
}

/** Aliases as stored: cleaned, without empty ones, repeats or the name itself (by speakerNameKey). */
export function cleanAliases(aliases: readonly string[], name?: string): string[] {
  const seen = new Set(name === undefined ? [] : [speakerNameKey(name)]);
  const result: string[] = [];
  for (const alias of aliases) {
    const cleaned = cleanSpeakerName(alias);
    const key = speakerNameKey(cleaned);
    if (cleaned === "" || seen.has(key)) continue;
    seen.add(key);
    result.push(cleaned);
  }
  return result;
}
