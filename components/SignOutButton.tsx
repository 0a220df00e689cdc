"use client";
// Signs out through the API and returns to the sign-in screen.

import { useRouter } from "next/navigation";

export function SignOutButton() {
  const router = useRouter();
  return (
    <button
      type="button"
      className="secondary"
      onClick={async () => {
        await fetch("/api/v1/auth/sign-out", { method: "POST" }).catch(() => null);
        router.replace("/");
        router.refresh();
      }}
    >
      Sign out
    </button>
  );
}
