import { getDb } from "@/server/db/client";
import { levelOfCode } from "@/server/domain/regions";
import { dictionaryWorkbook, proposalsWorkbook } from "@/server/services/formOverlap/exportWorkbook";
import { jsonError, outsideJurisdiction, requireUser, withServiceErrors, xlsxResponse } from "../../_lib/http";

/** GET ?regionCode=220103&kind=proposals|dictionary → xlsx. */
export async function GET(request: Request) {
  const user = await requireUser(request, "formOverlap.export");
  if (user instanceof Response) return user;
  const params = new URL(request.url).searchParams;
  const regionCode = params.get("regionCode") ?? "";
  const kind = params.get("kind");
  if (levelOfCode(regionCode) !== 3) return jsonError(400, "请选择一个县（市、区）导出");
  const refusal = outsideJurisdiction(user, regionCode);
  if (refusal) return refusal;
  if (kind !== "proposals" && kind !== "dictionary") return jsonError(400, "导出类型应为合并建议或数据项字典");
  return withServiceErrors(async () => {
    const body =
      kind === "proposals"
        ? await proposalsWorkbook(getDb(), regionCode)
        : await dictionaryWorkbook(getDb(), user, regionCode);
    return xlsxResponse(body, `${kind === "proposals" ? "一表通合并建议" : "数据项字典"}_${regionCode}.xlsx`);
  });
}
