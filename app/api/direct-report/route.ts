import { crossSiteResponse, isCrossSite } from "@/server/http/security";
import { z } from "zod";
import { getDb } from "@/server/db/client";
import { BURDEN_KINDS } from "@/server/domain/burdenKinds";
import { MAX_PHOTO_BYTES, submitDirectReport } from "@/server/services/directReports";
import { errorResponse } from "@/server/api/errors";
import { clientAddressOf } from "@/server/http/clientAddress";
import { withAccessCodeGuard } from "@/server/services/accessCodeGuard";
import { jsonError, readMultipart } from "../_lib/http";

const fields = z.object({
  accessCode: z.string({ error: "请输入访问码" }).trim().min(4, "访问码格式不正确").max(20, "访问码格式不正确"),
  kind: z.enum(BURDEN_KINDS, { error: "请选择负担类别" }),
  departmentName: z
    .string({ error: "请填写提出要求的部门" })
    .trim()
    .min(2, "请填写提出要求的部门")
    .max(100, "部门名称不能超过100个字"),
  content: z
    .string({ error: "请描述具体要求" })
    .trim()
    .min(5, "请至少用5个字描述具体要求")
    .max(2000, "描述不能超过2000个字"),
  anonymous: z.enum(["true", "false"]).default("true"),
  reporterName: z.string().trim().max(50, "姓名不能超过50个字").optional(),
  reporterPhone: z
    .string()
    .trim()
    .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})?$/, "联系电话格式不正确")
    .optional(),
});

/** Direct report from a monitoring point (multipart, optional photo). No account; nothing about the sender is kept. */
export async function POST(request: Request) {
  if (isCrossSite(request)) return crossSiteResponse();
  const form = await readMultipart(request, {
    maxBytes: MAX_PHOTO_BYTES + 100_000,
    tooLarge: "提交内容过大：照片不能超过 5 MB",
  });
  if (form instanceof Response) return form;
  const parsed = fields.safeParse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")));
  if (!parsed.success) return jsonError(400, parsed.error.issues.map((i) => i.message).join("；"));
  const photo = form.get("photo");
  try {
    const result = await withAccessCodeGuard(clientAddressOf(request.headers), async () =>
      submitDirectReport(getDb(), {
        ...parsed.data,
        anonymous: parsed.data.anonymous === "true",
        photo: photo instanceof File && photo.size > 0 ? new Uint8Array(await photo.arrayBuffer()) : null,
      }),
    );
    return Response.json(result, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
