import { TRPCError } from "@trpc/server";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { rankingWorkbook } from "@/server/services/rankingExport";
import { jsonError, requireUser, xlsxResponse } from "../../_lib/http";

const HTTP_STATUS: Partial<Record<TRPCError["code"], number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
};

/**
 * GET ?parentCode=2201&period=202611 → the ranking as xlsx. It is built from the
 * same procedures as the 排名 page, so it shows exactly what the page may show
 * this user: the department league only for a region inside their jurisdiction.
 */
export async function GET(request: Request) {
  const user = await requireUser(request, "ranking.export");
  if (user instanceof Response) return user;
  const params = new URL(request.url).searchParams;
  const parentCode = params.get("parentCode") ?? "";
  const periodParam = params.get("period");
  const period = periodParam && /^\d{6}$/.test(periodParam) ? Number(periodParam) : undefined;
  const api = createCaller(await createContext({ headers: request.headers }));
  try {
    const scores = await api.ranking.peers({ parentCode, period, replicates: 1000 });
    const league = await api.ranking
      .departments({ regionCode: parentCode, periodFrom: scores.period, periodTo: scores.period })
      .catch((error: unknown) => {
        if (error instanceof TRPCError && error.code === "FORBIDDEN") return null;
        throw error;
      });
    const body = await rankingWorkbook(scores, league);
    return xlsxResponse(body, `减负监测排名_${parentCode}_${scores.period}.xlsx`);
  } catch (error) {
    if (error instanceof TRPCError && HTTP_STATUS[error.code])
      return jsonError(HTTP_STATUS[error.code]!, error.message);
    console.error(error);
    return jsonError(500, "服务器内部错误，请稍后重试");
  }
}
