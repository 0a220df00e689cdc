// Speaker fields as the browser forms handle them: aliases typed as one comma-separated field, and
// the search box's match (the same rule as the API's `q`: name or an alias contains it, any case).
// Pure, so the forms and the tests share it.

import { cleanAliases, speakerNameKey } from "./speaker-name";

/** "Zhao, Zhao Lijian ,, 赵立坚" → ["Zhao", "Zhao Lijian", "赵立坚"]: trimmed, empty and repeated entries dropped. */
export function parseAliasText(text: string): string[] {
  return cleanAliases(text.split(/[,，、]/));
}

export function formatAliasText(aliases: readonly string[]): string {
  return aliases.join(", ");
}

/** Does the speaker's name or one of its aliases contain `query` (ignoring case and repeated spaces)? */
export function speakerMatches(speaker: { name: string; aliases: readonly string[] }, query: string): boolean {
  const needle = speakerNameKey(query);
  if (needle === "") return true;
  return [speaker.name, ...speaker.aliases].some((value) => speakerNameKey(value).includes(needle));
}
