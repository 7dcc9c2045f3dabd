import { crossSiteResponse, isCrossSite } from "@/server/http/security";
import { getDb } from "@/server/db/client";
import { addEvidence, MAX_EVIDENCE_BYTES, readEvidence } from "@/server/services/rectification/evidence";
import { jsonError, readMultipart, requireUser, withServiceErrors } from "../../_lib/http";

/** POST multipart { itemId, file } → evidence for the department's next submission. */
export async function POST(request: Request) {
  if (isCrossSite(request)) return crossSiteResponse();
  const user = await requireUser(request, "rectification.evidenceUpload");
  if (user instanceof Response) return user;
  const form = await readMultipart(request, {
    maxBytes: MAX_EVIDENCE_BYTES + 100_000,
    tooLarge: "证明材料图片不能超过 5 MB",
  });
  if (form instanceof Response) return form;
  const itemId = form.get("itemId");
  const file = form.get("file");
  if (typeof itemId !== "string" || !itemId) return jsonError(400, "请提供整改事项编号");
  if (!(file instanceof File) || file.size === 0) return jsonError(400, "请选择要上传的图片");
  return withServiceErrors(async () =>
    Response.json(await addEvidence(getDb(), user, itemId, new Uint8Array(await file.arrayBuffer()), file.name), {
      status: 201,
    }),
  );
}

/** GET ?id=<evidence id> → the file, for the responsible department and the monitors of the region. */
export async function GET(request: Request) {
  const user = await requireUser(request, "rectification.evidence");
  if (user instanceof Response) return user;
  return withServiceErrors(async () => {
    const file = await readEvidence(getDb(), user, new URL(request.url).searchParams.get("id") ?? "");
    return new Response(new Uint8Array(file.bytes), {
      headers: { "content-type": file.type, "cache-control": "private, no-store", "x-content-type-options": "nosniff" },
    });
  });
}
