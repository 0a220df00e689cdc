// Handing documents out (issue 10): round-robin over the chosen annotators, balanced so that each
// one's count of assignments in the project — existing ones included — differs from the others'
// by at most one wherever the existing counts allow, and never the same person twice on a
// document. Pure: the database module feeds it the current state and writes its plan.

export interface PlanInput {
  /** The documents to staff, in the order to hand them out, each with who is on it already. */
  documents: readonly { id: string; assignees: readonly string[] }[];
  /** The annotators to hand out to, in round-robin order (distinct). */
  userIds: readonly string[];
  /** How many annotators each document should have, counting those already on it. */
  perDocument: number;
  /** Each annotator's assignments in the project now (absent: none). */
  counts: ReadonlyMap<string, number>;
}

export interface PlannedAssignment {
  documentId: string;
  userId: string;
}

/**
 * The new assignments: per document, the annotators not on it yet with the fewest assignments,
 * ties broken by the round-robin turn (who follows the last one picked).
 */
export function planAssignments({ documents, userIds, perDocument, counts }: PlanInput): PlannedAssignment[] {
  const n = userIds.length;
  const count = new Map(userIds.map((id) => [id, counts.get(id) ?? 0]));
  const order = new Map(userIds.map((id, i) => [id, i]));
  let turn = 0;
  const plan: PlannedAssignment[] = [];
  for (const document of documents) {
    const on = new Set(document.assignees);
    const need = perDocument - on.size;
    if (need <= 0) continue;
    const rank = (id: string) => ((order.get(id) as number) - turn + n) % n;
    const picked = userIds
      .filter((id) => !on.has(id))
      .sort((a, b) => (count.get(a) as number) - (count.get(b) as number) || rank(a) - rank(b))
      .slice(0, need);
    for (const userId of picked) {
      plan.push({ documentId: document.id, userId });
      count.set(userId, (count.get(userId) as number) + 1);
    }
    const last = picked.at(-1);
    if (last !== undefined) turn = ((order.get(last) as number) + 1) % n;
  }
  return plan;
}
