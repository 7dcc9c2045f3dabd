import { getDb } from "@/server/db/client";
import { canSeePeersOf } from "@/server/domain/regions";
import { defaultPeriod } from "@/server/services/metrics";
import { rankingWorkbook } from "@/server/services/rankingExport";
import { attachment, jsonError, requireUser, withServiceErrors } from "../../_lib/http";

/** GET ?parentCode=2201&period=202611 → the ranking as xlsx. */
export async function GET(request: Request) {
  const user = await requireUser(request, "ranking.export");
  if (user instanceof Response) return user;
  const params = new URL(request.url).searchParams;
  const parentCode = params.get("parentCode") ?? "";
  if (!/^(\d{2}|\d{4}|\d{6}|\d{9})$/.test(parentCode)) return jsonError(400, "区划代码无效");
  if (!canSeePeersOf(user.regionCode, parentCode)) return jsonError(403, `区划 ${parentCode} 的下级排名不在您的查看范围内`);
  const periodParam = Number(params.get("period"));
  return withServiceErrors(async () => {
    const period = Number.isInteger(periodParam) && periodParam > 200000 ? periodParam : await defaultPeriod(getDb(), parentCode);
    const body = await rankingWorkbook(getDb(), parentCode, period);
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": attachment(`减负监测排名_${parentCode}_${period}.xlsx`),
      },
    });
  });
}
