import { getDb } from "@/server/db/client";
import { isWithin } from "@/server/domain/regions";
import { exposureWorkbook } from "@/server/services/exposure";
import { attachment, jsonError, requireUser, withServiceErrors } from "../../_lib/http";

/** GET ?regionCode= → the published exposure bulletin as xlsx. */
export async function GET(request: Request) {
  const user = await requireUser(request, "exposure.export");
  if (user instanceof Response) return user;
  const regionCode = new URL(request.url).searchParams.get("regionCode") ?? user.regionCode;
  if (!isWithin(regionCode, user.regionCode)) return jsonError(403, `区划 ${regionCode} 不在您的管辖范围内`);
  return withServiceErrors(async () => {
    const body = await exposureWorkbook(getDb(), regionCode);
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": attachment(`通报曝光_${regionCode}.xlsx`),
      },
    });
  });
}
