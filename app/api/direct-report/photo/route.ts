import { getDb } from "@/server/db/client";
import { directReportPhoto } from "@/server/services/directReports";
import { errorResponse } from "@/server/api/errors";
import { requireUser } from "../../_lib/http";

/** GET ?id=<report id> → the report's photo, for monitors of its region. */
export async function GET(request: Request) {
  const user = await requireUser(request, "directReport.photo");
  if (user instanceof Response) return user;
  try {
    const photo = await directReportPhoto(getDb(), user, new URL(request.url).searchParams.get("id") ?? "");
    return new Response(new Uint8Array(photo.bytes), {
      headers: {
        "content-type": photo.type,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
