"use client";
// Sign-in and sign-up form: posts to the auth API and, on success, reloads into the signed-in app.

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiErrorMessage } from "@/components/ui/api-client";

export function AuthForm({ mode }: { mode: "sign-in" | "sign-up" }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const body: Record<string, string> = {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    const name = String(form.get("name") ?? "").trim();
    if (mode === "sign-up" && name) body.name = name;
    const response = await fetch(`/api/v1/auth/${mode}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }).catch(() => null);
    if (!response?.ok) {
      setBusy(false);
      setError(response ? await apiErrorMessage(response) : "The server could not be reached.");
      return;
    }
    router.replace("/");
    router.refresh();
  }

  const title = mode === "sign-in" ? "Sign in" : "Create an account";
  return (
    <form className="card stack" onSubmit={onSubmit} aria-labelledby="auth-title">
      <h1 id="auth-title">{title}</h1>
      {mode === "sign-up" && (
        <div className="stack">
          <label htmlFor="name">Name</label>
          <input id="name" name="name" autoComplete="name" />
        </div>
      )}
      <div className="stack">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="email" required />
      </div>
      <div className="stack">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete={mode === "sign-in" ? "current-password" : "new-password"}
          minLength={mode === "sign-up" ? 8 : undefined}
          required
        />
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {mode === "sign-in" ? "Sign in" : "Sign up"}
      </button>
    </form>
  );
}
