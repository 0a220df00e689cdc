// Search across a project: full-text matches with stemming, accents, phrases and exclusions;
// speaker names; partial words (CJK too); highlights in code points; filters and date ranges;
// both orders with stable cursors; facets; document search; access and bad input.

import { beforeAll, describe, expect, it } from "vitest";
import { addMember, call, newUser, type TestUser } from "../helpers/api";
import { rows } from "../helpers/db";
import { codePointSpan } from "../helpers/fixtures";
import { sliceCodePoints } from "@/lib/text/code-points";

const NATO_ARTICLE =
  "🚢 Japan joined NATO’s cyber-defence centre in Zürich on Friday. " +
  "Zhao Lijian, the spokesman, said “Japan should learn lessons from history and reflect on its joining.” " +
  "The ministry called it a milestone. Analyst Jiro Minier said the move was “long overdue for the alliance”.";
const CHINA_ARTICLE = "中国外交部发言人赵立坚说：“日本应当深刻反省历史。” Zhao Lijian also said “history will judge NATO”.";
const OLD_ARTICLE = "An older report: the ministry said “the alliance is not a threat” and Zhao said “lessons must be learned”.";

interface Fixture {
  owner: TestUser;
  projectId: string;
  docs: { nato: string; china: string; old: string };
  zhao: string;
  minier: string;
  ids: Record<string, string>;
}

let f: Fixture;

async function build(): Promise<Fixture> {
  const owner = await newUser("searcher");
  const projectId = (await call("POST", "/api/v1/projects", { token: owner.token, body: { name: "Search project" } })).body.id as string;
  const doc = async (title: string, text: string, publishedAt: string) =>
    (await call("POST", `/api/v1/projects/${projectId}/documents`, { token: owner.token, body: { title, text, publishedAt } })).body
      .id as string;
  const docs = {
    nato: await doc("Japan joins NATO cyber centre", NATO_ARTICLE, "2022-11-08"),
    china: await doc("China’s foreign ministry responds", CHINA_ARTICLE, "2022-11-09"),
    old: await doc("Archive: alliance ties", OLD_ARTICLE, "2020-01-15"),
  };
  const speaker = async (name: string, aliases: string[] = []) =>
    (await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name, aliases } })).body.id as string;
  const zhao = await speaker("Zhao Lijian", ["赵立坚"]);
  const minier = await speaker("Jiro Minier");
  const ids: Record<string, string> = {};
  const annotate = async (
    key: string,
    documentId: string,
    text: string,
    exact: string,
    speakerId: string | null,
    label = "quote",
    note?: string,
  ) => {
    const created = await call("POST", `/api/v1/documents/${documentId}/annotations`, {
      token: owner.token,
      body: { label, ...codePointSpan(text, exact), exact, speakerId, note },
    });
    if (created.status !== 201) throw new Error(created.text);
    ids[key] = created.body.id as string;
  };
  await annotate("lessons", docs.nato, NATO_ARTICLE, "“Japan should learn lessons from history and reflect on its joining.”", zhao);
  await annotate("overdue", docs.nato, NATO_ARTICLE, "“long overdue for the alliance”", minier);
  await annotate(
    "joined",
    docs.nato,
    NATO_ARTICLE,
    "🚢 Japan joined NATO’s cyber-defence centre in Zürich",
    null,
    "claim",
    "check the date",
  );
  await annotate("cjk", docs.china, CHINA_ARTICLE, "“日本应当深刻反省历史。”", zhao);
  await annotate("judge", docs.china, CHINA_ARTICLE, "“history will judge NATO”", zhao);
  await annotate("threat", docs.old, OLD_ARTICLE, "“the alliance is not a threat”", null);
  await annotate("learned", docs.old, OLD_ARTICLE, "“lessons must be learned”", zhao);
  return { owner, projectId, docs, zhao, minier, ids };
}

beforeAll(async () => {
  f = await build();
});

/** A search with the total and facets, as the search page asks for them (facets: "false" leaves them out). */
async function search(params: Record<string, string>, token = f.owner.token) {
  const query = new URLSearchParams({ facets: "true", ...params });
  return call("GET", `/api/v1/projects/${f.projectId}/search?${query.toString()}`, { token });
}

const idsOf = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);
const keysOf = (body: { items: { id: string }[] }) => idsOf(body).map((id) => Object.entries(f.ids).find(([, v]) => v === id)?.[0]);
const highlighted = (item: { exact: string; highlights: [number, number][] }) =>
  item.highlights.map(([s, e]) => sliceCodePoints(item.exact, s, e));

describe("GET /projects/{id}/search (annotations)", () => {
  it("matches stems, ignores accents and case, and highlights the matched words in code points past emoji and curly quotes", async () => {
    const joins = await search({ q: "JOINS" });
    expect(joins.status).toBe(200);
    expect(new Set(keysOf(joins.body))).toEqual(new Set(["lessons", "joined"]));
    const claim = joins.body.items.find((item: { id: string }) => item.id === f.ids.joined);
    expect(highlighted(claim)).toEqual(["joined"]);
    expect(claim).toMatchObject({ documentTitle: "Japan joins NATO cyber centre", documentDate: "2022-11-08T00:00:00.000Z" });

    const zurich = await search({ q: "zurich" });
    expect(keysOf(zurich.body)).toEqual(["joined"]);
    expect(highlighted(zurich.body.items[0])).toEqual(["Zürich"]);

    // “history” inside typographic quotes is the word history. The CJK quote only has it just after
    // it (the words around a span count too, below the span's own words, and are not highlighted).
    const history = await search({ q: "history", sort: "relevance" });
    expect(new Set(keysOf(history.body).slice(0, 2))).toEqual(new Set(["lessons", "judge"]));
    expect(keysOf(history.body)[2]).toBe("cjk");
    expect(history.body.items.map(highlighted)).toEqual([["history"], ["history"], []]);
  });

  it("supports websearch syntax: phrases (straight or curly quotes), exclusions and or", async () => {
    expect(keysOf((await search({ q: '"learn lessons"' })).body)).toEqual(["lessons"]);
    expect(keysOf((await search({ q: "“lessons learn”" })).body)).toEqual([]);
    expect(keysOf((await search({ q: "learn -japan" })).body)).toEqual(["learned"]);
    // "learned" follows the word threat in the text: it comes after the two that hold a word.
    const either = await search({ q: "overdue or threat" });
    expect(new Set(keysOf(either.body).slice(0, 2))).toEqual(new Set(["overdue", "threat"]));
    expect(keysOf(either.body)[2]).toBe("learned");
  });

  it("finds phrases through the index of adjacent word pairs exactly as the full-text match does", async () => {
    // Two-word phrases (one lookup), longer ones and stop-word gaps (lookups and the full-text
    // check), a phrase across the span's end into the words after it, in a note, with other terms,
    // and with or (the full-text match alone).
    const queries = [
      '"learn lessons"',
      '"lessons learn"',
      '"Japan should learn lessons"',
      '"lessons from history"',
      '"the ministry said"',
      '"alliance is not a threat"',
      '"joining the ministry"',
      '"check the date"',
      '"check date"',
      '"learn lessons" history',
      '"learn lessons" -japan',
      '"history will" "judge nato"',
      '"learn lessons" or threat',
      '"Zürich on"',
      '"nato\'s cyber"',
    ];
    const found: Record<string, number> = {};
    for (const q of queries) {
      const expected = await rows<{ id: string }>(
        `SELECT id FROM annotations
          WHERE project_id = $1
            AND search_vector @@ websearch_to_tsquery('public.sourcemark', public.sourcemark_search_text($2))`,
        [f.projectId, q],
      );
      const result = await search({ q, limit: "100", facets: "false" });
      expect(result.status, q).toBe(200);
      expect(new Set(idsOf(result.body)), q).toEqual(new Set(expected.map((row) => row.id)));
      found[q] = expected.length;
    }
    // Not vacuous: most of these find something.
    expect(found).toEqual({
      '"learn lessons"': 1,
      '"lessons learn"': 0,
      '"Japan should learn lessons"': 1,
      '"lessons from history"': 1,
      '"the ministry said"': 1,
      '"alliance is not a threat"': 1,
      '"joining the ministry"': 0,
      '"check the date"': 1,
      '"check date"': 0,
      '"learn lessons" history': 1,
      '"learn lessons" -japan': 0,
      '"history will" "judge nato"': 1,
      '"learn lessons" or threat': 3,
      '"Zürich on"': 1,
      '"nato\'s cyber"': 0,
    });
  });

  it("pairs each word with the words one position further on, for every stored vector and odd ones", async () => {
    // The definition the phrase index was first built with (a self-join on positions); the
    // function now computes it in one pass, and the index built on the former must still hold.
    const definition = (vector: string) =>
      `SELECT coalesce(array_to_tsvector(array_agg(DISTINCT w.lexeme || ' ' || n.lexeme)), ''::tsvector)::text AS pairs
         FROM (SELECT u.lexeme, p FROM unnest(${vector}) u, unnest(u.positions) p) w
         JOIN (SELECT u.lexeme, p FROM unnest(${vector}) u, unnest(u.positions) p) n ON n.p = w.p + 1`;
    const odd = ["", "'alone':1", "'no':1 'positions'", "'a':1 'b':1 'c':2 'd':4 'e':5,2", "'gap':1 'after':3", "'same':1,2,3"];
    for (const vector of odd) {
      const [expected] = await rows<{ pairs: string }>(definition("$1::tsvector"), [vector]);
      const [actual] = await rows<{ pairs: string }>("SELECT public.sourcemark_shingles($1::tsvector)::text AS pairs", [vector]);
      expect(actual?.pairs, vector).toBe(expected?.pairs);
    }
    const [several] = await rows<{ pairs: string }>("SELECT public.sourcemark_shingles($1::tsvector)::text AS pairs", [
      "'a':1 'b':1 'c':2 'd':4 'e':5,2",
    ]);
    expect(several?.pairs).toBe("'a c' 'a e' 'b c' 'b e' 'd e'");
    const differing = await rows<{ id: string }>(
      `SELECT a.id FROM annotations a
        WHERE a.project_id = $1
          AND public.sourcemark_shingles(a.search_vector)::text IS DISTINCT FROM (${definition("a.search_vector")})`,
      [f.projectId],
    );
    expect(differing).toEqual([]);
  });

  it("finds a speaker's annotations by name or alias, and notes and the words around a span", async () => {
    // Zhao's four quotes first; then the claim just before his name in the text.
    const byName = await search({ q: "Lijian", sort: "relevance" });
    expect(new Set(keysOf(byName.body).slice(0, 4))).toEqual(new Set(["lessons", "cjk", "judge", "learned"]));
    expect(keysOf(byName.body).slice(4)).toEqual(["joined"]);
    expect(new Set(keysOf((await search({ q: "赵立坚" })).body))).toEqual(new Set(["lessons", "cjk", "judge", "learned"]));
    const byNote = await search({ q: "date" });
    expect(keysOf(byNote.body)).toEqual(["joined"]);
    expect(byNote.body.items[0].highlights).toEqual([]);
  });

  it("finds partial words, CJK included, and highlights them", async () => {
    const partial = await search({ q: "overd" });
    expect(keysOf(partial.body)).toEqual(["overdue"]);
    expect(highlighted(partial.body.items[0])).toEqual(["overd"]);
    const cjk = await search({ q: "反省" });
    expect(keysOf(cjk.body)).toEqual(["cjk"]);
    expect(highlighted(cjk.body.items[0])).toEqual(["反省"]);
  });

  it("filters by speaker, label, status, document, author and document date (a bare `to` includes its day)", async () => {
    expect(new Set(keysOf((await search({ q: "lessons", speakerId: f.zhao })).body))).toEqual(new Set(["lessons", "learned"]));
    expect(keysOf((await search({ label: "claim" })).body)).toEqual(["joined"]);
    expect(new Set(keysOf((await search({ q: "learned" })).body))).toEqual(new Set(["lessons", "learned"]));
    expect(keysOf((await search({ q: "learned", documentId: f.docs.old })).body)).toEqual(["learned"]);
    expect((await search({ status: "accepted" })).body.items).toEqual([]);
    expect((await search({ author: f.owner.id })).body.items).toHaveLength(7);
    expect(new Set(keysOf((await search({ from: "2022-01-01" })).body))).toEqual(new Set(["lessons", "overdue", "joined", "cjk", "judge"]));
    expect(new Set(keysOf((await search({ to: "2022-11-08" })).body))).toEqual(
      new Set(["lessons", "overdue", "joined", "threat", "learned"]),
    );
    expect(keysOf((await search({ from: "2022-11-09", to: "2022-11-09T00:00:00Z" })).body).sort()).toEqual(["cjk", "judge"]);
  });

  it("lists newest document first (then by position) without q, and pages with a cursor that never repeats or skips", async () => {
    const all = await search({});
    expect(keysOf(all.body)).toEqual(["cjk", "judge", "joined", "lessons", "overdue", "threat", "learned"]);
    expect(all.body.total).toBe(7);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await search({ limit: "2", ...(cursor ? { cursor } : {}) });
      expect(page.status).toBe(200);
      if (pages > 0) expect(page.body).toMatchObject({ total: null, facets: null });
      seen.push(...idsOf(page.body));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(idsOf(all.body));
    expect(pages).toBe(4);
  });

  it("orders by relevance with q (a speaker match and the span's own words above its surroundings), pageable too", async () => {
    const ranked = await search({ q: "alliance", sort: "relevance" });
    // "overdue" and "threat" hold the word; "lessons" does not. Scores descend.
    expect(keysOf(ranked.body).slice(0, 2).sort()).toEqual(["overdue", "threat"]);
    const scores = ranked.body.items.map((item: { score: number }) => item.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const first = await search({ q: "alliance", sort: "relevance", limit: "1" });
    const second = await search({ q: "alliance", sort: "relevance", limit: "1", cursor: first.body.nextCursor });
    expect([...idsOf(first.body), ...idsOf(second.body)]).toEqual(idsOf(ranked.body).slice(0, 2));
    // Newest document first is the default, with q too.
    expect(keysOf((await search({ q: "alliance" })).body)).toEqual(["overdue", "threat"]);
    expect(keysOf((await search({ q: "alliance", sort: "date" })).body)).toEqual(["overdue", "threat"]);
  });

  it("counts only when asked: without facets=true the total and facets are null (the results come without reading every match)", async () => {
    const plain = await search({ q: "lessons", facets: "false" });
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({ total: null, facets: null, totalIsLowerBound: false });
    expect(plain.body.items.length).toBeGreaterThan(0);
    expect((await search({ in: "documents", q: "milestone", facets: "false" })).body.total).toBeNull();
    expect((await search({ q: "lessons", facets: "maybe" })).status).toBe(400);
  });

  it("counts matches by speaker, label, status and document on the first page", async () => {
    const page = await search({ q: "lessons or history or alliance" });
    // Five hold a word; the CJK quote has "history" just after it.
    expect(page.body.total).toBe(6);
    expect(page.body.facets.speakers).toEqual([
      { id: f.zhao, name: "Zhao Lijian", count: 4 },
      { id: f.minier, name: "Jiro Minier", count: 1 },
      { id: null, name: null, count: 1 },
    ]);
    expect(page.body.facets.labels).toEqual([{ value: "quote", count: 6 }]);
    expect(page.body.facets.statuses).toEqual([{ value: "pending", count: 6 }]);
    expect(page.body.facets.documents.map((d: { id: string; count: number }) => [d.id, d.count]).sort()).toEqual(
      [
        [f.docs.nato, 2],
        [f.docs.china, 2],
        [f.docs.old, 2],
      ].sort(),
    );
  });
});

describe("search over more matches than it counts", () => {
  it("counts up to 10,000, says the total is a lower bound, and still pages newest first and by relevance", async () => {
    const owner = await newUser("window");
    const projectId = (await call("POST", "/api/v1/projects", { token: owner.token, body: { name: "Window" } })).body.id as string;
    const text = "The minister said the window is open. ".repeat(10);
    const documentId = (
      await call("POST", `/api/v1/projects/${projectId}/documents`, {
        token: owner.token,
        body: { title: "Window", text, publishedAt: "2021-05-05" },
      })
    ).body.id as string;
    // 10,050 annotations, written straight to the table (the API would take minutes).
    await rows(
      `INSERT INTO annotations (id, project_id, document_id, label, start, "end", exact, prefix, suffix, author_id)
       SELECT gen_random_uuid()::text, $1, $2, 'claim', i % 300, i % 300 + 6, 'window', '', '', $3 FROM generate_series(1, 10050) AS i`,
      [projectId, documentId, owner.id],
    );
    const query = (params: Record<string, string>) =>
      call("GET", `/api/v1/projects/${projectId}/search?${new URLSearchParams({ facets: "true", ...params }).toString()}`, {
        token: owner.token,
      });
    const page = await query({ q: "window" });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 10000, totalIsLowerBound: true });
    expect(page.body.facets.labels).toEqual([{ value: "claim", count: 10000 }]);
    expect(page.body.items[0]).toMatchObject({ documentDate: "2021-05-05T00:00:00.000Z", start: 0 });
    const ranked = await query({ q: "window", sort: "relevance", limit: "200" });
    expect(ranked.body.items).toHaveLength(200);
    const next = await query({ q: "window", sort: "relevance", limit: "200", cursor: ranked.body.nextCursor });
    expect(new Set([...idsOf(ranked.body), ...idsOf(next.body)]).size).toBe(400);
    expect(await query({ q: "nothing-like-it" })).toMatchObject({ body: { total: 0, totalIsLowerBound: false, items: [] } });
  });
});

describe("GET /projects/{id}/search?in=documents", () => {
  it("finds documents by title or text with title highlights and an excerpt around the first match", async () => {
    const page = await search({ in: "documents", q: "milestone" });
    expect(page.status).toBe(200);
    expect(page.body.in).toBe("documents");
    expect(page.body.items.map((d: { id: string }) => d.id)).toEqual([f.docs.nato]);
    const [hit] = page.body.items;
    expect(hit).toMatchObject({ title: "Japan joins NATO cyber centre", annotationCount: 3, date: "2022-11-08T00:00:00.000Z" });
    const [[s, e]] = hit.snippet.highlights;
    expect(sliceCodePoints(hit.snippet.text, s, e)).toBe("milestone");
    const byTitle = await search({ in: "documents", q: "foreign" });
    expect(byTitle.body.items[0].id).toBe(f.docs.china);
    expect(byTitle.body.items[0].titleHighlights).toEqual([[8, 15]]);
    expect(byTitle.body.total).toBe(1);
  });

  it("keeps documents holding annotations that match the annotation filters, newest first", async () => {
    const minier = await search({ in: "documents", speakerId: f.minier });
    expect(minier.body.items.map((d: { id: string }) => d.id)).toEqual([f.docs.nato]);
    const all = await search({ in: "documents" });
    expect(all.body.items.map((d: { id: string }) => d.id)).toEqual([f.docs.china, f.docs.nato, f.docs.old]);
    expect(all.body.items[0].snippet.highlights).toEqual([]);
  });
});

describe("exporting search results", () => {
  it("exports exactly what the search found, in any format, with the same words, filters and dates", async () => {
    const params = { q: "lessons", from: "2021-01-01" };
    const found = idsOf((await search(params)).body);
    expect(new Set(found)).toEqual(new Set([f.ids.lessons]));
    const jsonl = await call("GET", `/api/v1/projects/${f.projectId}/export?${new URLSearchParams({ ...params, format: "jsonl" })}`, {
      token: f.owner.token,
    });
    expect(jsonl.status).toBe(200);
    const lines = jsonl.text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { id: string });
    expect(lines.map((line) => line.id)).toEqual(found);

    // A speaker's name as the query, as in search; and bad terms refused as in search.
    const byName = await call("GET", `/api/v1/projects/${f.projectId}/export?format=csv&q=Lijian&label=quote`, { token: f.owner.token });
    expect(byName.text.trim().split("\r\n")).toHaveLength(1 + 4);
    const bad = await call("GET", `/api/v1/projects/${f.projectId}/export?format=csv&to=2022-13-01`, { token: f.owner.token });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("to");
  });
});

describe("search access and input", () => {
  it("answers 404 to a non-member, lets a viewer search, and never shows another project's annotations", async () => {
    const outsider = await newUser("outsider");
    expect((await search({ q: "lessons" }, outsider.token)).status).toBe(404);
    const viewer = await newUser("viewer");
    await addMember(f.owner, f.projectId, viewer, "viewer");
    expect(keysOf((await search({ q: "overdue" }, viewer.token)).body)).toEqual(["overdue"]);

    // The outsider's own project, with the same words: neither sees the other's.
    const other = await build();
    const mine = await search({ q: "overdue" });
    expect(idsOf(mine.body)).toEqual([f.ids.overdue]);
    expect(await search({ q: "overdue", speakerId: other.minier })).toMatchObject({ status: 200, body: { items: [], total: 0 } });
  });

  it("refuses bad parameters with 400 naming them", async () => {
    for (const [params, field] of [
      [{ sort: "newest" }, "sort"],
      [{ in: "speakers" }, "in"],
      [{ from: "2022-02-30" }, "from"],
      [{ limit: "500" }, "limit"],
      [{ cursor: "bogus" }, "cursor"],
      [{ q: "x".repeat(501) }, "q"],
      [{ colour: "red" }, "colour"],
    ] as const) {
      const answer = await search(params);
      expect(answer.status, JSON.stringify(params)).toBe(400);
      expect(answer.text).toContain(field);
    }
  });

  it("treats stop words, lone operators and LIKE wildcards as text, not errors", async () => {
    for (const q of ["the", "-", '"', "or", "%", "_%_", "a & b | !c", "(", "'"]) {
      const answer = await search({ q });
      expect(answer.status, q).toBe(200);
    }
    expect((await search({ q: "%%%" })).body.items).toEqual([]);
  });
});
