// When two speaker names (or aliases) are the same name: ignoring case, Unicode normalisation
// form and repeated spaces. Pure, so the server's uniqueness rule, imports and the browser's
// speaker search all use the one definition.

export function speakerNameKey(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}
