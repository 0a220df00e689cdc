// When two speaker names (or aliases) are the same name: ignoring case, Unicode normalisation
// form and repeated spaces. Pure, so the server's uniqueness rule, imports and the browser's
// speaker search all use the one definition.

export function speakerNameKey(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** A name or alias as stored: trimmed, inner runs of spaces made one. */
export function cleanSpeakerName(name: string): string {
  return name.trim().replace(/\s+/g, " ");
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
