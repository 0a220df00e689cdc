import { describe, expect, it } from "vitest";
import { CodePointIndex } from "./code-points";
import { sentencesUpTo, spanContext } from "./sentences";

function at(text: string, exact: string): [CodePointIndex, number, number] {
  const start = Array.from(text.slice(0, text.indexOf(exact))).length;
  return [new CodePointIndex(text), start, start + Array.from(exact).length];
}

describe("spanContext", () => {
  it.each<[string, string, string, string]>([
    // [text, span, before, after]
    ["First one. The 🚢 minister said “we will act” on Monday. Then more.", "“we will act”", "The 🚢 minister said ", " on Monday."],
    ["“We will act,” he said. Next.", "“We will act,”", "", " he said."],
    ["Para one ends here\nZhao said 日本应当深刻反省历史。Next sentence.", "日本应当深刻反省历史", "Zhao said ", "。"],
    ["中国外交部发言人赵立坚说：“日本应当深刻反省历史。”另一句。", "“日本应当深刻反省历史。”", "中国外交部发言人赵立坚说：", ""],
    ["قال المتحدث: «هذه خطوة حاسمة» اليوم. جملة أخرى.", "«هذه خطوة حاسمة»", "قال المتحدث: ", " اليوم."],
    ["A claim across\nparagraphs ends. Next.", "across\nparagraphs", "A claim ", " ends."],
  ])("%j around %j", (text, exact, before, after) => {
    expect(spanContext(...at(text, exact))).toEqual({ before, after });
  });

  it("keeps at most 300 code points either side, from the span outwards", () => {
    const long = `${"word ".repeat(200)}“quote” ${"tail ".repeat(200)}.`;
    const context = spanContext(...at(long, "“quote”"));
    expect(Array.from(context.before)).toHaveLength(301); // … plus 300
    expect(context.before.startsWith("…")).toBe(true);
    expect(context.after.endsWith("…")).toBe(true);
    expect(context.before.endsWith("word ")).toBe(true);
  });
});

describe("sentencesUpTo", () => {
  it("gives the span's sentence and the two before it", () => {
    const text = "One is here. Two is 👍🏽 here.\nThree is here. Four: “said” the minister. Five.";
    expect(sentencesUpTo(...at(text, "“said”"))).toEqual({
      current: "Four: “said” the minister.",
      preceding: ["Two is 👍🏽 here.", "Three is here."],
    });
  });

  it("joins the sentences a span runs across", () => {
    const text = "Alpha. Bravo says one. Two. Charlie.";
    expect(sentencesUpTo(...at(text, "one. Two")).current).toBe("Bravo says one. Two.");
  });
});
