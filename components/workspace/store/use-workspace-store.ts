"use client";
// The workspace store in React: a component reads a part of the state and re-renders when that
// part changes (useSyncExternalStore), never on changes to the rest.

import { useSyncExternalStore } from "react";
import type { WorkspaceState, WorkspaceStore } from "./workspace-store";

/**
 * `pick` must return a part of the state as it is (a field, or a value found in it), not a new
 * object or array: React compares snapshots by identity. Derive lists with useMemo instead.
 */
export function useWorkspaceState<T>(store: WorkspaceStore, pick: (state: WorkspaceState) => T): T {
  const snapshot = () => pick(store.getState());
  return useSyncExternalStore(store.subscribe, snapshot, snapshot);
}
