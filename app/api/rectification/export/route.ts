import { getDb } from "@/server/db/client";
import { isWithin } from "@/server/domain/regions";
import { rectificationWorkbook } from "@/server/services/rectification/rates";
import { attachment, jsonError, requireUser, withServiceErrors } from "../../_lib/http";

/** GET ?regionCode=2201 → rectification and on-time rates per department and county, as xlsx. */
export async function GET(request: Request) {
  const user = await requireUser(request, "rectification.export");
  if (user instanceof Response) return user;
  const regionCode = new URL(request.url).searchParams.get("regionCode") ?? user.regionCode;
  if (!/^(\d{2}|\d{4}|\d{6}|\d{9})$/.test(regionCode)) return jsonError(400, "区划代码无效");
  if (!isWithin(regionCode, user.regionCode)) return jsonError(403, `区划 ${regionCode} 不在您的管辖范围内`);
  return withServiceErrors(async () => {
    const body = await rectificationWorkbook(getDb(), regionCode);
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": attachment(`整改情况_${regionCode}.xlsx`),
      },
    });
  });
}
