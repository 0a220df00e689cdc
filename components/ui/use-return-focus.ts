// Gives keyboard focus back to the button that opened an inline form or confirmation once it
// closes, so a keyboard user carries on from the same row instead of from the top of the page.

import { useEffect, useRef, useState } from "react";

export function useReturnFocus(open: boolean) {
  const buttons = useRef(new Map<string, HTMLElement>());
  const [target, setTarget] = useState<string | null>(null);

  useEffect(() => {
    if (open || target === null) return;
    buttons.current.get(target)?.focus();
    setTarget(null);
  }, [open, target]);

  return {
    /** A ref callback for the button of row `key`. */
    register: (key: string) => (element: HTMLElement | null) => {
      if (element) buttons.current.set(key, element);
      else buttons.current.delete(key);
    },
    /** Focus row `key`'s button once nothing is open any more. */
    returnFocusTo: setTarget,
  };
}
