// Sign-up page.

import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/AuthForm";
import { currentActor } from "@/lib/auth/current-actor";

export default async function SignUpPage() {
  if (await currentActor()) redirect("/");
  return (
    <main className="auth">
      <AuthForm mode="sign-up" />
      <p>
        Have an account? <Link href="/">Sign in</Link>
      </p>
    </main>
  );
}
