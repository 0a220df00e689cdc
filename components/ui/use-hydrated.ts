// Whether React has taken over the page. A button rendered on the server does nothing until then,
// so one whose only effect is a script (loading more, for instance) stays disabled until it works
// rather than swallowing an early click.

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
