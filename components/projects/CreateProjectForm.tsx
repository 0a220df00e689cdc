"use client";
// Creates a project and opens it.

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { api, errorMessage } from "@/components/ui/api-client";

export function CreateProjectForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    setBusy(true);
    setError(null);
    try {
      const project = await api<{ id: string }>("/api/v1/projects", { method: "POST", json: { name } });
      router.push(`/projects/${project.id}`);
    } catch (e) {
      setError(errorMessage(e, { name: "Project name" }));
      setBusy(false);
    }
  }

  return (
    <form className="row" onSubmit={onSubmit}>
      <label htmlFor="project-name">Project name</label>
      <input id="project-name" name="name" required maxLength={200} />
      <button type="submit" disabled={busy}>
        Create project
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
