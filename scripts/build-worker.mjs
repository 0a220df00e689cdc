// Bundles the export worker (lib/export/export-worker.ts) into .next/sourcemark/export-worker.mjs
// as part of `npm run build`: worker threads do not inherit the tsx loader the server runs under,
// and a plain bundle starts faster and smaller. Packages stay external (loaded from node_modules).
import { build } from "esbuild";

await build({
  entryPoints: ["lib/export/export-worker.ts"],
  outfile: ".next/sourcemark/export-worker.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
