import { crossSiteResponse, isCrossSite } from "@/server/http/security";
import { getDb } from "@/server/db/client";
import { isBurdenKind } from "@/server/domain/burdenKinds";
import { getImportJob, startImportJob } from "@/server/services/ledger/importJobs";
import { jsonError, readMultipart, requireUser } from "../../_lib/http";

const MAX_BYTES = 50 * 1024 * 1024;
const TOO_LARGE = "文件过大：单个台账不能超过 50 MB";

/** Upload a ledger (multipart: kind, file); answers a job id to poll. */
export async function POST(request: Request) {
  if (isCrossSite(request)) return crossSiteResponse();
  const user = await requireUser(request, "ledger.import");
  if (user instanceof Response) return user;
  const form = await readMultipart(request, {
    maxBytes: MAX_BYTES,
    tooLarge: TOO_LARGE,
    malformed: "请求格式有误：请以表单方式上传文件",
  });
  if (form instanceof Response) return form;
  const kind = form.get("kind");
  const file = form.get("file");
  if (!isBurdenKind(kind)) return jsonError(400, "请选择负担类别");
  if (!(file instanceof File)) return jsonError(400, "请选择要导入的文件");
  if (file.size === 0) return jsonError(400, "文件为空");
  if (file.size > MAX_BYTES) return jsonError(413, TOO_LARGE);
  if (!/\.(xlsx|csv)$/i.test(file.name)) return jsonError(400, "只支持 .xlsx 或 .csv 文件");
  const job = startImportJob(getDb(), user, {
    kind,
    fileName: file.name,
    content: Buffer.from(await file.arrayBuffer()),
  });
  return Response.json({ jobId: job.id }, { status: 202 });
}

/** Progress and outcome of an import job started by this user. */
export async function GET(request: Request) {
  const user = await requireUser(request, "ledger.importProgress");
  if (user instanceof Response) return user;
  const id = new URL(request.url).searchParams.get("job") ?? "";
  const job = getImportJob(id, user.id);
  if (!job) return jsonError(404, "导入任务不存在或已过期");
  return Response.json(job, { headers: { "cache-control": "no-store" } });
}
