import { crossSiteResponse, isCrossSite } from "@/server/http/security";
import { readBlankForm } from "@/server/services/formOverlap/readBlankForm";
import { jsonError, readMultipart, requireUser, withServiceErrors } from "../../_lib/http";

const MAX_BYTES = 10 * 1024 * 1024;

/** Upload a blank form (multipart: file, .xlsx or .docx); answers the field list read from its header. Nothing is saved. */
export async function POST(request: Request) {
  if (isCrossSite(request)) return crossSiteResponse();
  const user = await requireUser(request, "formOverlap.readBlankForm");
  if (user instanceof Response) return user;
  const form = await readMultipart(request, {
    maxBytes: MAX_BYTES,
    tooLarge: "文件过大：空白表格不能超过 10 MB",
    malformed: "请求格式有误：请以表单方式上传文件",
  });
  if (form instanceof Response) return form;
  const file = form.get("file");
  if (!(file instanceof File)) return jsonError(400, "请选择要上传的空白表格");
  if (file.size === 0) return jsonError(400, "文件为空");
  return withServiceErrors(async () =>
    Response.json(await readBlankForm(Buffer.from(await file.arrayBuffer()), file.name)),
  );
}
