// Any other /api/v1 path: a JSON 404 rather than the HTML not-found page.

import { notFound } from "@/lib/errors/domain-error";
import { errorResponse } from "@/lib/http/api-route";

const handler = async (): Promise<Response> => errorResponse(notFound("API route"));

export { handler as GET, handler as POST, handler as PATCH, handler as PUT, handler as DELETE };
