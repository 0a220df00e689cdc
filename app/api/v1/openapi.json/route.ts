// GET /api/v1/openapi.json: the API reference (OpenAPI 3.1), built from lib/api-reference/. Public:
// it describes the API, not anyone's data.

import { apiReferenceJson } from "@/lib/api-reference/openapi";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(async () => {
  return new Response(apiReferenceJson(), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      // The same for everyone and changed only by a deployment: caches may keep it for a while.
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
});
