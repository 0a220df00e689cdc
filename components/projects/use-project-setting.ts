"use client";
// A project setting saved as soon as it is changed (owners): shown at once, then as the server has
// it with a "saved" status, or put back with the reason when the server refuses. Shared by the
// settings on the project's Settings tab.

import { useState } from "react";
import { api, errorMessage } from "@/components/ui/api-client";
import type { UpdateProjectInput } from "@/lib/validation/schemas";

export function useProjectSetting<K extends keyof UpdateProjectInput>(
  projectId: string,
  key: K,
  initial: NonNullable<UpdateProjectInput[K]>,
  savedText: (value: NonNullable<UpdateProjectInput[K]>) => string,
) {
  type Value = NonNullable<UpdateProjectInput[K]>;
  const [value, setValue] = useState<Value>(initial);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function change(next: Value) {
    const previous = value;
    setValue(next);
    setBusy(true);
    setError(null);
    setStatus("Saving…");
    try {
      const project = await api<Record<K, Value>>(`/api/v1/projects/${encodeURIComponent(projectId)}`, {
        method: "PATCH",
        json: { [key]: next },
      });
      setValue(project[key]);
      setStatus(savedText(project[key]));
    } catch (e) {
      setValue(previous);
      setStatus("");
      setError(`Not saved: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return { value, busy, status, error, change };
}
