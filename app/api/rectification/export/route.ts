import { getDb } from "@/server/db/client";
import { rectificationWorkbook } from "@/server/services/rectification/rates";
import { jsonError, outsideJurisdiction, requireUser, withServiceErrors, xlsxResponse } from "../../_lib/http";

/** GET ?regionCode=2201 → rectification and on-time rates per department and county, as xlsx. */
export async function GET(request: Request) {
  const user = await requireUser(request, "rectification.export");
  if (user instanceof Response) return user;
  const regionCode = new URL(request.url).searchParams.get("regionCode") ?? user.regionCode;
  if (!/^(\d{2}|\d{4}|\d{6}|\d{9})$/.test(regionCode)) return jsonError(400, "区划代码无效");
  const refusal = outsideJurisdiction(user, regionCode);
  if (refusal) return refusal;
  return withServiceErrors(async () => {
    const body = await rectificationWorkbook(getDb(), regionCode);
    return xlsxResponse(body, `整改情况_${regionCode}.xlsx`);
  });
}
