// Reading PostgreSQL's text form of a tsquery, for the phrase index (lib/search/search.ts): pure.

/**
 * The top-level conjuncts of a tsquery in PostgreSQL's text form ('a' <-> 'b' & !'c' & ( 'd' | 'e' )),
 * or null when its top level is not a conjunction (an `|` outside parentheses binds loosest).
 */
export function tsqueryConjuncts(text: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === "\\") i++;
      else if (c === "'") {
        if (text[i + 1] === "'") i++;
        else quoted = false;
      }
    } else if (c === "'") quoted = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (depth === 0 && c === "|") return null;
    else if (depth === 0 && c === "&") {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((part) => part !== "");
}

const LEXEME = "'((?:[^'\\\\]|''|\\\\.)*)'";
const TWO_WORD_PHRASE = new RegExp(`^${LEXEME} <-> ${LEXEME}$`);

/**
 * The phrase index's lookup for a conjunct that is a two-word phrase ('said' <-> 'japan': those
 * words next to each other, which is exactly what the index holds as the pair 'said japan'), as a
 * tsquery in text form; null for any other conjunct.
 */
export function wordPairQuery(conjunct: string): string | null {
  const match = TWO_WORD_PHRASE.exec(conjunct);
  // Both lexemes are in tsquery's escaped form already, so their concatenation is too.
  return match ? `'${match[1]} ${match[2]}'` : null;
}
