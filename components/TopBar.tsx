// The bar above every signed-in page: home link, who is signed in, their settings, sign out.

import Link from "next/link";
import type { Actor } from "@/lib/auth/authenticate";
import { SignOutButton } from "./SignOutButton";

export function TopBar({ actor }: { actor: Actor }) {
  return (
    <header className="topbar">
      <Link href="/" className="brand">
        Sourcemark
      </Link>
      <nav aria-label="Account">
        <span className="muted">{actor.name}</span>
        <Link href="/settings">Account settings</Link>
        <SignOutButton />
      </nav>
    </header>
  );
}
