// Gives keyboard focus back to the button that opened an inline form or confirmation once it
// closes, so a keyboard user carries on from the same row instead of from the top of the page.

import { useEffect, useRef } from "react";

export function useReturnFocus(open: boolean) {
  const buttons = useRef(new Map<string, HTMLElement>());
  // Which row's button to focus; set together with closing, read once the close has rendered.
  const target = useRef<string | null>(null);

  useEffect(() => {
    if (open || target.current === null) return;
    buttons.current.get(target.current)?.focus();
    target.current = null;
  }, [open]);

  return {
    /** A ref callback for the button of row `key`. */
    register: (key: string) => (element: HTMLElement | null) => {
      if (element) buttons.current.set(key, element);
      else buttons.current.delete(key);
    },
    /** Focus row `key`'s button once nothing is open any more (call it as you close). */
    returnFocusTo: (key: string) => {
      target.current = key;
    },
  };
}
