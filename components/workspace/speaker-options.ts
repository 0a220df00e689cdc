// Which speakers a typed query offers in the Speaker combobox: names and aliases containing the
// query (any case), those starting with it first; then "Create speaker" unless the name exists;
// then "No speaker". Pure, so it is unit-tested.

import { cleanSpeakerName, speakerNameKey } from "@/lib/speakers/speaker-name";
import type { SpeakerView } from "@/lib/speakers/speakers";

export type SpeakerChoice = { type: "existing"; speaker: SpeakerView } | { type: "create"; name: string } | { type: "none" };

const MAX_MATCHES = 8;

export function speakerChoices(speakers: readonly SpeakerView[], query: string): SpeakerChoice[] {
  const q = speakerNameKey(query);
  const scored: { speaker: SpeakerView; score: number }[] = [];
  for (const speaker of speakers) {
    const names = [speaker.name, ...speaker.aliases].map(speakerNameKey);
    if (!q) {
      scored.push({ speaker, score: 2 });
      continue;
    }
    if (names.some((n) => n === q)) scored.push({ speaker, score: 0 });
    else if (names.some((n) => n.startsWith(q) || n.includes(` ${q}`))) scored.push({ speaker, score: 1 });
    else if (names.some((n) => n.includes(q))) scored.push({ speaker, score: 2 });
  }
  scored.sort((a, b) => a.score - b.score || a.speaker.name.localeCompare(b.speaker.name));
  const choices: SpeakerChoice[] = scored.slice(0, MAX_MATCHES).map(({ speaker }) => ({ type: "existing", speaker }));
  if (q && !speakers.some((s) => speakerNameKey(s.name) === q)) choices.push({ type: "create", name: cleanSpeakerName(query) });
  choices.push({ type: "none" });
  return choices;
}

export function choiceLabel(choice: SpeakerChoice): string {
  switch (choice.type) {
    case "existing":
      return choice.speaker.name;
    case "create":
      return `Create speaker “${choice.name}”`;
    case "none":
      return "No speaker";
  }
}
