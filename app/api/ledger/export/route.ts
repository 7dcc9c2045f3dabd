import { Readable } from "node:stream";
import { z } from "zod";
import { getDb } from "@/server/db/client";
import { BURDEN_KINDS } from "@/server/domain/burdenKinds";
import { RECORD_SOURCES } from "@/server/domain/recordSources";
import { exportRecords } from "@/server/services/ledger/workbooks";
import { jsonError, outsideJurisdiction, requireUser, xlsxResponse } from "../../_lib/http";

const query = z.object({
  regionCode: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, "区划代码无效"),
  kind: z.enum(BURDEN_KINDS).optional(),
  departmentId: z.string().max(40).optional(),
  periodFrom: z.coerce.number().int().min(200001).max(209912).optional(),
  periodTo: z.coerce.number().int().min(200001).max(209912).optional(),
  isViolation: z.enum(["true", "false"]).optional(),
  includeWithdrawn: z.enum(["true", "false"]).optional(),
  source: z.enum(RECORD_SOURCES, { error: "记录来源无效" }).optional(),
});

/** GET with the list filters → the filtered records as xlsx. */
export async function GET(request: Request) {
  const user = await requireUser(request, "ledger.export");
  if (user instanceof Response) return user;
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return jsonError(400, `导出条件有误：${parsed.error.issues.map((i) => i.message).join("；")}`);
  const { isViolation, includeWithdrawn, ...filter } = parsed.data;
  const refusal = outsideJurisdiction(user, filter.regionCode);
  if (refusal) return refusal;
  const stream = exportRecords(getDb(), {
    ...filter,
    isViolation: isViolation === undefined ? undefined : isViolation === "true",
    includeWithdrawn: includeWithdrawn === "true",
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return xlsxResponse(Readable.toWeb(stream) as ReadableStream, `负担记录_${filter.regionCode}_${stamp}.xlsx`);
}
