// BCP 47 language tags ("en", "pt-BR", "zh-Hant-TW"), as documents store them: checked and put in
// canonical form by Intl.getCanonicalLocales, so "EN-us" becomes "en-US"
// and "Français" or "en_US" are refused (og:locale's underscores are the caller's to turn into hyphens).

/** The canonical form of a BCP 47 tag, or null when `value` is not one. */
export function canonicalLanguageTag(value: string | null | undefined): string | null {
  const tag = value?.trim();
  if (!tag) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}
