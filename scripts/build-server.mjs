// Part of `npm run build`: bundles the server (scripts/serve.ts, what `npm start` runs) into
// .next/sourcemark/server/serve.mjs and the export worker (lib/export/export-worker.ts) into
// .next/sourcemark/export-worker.mjs. Packages stay external (loaded from node_modules). Our own
// TypeScript is compiled once here instead of by tsx at every start, and the API's route files,
// which the server would otherwise find and import one by one, are one chunk of the bundle, loaded
// while the database starts (lib/http/bundled-routes.ts). Run through tsx, to find the routes with
// the server's own findRoutes.
import path from "node:path";
import { build } from "esbuild";
import { findRoutes } from "../lib/http/route-table.ts";

const app = path.resolve(import.meta.dirname, "..", "app");

/** lib/http/bundled-routes.ts as the bundle has it, and the chunk of every app/api route module it loads. */
const bundledRoutes = {
  name: "bundled-routes",
  setup(build) {
    build.onLoad({ filter: /[\\/]lib[\\/]http[\\/]bundled-routes\.ts$/ }, () => ({
      contents: `export const bundledRoutes = () => import("sourcemark:api-routes").then((chunk) => chunk.routes);\n`,
      loader: "js",
    }));
    build.onResolve({ filter: /^sourcemark:api-routes$/ }, () => ({ path: "api-routes", namespace: "sourcemark" }));
    build.onLoad({ filter: /^api-routes$/, namespace: "sourcemark" }, async () => {
      const routes = await findRoutes(app);
      const imports = routes.map(({ file }, i) => `import * as route${i} from ${JSON.stringify(file)};`);
      const entries = routes.map(({ directory }, i) => `  ${JSON.stringify(directory)}: route${i},`);
      return { contents: `${imports.join("\n")}\nexport const routes = {\n${entries.join("\n")}\n};\n`, loader: "js", resolveDir: app };
    });
  },
};

const common = { bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", logLevel: "warning" };
await Promise.all([
  build({
    ...common,
    entryPoints: ["scripts/serve.ts"],
    outdir: ".next/sourcemark/server",
    outExtension: { ".js": ".mjs" },
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    plugins: [bundledRoutes],
  }),
  build({ ...common, entryPoints: ["lib/export/export-worker.ts"], outfile: ".next/sourcemark/export-worker.mjs" }),
]);
