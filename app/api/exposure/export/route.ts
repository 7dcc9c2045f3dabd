import { getDb } from "@/server/db/client";
import { exposureWorkbook } from "@/server/services/exposure";
import { outsideJurisdiction, requireUser, withServiceErrors, xlsxResponse } from "../../_lib/http";

/** GET ?regionCode= → the published exposure bulletin as xlsx. */
export async function GET(request: Request) {
  const user = await requireUser(request, "exposure.export");
  if (user instanceof Response) return user;
  const regionCode = new URL(request.url).searchParams.get("regionCode") ?? user.regionCode;
  const refusal = outsideJurisdiction(user, regionCode);
  if (refusal) return refusal;
  return withServiceErrors(async () => {
    const body = await exposureWorkbook(getDb(), regionCode);
    return xlsxResponse(body, `通报曝光_${regionCode}.xlsx`);
  });
}
