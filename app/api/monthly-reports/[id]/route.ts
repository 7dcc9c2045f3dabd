import { getDb } from "@/server/db/client";
import { DOCX_TYPE, monthlyReportFile } from "@/server/services/reports/archive";
import { attachment, jsonError, requireUser, withServiceErrors } from "../../_lib/http";

/** GET /api/monthly-reports/<id> → the archived .docx, exactly as issued. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser(request, "monthlyReport.download");
  if (user instanceof Response) return user;
  const { id } = await params;
  if (!/^[a-z0-9]{1,40}$/i.test(id)) return jsonError(400, "月报编号无效");
  return withServiceErrors(async () => {
    const file = await monthlyReportFile(getDb(), user, id);
    return new Response(new Uint8Array(file.content), {
      headers: {
        "content-type": DOCX_TYPE,
        "content-disposition": attachment(file.fileName, "monthly-report.docx"),
        "cache-control": "private, max-age=31536000, immutable",
      },
    });
  });
}
