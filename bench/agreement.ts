// Benchmark: everything the agreement endpoint computes — every pair's exact and overlap F1 with
// label and speaker agreement, per document and summed, and α_u per label and overall, per document
// and for the project — over 1,000 documents × 3 annotators × 50 spans. Target ≤ 2 s. Pure
// computation on generated data (no server, no database); deterministic for a given seed.
//   node --import tsx bench/agreement.ts [documents] [annotators] [spans per annotator] [seed]

import { computeAgreement } from "../lib/agreement/compute-agreement";
import type { AgreementDocument, AgreementSpan } from "../lib/agreement/types";
import { machine, median } from "./lib";

const DOCUMENTS = Number(process.argv[2] ?? 1000);
const ANNOTATORS = Number(process.argv[3] ?? 3);
const SPANS = Number(process.argv[4] ?? 50);
const SEED = Number(process.argv[5] ?? 20240611);
const RUNS = 5;

/** mulberry32: a small seeded generator, so every run measures the same data. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = generator(SEED);
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

const annotators = Array.from({ length: ANNOTATORS }, (_, i) => `annotator-${i + 1}`);
const speakers = Array.from({ length: 200 }, (_, i) => `speaker-${i + 1}`);
const documents: AgreementDocument[] = [];
const spans: AgreementSpan[] = [];

interface Draft {
  start: number;
  end: number;
  label: string;
  speakerId: string | null;
}

const randomSpan = (length: number): Draft => {
  const size = between(20, 200);
  const start = between(0, length - size);
  return {
    start,
    end: start + size,
    label: random() < 0.6 ? "claim" : "quote",
    speakerId: random() < 0.1 ? null : (speakers[between(0, speakers.length - 1)] as string),
  };
};

let id = 0;
for (let d = 0; d < DOCUMENTS; d++) {
  const documentId = `document-${d + 1}`;
  const length = between(3000, 8000);
  documents.push({ id: documentId, length });
  // What a careful reader would mark; each annotator finds about 80% of it, with jittered edges and
  // the odd different label or speaker, and marks spans of their own for the rest.
  const truth = Array.from({ length: SPANS }, () => randomSpan(length));
  for (const annotator of annotators) {
    for (const shared of truth) {
      let draft: Draft;
      if (random() < 0.8) {
        const jitter = () => (random() < 0.5 ? 0 : between(-8, 8));
        const start = clamp(shared.start + jitter(), 0, length - 1);
        const end = clamp(shared.end + jitter(), start + 1, length);
        draft = {
          start,
          end,
          label: random() < 0.05 ? (shared.label === "claim" ? "quote" : "claim") : shared.label,
          speakerId: random() < 0.1 ? (speakers[between(0, speakers.length - 1)] as string) : shared.speakerId,
        };
      } else {
        draft = randomSpan(length);
      }
      spans.push({ id: `span-${id++}`, annotator, documentId, ...draft });
    }
  }
}
const done = Object.fromEntries(annotators.map((annotator) => [annotator, documents.map((document) => document.id)]));
const input = { documents, spans, annotators, done };

console.log(machine());
console.log(`${DOCUMENTS} documents × ${ANNOTATORS} annotators × ${SPANS} spans = ${spans.length} spans, seed ${SEED}`);

// The first run includes compiling the code (a server's first request after start); the rest are warm.
// Wall time, and this process's CPU time (user + system), which other load on a shared machine
// disturbs less.
function timed<T>(work: () => T): { value: T; wall: number; cpu: number } {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const value = work();
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { value, wall, cpu: (cpu.user + cpu.system) / 1000 };
}
const cold = timed(() => computeAgreement(input));
let result = cold.value;
const walls: number[] = [];
const cpus: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const warm = timed(() => computeAgreement(input));
  result = warm.value;
  walls.push(warm.wall);
  cpus.push(warm.cpu);
}
const round = (value: number | null) => (value === null ? "null" : value.toFixed(3));
for (const pair of result.pairs) {
  console.log(
    `${pair.a} × ${pair.b}: exact F1 ${round(pair.exact.f1)}, overlap F1 ${round(pair.overlap.f1)}, ` +
      `labels ${round(pair.overlap.labelAgreement)}, speakers ${round(pair.overlap.speakerAgreement)}`,
  );
}
console.log(
  `α_u overall ${round(result.alphaU.overall)}, ` +
    Object.entries(result.alphaU.byLabel)
      .map(([label, alpha]) => `${label} ${round(alpha)}`)
      .join(", ") +
    `, over ${result.alphaU.documents} documents`,
);
const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
console.log(`computeAgreement, target ≤ 2 s:`);
console.log(`  first (cold) run: ${seconds(cold.wall)} wall, ${seconds(cold.cpu)} CPU`);
console.log(`  median of ${RUNS} warm runs: ${seconds(median(walls))} wall, ${seconds(median(cpus))} CPU`);
