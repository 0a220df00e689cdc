"use client";
// The "Speaker" combobox (WAI-ARIA combobox with a listbox popup): type to search names and aliases,
// arrows to move, Enter to choose (which saves), Esc to cancel.

import { useId, useMemo, useState, type KeyboardEvent } from "react";
import type { SpeakerView } from "@/lib/speakers/speakers";
import { choiceLabel, speakerChoices, type SpeakerChoice } from "./speaker-options";

export interface SpeakerComboboxProps {
  speakers: readonly SpeakerView[];
  /** Current speaker's name when editing; empty for a new annotation. */
  initialQuery?: string;
  autoFocus?: boolean;
  onChoose: (choice: SpeakerChoice) => void;
  onCancel: () => void;
  /** Lets the parent read the highlighted choice (for its Save button). */
  onActiveChange?: (choice: SpeakerChoice) => void;
}

export function SpeakerCombobox({ speakers, initialQuery = "", autoFocus, onChoose, onCancel, onActiveChange }: SpeakerComboboxProps) {
  const id = useId();
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(0);
  const choices = useMemo(() => speakerChoices(speakers, query), [speakers, query]);
  const activeIndex = Math.min(active, choices.length - 1);
  const optionId = (i: number) => `${id}-option-${i}`;

  const move = (index: number) => {
    const next = (index + choices.length) % choices.length;
    setActive(next);
    onActiveChange?.(choices[next] as SpeakerChoice);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      move(activeIndex + 1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      move(activeIndex - 1);
    } else if (event.key === "Enter") {
      event.preventDefault();
      onChoose(choices[activeIndex] as SpeakerChoice);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <div className="combobox">
      <label htmlFor={`${id}-input`}>Speaker</label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-listbox`}
        aria-autocomplete="list"
        aria-activedescendant={optionId(activeIndex)}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        value={query}
        placeholder="Name or alias"
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          onActiveChange?.(speakerChoices(speakers, event.target.value)[0] as SpeakerChoice);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={`${id}-listbox`} role="listbox" aria-label="Speakers" className="combobox-options">
        {choices.map((choice, i) => (
          <li
            key={choice.type === "existing" ? choice.speaker.id : choice.type}
            id={optionId(i)}
            role="option"
            aria-selected={i === activeIndex}
            className={`combobox-option combobox-option-${choice.type}`}
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => move(i)}
            onClick={() => onChoose(choice)}
          >
            {choiceLabel(choice)}
            {choice.type === "existing" && choice.speaker.aliases.length > 0 && (
              <span className="muted"> — {choice.speaker.aliases.join(", ")}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
