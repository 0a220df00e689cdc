// GET /api/health: is the app up, and can it reach its database? 200 when both are, 503 when the
// database is not (for load balancers and monitoring; no credentials needed, nothing revealed).

import { databaseHealth } from "@/lib/db/health";
import { apiRoute, json } from "@/lib/http/api-route";

export const GET = apiRoute(async () => {
  const health = await databaseHealth();
  return json(health, health.database === "ok" ? 200 : 503, { "Cache-Control": "no-store" });
});
