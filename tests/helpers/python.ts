// Runs a Python 3 snippet over JSON input: the check that exported code point offsets slice the
// way Python (and so spaCy, pandas, NLTK) slices strings.

import { execFileSync } from "node:child_process";

export function python(script: string, input: string): string {
  return execFileSync("python3", ["-c", script], { input, encoding: "utf8" });
}
