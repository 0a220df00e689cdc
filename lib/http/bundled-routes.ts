// The API's route modules by directory ("api/v1/projects/[projectId]"), when the server runs from
// its bundle: scripts/build-server.mjs replaces this module with one loading a chunk of the bundle
// that imports every app/api/**/route.ts. From source (tsx, tests) it is null, and loadRouteTable
// imports the route files it finds.

import type { RouteModule } from "./route-table";

export const bundledRoutes: (() => Promise<Readonly<Record<string, RouteModule>>>) | null = null;
