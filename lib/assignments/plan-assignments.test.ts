import { describe, expect, it } from "vitest";
import { planAssignments } from "./plan-assignments";

const docs = (n: number, assignees: (i: number) => string[] = () => []) =>
  Array.from({ length: n }, (_, i) => ({ id: `d${i}`, assignees: assignees(i) }));

function tally(plan: { userId: string }[], users: string[], start: Record<string, number> = {}) {
  const counts = Object.fromEntries(users.map((u) => [u, start[u] ?? 0]));
  for (const { userId } of plan) counts[userId] = (counts[userId] ?? 0) + 1;
  return counts;
}

describe("planAssignments", () => {
  it("hands 7 documents × 2 to 3 annotators round-robin: a, b / c, a / b, c …, counts 5, 5, 4", () => {
    const users = ["a", "b", "c"];
    const plan = planAssignments({ documents: docs(7), userIds: users, perDocument: 2, counts: new Map() });
    expect(plan.slice(0, 6).map((p) => p.userId)).toEqual(["a", "b", "c", "a", "b", "c"]);
    expect(plan).toHaveLength(14);
    const counts = Object.values(tally(plan, users));
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(14);
  });

  it("never puts the same annotator twice on a document, and tops up a document already partly staffed", () => {
    const plan = planAssignments({
      documents: docs(4, (i) => (i === 0 ? ["b"] : [])),
      userIds: ["a", "b"],
      perDocument: 2,
      counts: new Map(),
    });
    for (const id of ["d0", "d1", "d2", "d3"]) {
      const on = plan.filter((p) => p.documentId === id).map((p) => p.userId);
      expect(new Set(on).size).toBe(on.length);
    }
    expect(plan.filter((p) => p.documentId === "d0").map((p) => p.userId)).toEqual(["a"]);
    expect(plan).toHaveLength(7);
  });

  it("counts existing assignments: who has more gets fewer new ones until the counts meet", () => {
    const users = ["a", "b", "c"];
    const start = { a: 3, b: 0, c: 1 };
    const plan = planAssignments({ documents: docs(5), userIds: users, perDocument: 1, counts: new Map(Object.entries(start)) });
    const counts = tally(plan, users, start);
    expect(counts).toEqual({ a: 3, b: 3, c: 3 });
  });

  it("stays balanced (max − min ≤ 1) for many sizes", () => {
    for (let users = 1; users <= 6; users++) {
      for (let per = 1; per <= users; per++) {
        for (const n of [1, 2, 5, 13, 40]) {
          const ids = Array.from({ length: users }, (_, i) => `u${i}`);
          const plan = planAssignments({ documents: docs(n), userIds: ids, perDocument: per, counts: new Map() });
          const counts = Object.values(tally(plan, ids));
          expect(Math.max(...counts) - Math.min(...counts), `${users} users, ${per} per document, ${n} documents`).toBeLessThanOrEqual(1);
          expect(plan).toHaveLength(n * per);
        }
      }
    }
  });
});
