import { crossSiteResponse, isCrossSite } from "@/server/http/security";
import { readBlankForm } from "@/server/services/formOverlap/readBlankForm";
import { jsonError, requireUser, withServiceErrors } from "../../_lib/http";

const MAX_BYTES = 10 * 1024 * 1024;

/** Upload a blank form (multipart: file, .xlsx or .docx); answers the field list read from its header. Nothing is saved. */
export async function POST(request: Request) {
  if (isCrossSite(request)) return crossSiteResponse();
  const user = await requireUser(request, "formOverlap.readBlankForm");
  if (user instanceof Response) return user;
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BYTES)
    return jsonError(413, "文件过大：空白表格不能超过 10 MB");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return jsonError(400, "请求格式有误：请以表单方式上传文件");
  }
  const file = form.get("file");
  if (!(file instanceof File)) return jsonError(400, "请选择要上传的空白表格");
  if (file.size === 0) return jsonError(400, "文件为空");
  return withServiceErrors(async () =>
    Response.json(await readBlankForm(Buffer.from(await file.arrayBuffer()), file.name)),
  );
}
