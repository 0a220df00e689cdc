import { describe, expect, it } from "vitest";
import { decodeEntities, htmlToText } from "./html-to-text";

describe("htmlToText: paragraphs", () => {
  it.each<[string, string, string]>([
    ["empty input", "", ""],
    ["plain text without markup", "Just words.", "Just words."],
    ["one paragraph", "<p>Hello, world.</p>", "Hello, world."],
    ["two paragraphs, one newline between", "<p>One.</p><p>Two.</p>", "One.\nTwo."],
    ["whitespace between blocks makes no empty paragraph", "<p>One.</p>\n\n   \n<p>Two.</p>", "One.\nTwo."],
    ["empty blocks are dropped", "<p></p><div> </div><p>Text</p><p>\n</p>", "Text"],
    ["no blank lines at either end", "\n\n<div>\n  <p>Only</p>\n</div>\n\n", "Only"],
    ["inline markup joins without spaces", "<p>Hel<b>lo</b>, <i>wor</i>ld<span>!</span></p>", "Hello, world!"],
    ["inline whitespace collapses to one space", "<p>  many \t\n  spaces\r\n here  </p>", "many spaces here"],
    ["whitespace across inline tags collapses", "<p>a <b> b </b> c</p>", "a b c"],
    ["br ends a line", "<p>line one<br>line two<br/>line three</p>", "line one\nline two\nline three"],
    ["consecutive brs make no empty paragraph", "a<br><br><br>b", "a\nb"],
    ["</br> is a break too", "a</br>b", "a\nb"],
    ["headings", "<h1>Title</h1><h2>Sub</h2><h6>Small</h6><p>Body</p>", "Title\nSub\nSmall\nBody"],
    ["text beside a block", "before<div>inside</div>after", "before\ninside\nafter"],
    ["hr ends a paragraph", "above<hr>below", "above\nbelow"],
    ["sectioning elements", "<article><header>H</header><section>S</section><aside>A</aside><footer>F</footer></article>", "H\nS\nA\nF"],
    ["figure and caption", "<figure><img src=a.jpg alt=photo><figcaption>A caption</figcaption></figure><p>Text</p>", "A caption\nText"],
    ["blockquote", "<p>He said:</p><blockquote><p>“Yes.”</p></blockquote>", "He said:\n“Yes.”"],
    ["uppercase tags", "<P>One</P><DIV>Two</DIV><BR>Three", "One\nTwo\nThree"],
    ["unclosed paragraphs", "<p>One<p>Two<p>Three", "One\nTwo\nThree"],
    ["text outside any element", "Loose text <p>then a paragraph</p> and more", "Loose text\nthen a paragraph\nand more"],
  ])("%s", (_name, html, text) => {
    expect(htmlToText(html).text).toBe(text);
  });
});

describe("htmlToText: lists and tables", () => {
  it.each<[string, string, string]>([
    ["flat list", "<ul><li>One</li><li>Two</li></ul>", "One\nTwo"],
    ["ordered list, unclosed items", "<ol><li>One<li>Two<li>Three</ol>", "One\nTwo\nThree"],
    [
      "nested lists",
      "<ul>\n  <li>One\n    <ul>\n      <li>One.a</li>\n      <li>One.b<ol><li>deep</li></ol></li>\n    </ul>\n  </li>\n  <li>Two</li>\n</ul>",
      "One\nOne.a\nOne.b\ndeep\nTwo",
    ],
    ["list after a paragraph", "<p>Points:</p><ul><li>a</li></ul><p>End</p>", "Points:\na\nEnd"],
    ["definition list", "<dl><dt>Term</dt><dd>Meaning</dd></dl>", "Term\nMeaning"],
    [
      "table rows are lines, cells are separated",
      "<table><thead><tr><th>Name</th><th>Age</th></tr></thead><tbody><tr><td>Ann</td><td>40</td></tr></tbody></table>",
      "Name Age\nAnn 40",
    ],
    ["empty cells add no extra spaces", "<table><tr><td>a</td><td></td><td> </td><td>b</td></tr></table>", "a b"],
    ["caption", "<table><caption>Results</caption><tr><td>1</td></tr></table>", "Results\n1"],
  ])("%s", (_name, html, text) => {
    expect(htmlToText(html).text).toBe(text);
  });
});

describe("htmlToText: what is dropped", () => {
  it.each<[string, string, string]>([
    ["script", "<p>a</p><script>var x = 1; document.write('hi');</script><p>b</p>", "a\nb"],
    [
      "script with </p> and <p> in strings",
      `<p>a</p><script>var s = "</p><p>not text</p>"; if (1 < 2 && 3 > 2) {}</script><p>b</p>`,
      "a\nb",
    ],
    ["script with a comment-like string", `<script>var c = "<!-- x";</script><p>visible</p>`, "visible"],
    ["script with attributes", `<script type="module" src="x.js"></script><p>ok</p>`, "ok"],
    ["script in the middle of a paragraph", "<p>Hello <script>alert(1)</script>world</p>", "Hello world"],
    ["self-closed script still runs to </script>", "<script src=a.js />var hidden;</script><p>shown</p>", "shown"],
    ["uppercase script end tag", "<SCRIPT>x = '<p>no</p>'</SCRIPT >yes", "yes"],
    ["</scripts> does not end a script", "<script>a = '</scripts>'; b = 'still code'</script>after", "after"],
    ["unclosed script drops the rest", "<p>before</p><script>var never_closed = 1; <p>hidden</p>", "before"],
    ["style", "<style>p { color: red; } body > p::after { content: '</p>' }</style><p>styled</p>", "styled"],
    ["noscript", "<p>a</p><noscript><p>Please enable JavaScript</p></noscript><p>b</p>", "a\nb"],
    ["template", "<template><p>not shown</p><template><p>nested</p></template><p>still not</p></template><p>shown</p>", "shown"],
    [
      "svg with title and text",
      `<p>a<svg viewBox="0 0 1 1"><title>icon</title><text>svg text</text><svg><text>inner</text></svg></svg>b</p>`,
      "ab",
    ],
    ["self-closing svg", "<p>a<svg/>b</p><p>c</p>", "ab\nc"],
    [
      "head content",
      "<html><head><meta charset=utf-8><title>T</title><style>x{}</style><link rel=x></head><body><p>Body</p></body></html>",
      "Body",
    ],
    ["head left open before the body", "<head><title>T</title><body><p>Body</p>", "Body"],
    ["head left open, ended by a body element", "<head><meta charset=utf-8><p>Body</p>", "Body"],
    ["comments", "<p>a<!-- hidden <p>x</p> -->b</p><!---->c<!-- multi\nline -->", "ab\nc"],
    ["empty comments", "a<!-->b<!--->c", "abc"],
    ["unclosed comment drops the rest", "a<!-- never closed <p>b</p>", "a"],
    ["doctype, CDATA and processing instructions", "<!DOCTYPE html><?xml version='1.0'?><![CDATA[x]]><p>ok</p>", "ok"],
    [
      "textarea, iframe and title in the body",
      "<p>a</p><textarea><p>typed</p></textarea><iframe><p>frame</p></iframe><title>t</title><p>b</p>",
      "a\nb",
    ],
    ["images and their alt text", `<p>a<img src="x.png" alt="a picture">b</p>`, "ab"],
    ["bogus end tags", "a</>b</ 3>c", "abc"],
  ])("%s", (_name, html, text) => {
    expect(htmlToText(html).text).toBe(text);
  });
});

describe("htmlToText: tags and attributes", () => {
  it.each<[string, string, string]>([
    ["attribute containing >", `<p title="a > b">text</p>`, "text"],
    ['single-quoted attribute containing > and "', `<a href='x?a>1' data-x='say "hi">'>link</a> after`, "link after"],
    ["attribute containing a tag", `<div data-html="<p>fake</p>">real</div>`, "real"],
    ["unquoted attributes", "<p class=lead id=x>lead</p>", "lead"],
    ["attribute without value", "<input disabled><p hidden>shown anyway</p>", "shown anyway"],
    ["spaces around =", `<p class = "a>b" >ok</p>`, "ok"],
    ["newlines inside a tag", `<p\n  class="x"\n  data-y='>'\n>ok</p>`, "ok"],
    ["a < that starts no tag is text", "<p>1 < 2 and 3 <= 4 and a <3</p>", "1 < 2 and 3 <= 4 and a <3"],
    ["a trailing <", "a <", "a <"],
    ["a trailing </", "a </", "a </"],
    ["a tag cut off at the end is dropped", `text<p class="x`, "text"],
    ["custom elements are inline", "<p>a<my-widget>b</my-widget>c</p>", "abc"],
  ])("%s", (_name, html, text) => {
    expect(htmlToText(html).text).toBe(text);
  });
});

describe("htmlToText: entities", () => {
  it.each<[string, string, string]>([
    ["the basic five", "<p>&amp; &lt;p&gt; &quot;q&quot; &apos;a&apos;</p>", `& <p> "q" 'a'`],
    ["decoded markup is never parsed", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", "<script>alert(1)</script>"],
    [
      "typographic punctuation",
      "&lsquo;a&rsquo; &ldquo;b&rdquo; &laquo;c&raquo; x&mdash;y 1&ndash;2 wait&hellip; &copy;",
      "‘a’ “b” «c» x—y 1–2 wait… ©",
    ],
    ["nbsp becomes a space and collapses", "<p>a&nbsp;b &nbsp; c&nbsp;&nbsp;d</p>", "a b c d"],
    ["a literal no-break space counts as a space", "<p>a\u00a0\u00a0b</p>", "a b"],
    ["nbsp at the edges of a paragraph", "<p>&nbsp;x&nbsp;</p><p>&nbsp;</p>", "x"],
    ["decimal references", "&#65;&#66;&#x43;&#X44;", "ABCD"],
    ["astral code points", "&#128674; &#x1F6A2; &#x1f44d;&#x1f3fd;", "🚢 🚢 👍🏽"],
    ["numeric references without a semicolon", "&#65 &#x42 x", "A B x"],
    ["leading zeros", "&#0065;&#x0000041;", "AA"],
    ["windows-1252 range", "don&#146;t &#147;q&#148; &#150; &#151; &#128;", "don’t “q” – — €"],
    ["invalid code points become U+FFFD", "&#0; &#xD800; &#x110000; &#99999999999;", "\ufffd \ufffd \ufffd \ufffd"],
    ["named references need their semicolon", "AT&T &amp &copy 2024 ?a=1&b=2", "AT&T &amp &copy 2024 ?a=1&b=2"],
    ["unknown names stay as written", "&bogus; &; & alone", "&bogus; &; & alone"],
    ["names are case-sensitive", "&AMP; &Amp; &eacute; &Eacute;", "& &Amp; é É"],
    ["Latin-1 names", "caf&eacute; na&iuml;ve &Uuml;ber &szlig; &ntilde; &yen;&pound;&euro;&cent;", "café naïve Über ß ñ ¥£€¢"],
    ["bidi marks", "&rlm;abc&lrm;", "\u200fabc\u200e"],
    ["entities in the middle of words", "co&shy;operate", "co\u00adoperate"],
    ["double-escaped stays escaped once", "&amp;amp; &amp;lt;", "&amp; &lt;"],
  ])("%s", (_name, html, text) => {
    expect(htmlToText(html).text).toBe(text);
  });

  it("decodeEntities leaves text without references untouched", () => {
    const text = "no references here, just 🚢 and 中文";
    expect(decodeEntities(text)).toBe(text);
  });
});

describe("htmlToText: scripts and languages", () => {
  it.each<[string, string, string]>([
    ["emoji with modifiers and ZWJ sequences", "<p>🚢 👍🏽 👨\u200d👩\u200d👧 🇯🇵</p>", "🚢 👍🏽 👨\u200d👩\u200d👧 🇯🇵"],
    ["combining marks", "<p>cafe\u0301 n\u0303</p>", "cafe\u0301 n\u0303"],
    ["CJK", "<p>中国外交部发言人<b>赵立坚</b>说：</p><p>「これは引用です。」</p>", "中国外交部发言人赵立坚说：\n「これは引用です。」"],
    ["ideographic space opening a paragraph is kept", "<p>\u3000日本語の段落。</p>", "\u3000日本語の段落。"],
    ["other Unicode spaces are not collapsed", "<p>a\u2009b\u3000\u3000c\u202fd</p>", "a\u2009b\u3000\u3000c\u202fd"],
    ["Arabic, right to left", `<p dir="rtl">قال المتحدث: <q>هذا اقتباس</q>.</p>`, "قال المتحدث: هذا اقتباس."],
    ["Hebrew with bdi", "<p>הוא אמר <bdi>שלום</bdi> לכולם</p>", "הוא אמר שלום לכולם"],
    ["mixed directions", "<p>The minister said «<span lang=ar>نعم</span>» twice.</p>", "The minister said «نعم» twice."],
  ])("%s", (_name, html, text) => {
    expect(htmlToText(html).text).toBe(text);
  });
});

describe("htmlToText: preformatted text", () => {
  it.each<[string, string, string]>([
    ["keeps spaces and line breaks", "<pre>line 1\n  indented  more\n\tx</pre>", "line 1\n  indented  more\n\tx"],
    ["drops the newline after <pre> and blank lines", "<pre>\nfirst\n\n\nsecond\n</pre>", "first\nsecond"],
    ["trailing blanks on a line go", "<pre>a   \nb\t</pre>", "a\nb"],
    ["inline markup inside", "<pre><code>const  x = <b>1</b>;</code></pre>", "const  x = 1;"],
    ["CRLF inside", "<pre>a\r\nb\rc</pre>", "a\nb\nc"],
    ["whitespace collapses again after it", "<pre>a  b</pre><p>c   d</p>", "a  b\nc d"],
    ["nbsp inside is a space", "<pre>a&nbsp;&nbsp;b</pre>", "a  b"],
  ])("%s", (_name, html, text) => {
    expect(htmlToText(html).text).toBe(text);
  });
});

describe("htmlToText: title", () => {
  it.each<[string, string, string | null]>([
    ["none", "<p>Just text</p>", null],
    ["from <title>", "<html><head><title>  The  Headline </title></head><body><h1>Other</h1></body></html>", "The Headline"],
    ["entities in <title>", "<title>Tom &amp; Jerry &#8211; &ldquo;Q&rdquo;</title>", "Tom & Jerry – “Q”"],
    ["<title> holds no markup", "<title>A <b>bold</b> title</title>", "A <b>bold</b> title"],
    ["from the first <h1> when there is no <title>", "<h1>First <em>heading</em></h1><h1>Second</h1>", "First heading"],
    ["from <h1> when <title> is empty", "<title> </title><h1>Heading</h1>", "Heading"],
    ["an empty <h1> is skipped", `<h1><img alt="logo"></h1><p>x</p><h1>Real</h1>`, "Real"],
    ["a <br> in <h1> is a space", "<h1>Line<br>break</h1>", "Line break"],
    ["an SVG's title is not the page's", "<svg><title>icon</title></svg><h1>Heading</h1>", "Heading"],
    ["a template's title is not the page's", "<template><title>no</title></template><title>yes</title>", "yes"],
    ["the first <title> wins", "<title>one</title><title>two</title>", "one"],
  ])("%s", (_name, html, title) => {
    expect(htmlToText(html).title).toBe(title);
  });

  it("keeps the <title> out of the text but an <h1> in it", () => {
    expect(htmlToText("<title>Page</title><h1>Head</h1><p>Body</p>")).toEqual({ text: "Head\nBody", title: "Page" });
  });
});

describe("htmlToText: a saved news page", () => {
  it("keeps the article and drops everything else", () => {
    const html = `\ufeff<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Minister: &ldquo;We will act&rdquo; | The Daily</title>
  <style>.ad > p { display: none }</style>
  <script>window.dataLayer = [{"event": "</p>pageview"}];</script>
  <script type="application/ld+json">{"headline": "<h1>JSON</h1>"}</script>
</head>
<body class="article">
  <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
  <!-- ad slot -->
  <main>
    <article>
      <h1>Minister: “We will act”</h1>
      <p class="byline">By <a href="/a" title="Author > page">A. Reporter</a> &middot; 4&nbsp;Nov&nbsp;2022</p>
      <p>The minister said on Friday that the government &ldquo;will act
         within days&rdquo;, adding: &lsquo;No delay.&rsquo;</p>
      <figure><img src="x.jpg" alt="The minister"><figcaption>The minister &#8212; file photo</figcaption></figure>
      <p>Officials in 北京 and in القاهرة reacted &#128674;.</p>
    </article>
  </main>
  <noscript><img src="pixel.gif"></noscript>
  <footer>&copy; 2022 The Daily</footer>
  <script>document.querySelector("p").innerHTML = "<p>injected</p>";</script>
</body>
</html>`;
    expect(htmlToText(html)).toEqual({
      title: "Minister: “We will act” | The Daily",
      text: [
        "Home",
        "World",
        "Minister: “We will act”",
        "By A. Reporter · 4 Nov 2022",
        "The minister said on Friday that the government “will act within days”, adding: ‘No delay.’",
        "The minister — file photo",
        "Officials in 北京 and in القاهرة reacted 🚢.",
        "© 2022 The Daily",
      ].join("\n"),
    });
  });

  it("converts a 5 MB page in well under a second", () => {
    const paragraph = `<p class="x" data-a='>'>Paragraph with <b>bold</b>, &amp; entities &#128674; and 中文.</p>\n`;
    const html = `<script>${"var a = '</p>';".repeat(1000)}</script>` + paragraph.repeat(Math.ceil(5_000_000 / paragraph.length));
    const started = performance.now();
    const { text } = htmlToText(html);
    const elapsed = performance.now() - started;
    const lines = text.split("\n");
    expect(lines.length).toBe(Math.ceil(5_000_000 / paragraph.length));
    expect(new Set(lines)).toEqual(new Set(["Paragraph with bold, & entities 🚢 and 中文."]));
    expect(elapsed).toBeLessThan(2000);
  });
});
