// What a new password must be: long enough, not a notorious one, not the account's own email, not
// one character over and over. (Existing passwords keep working; only new ones are checked.) Pure,
// so the sign-up form, the API, password changes and the admin command share it.

export const MIN_PASSWORD_LENGTH = 10;

/** The most guessed passwords (and their common variants) that pass the length rule. */
const NOTORIOUS = new Set([
  "password123",
  "password1234",
  "1234567890",
  "12345678910",
  "qwertyuiop",
  "qwerty1234",
  "1q2w3e4r5t",
  "1qaz2wsx3edc",
  "iloveyou123",
  "passw0rd123",
  "abc1234567",
  "0123456789",
  "0987654321",
  "1111111111",
  "asdfghjkl1",
  "zxcvbnm123",
  "princess123",
  "football123",
  "letmein123",
  "welcome123",
  "admin12345",
  "administrator",
  "changeme123",
  "trustno1234",
  "sunshine123",
  "superman123",
  "starwars123",
  "password!1",
  "p@ssw0rd123",
  "qwerty12345",
  "monkey12345",
  "dragon12345",
]);

/** Why `password` cannot be used by the account `email`, or null when it can. */
export function passwordProblem(password: string, email?: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.trim() === "") return "must not be only spaces";
  if (new Set(password.toLowerCase()).size < 4) return "too repetitive: use more different characters";
  const lower = password.toLowerCase();
  if (NOTORIOUS.has(lower) || /^(.{1,4})\1+$/.test(lower)) return "too common: choose a less guessable password";
  if (email) {
    const address = email.trim().toLowerCase();
    const local = address.split("@")[0] ?? "";
    const bare = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, "");
    if (lower.includes(address) || bare(lower) === bare(local)) return "must not be your email address";
  }
  return null;
}
