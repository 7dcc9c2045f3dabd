import { getDb } from "@/server/db/client";
import { directReportPhoto } from "@/server/services/directReports";
import { NotFoundError } from "@/server/services/errors";
import { jsonError, requireUser } from "../../_lib/http";

/** GET ?id=<report id> → the report's photo, for monitors of its region. */
export async function GET(request: Request) {
  const user = await requireUser(request, ["monitor", "admin"]);
  if (user instanceof Response) return user;
  try {
    const photo = await directReportPhoto(getDb(), user, new URL(request.url).searchParams.get("id") ?? "");
    return new Response(new Uint8Array(photo.bytes), { headers: { "content-type": photo.type, "cache-control": "private, no-store", "x-content-type-options": "nosniff" } });
  } catch (error) {
    if (error instanceof NotFoundError) return jsonError(404, error.message);
    throw error;
  }
}
