import { BURDEN_KIND_NAMES, isBurdenKind } from "@/server/domain/burdenKinds";
import { getDb } from "@/server/db/client";
import { templateListsFor } from "@/server/services/ledger/templateLists";
import { ledgerTemplate } from "@/server/services/ledger/workbooks";
import { attachment, jsonError, requireUser } from "../../_lib/http";

/** GET ?kind=FORM → the xlsx template of that kind. */
export async function GET(request: Request) {
  const user = await requireUser(request, "ledger.template");
  if (user instanceof Response) return user;
  const kind = new URL(request.url).searchParams.get("kind");
  if (!isBurdenKind(kind)) return jsonError(400, "负担类别无效");
  const body = await ledgerTemplate(kind, await templateListsFor(getDb(), user));
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": attachment(`${BURDEN_KIND_NAMES[kind].replace(/\//g, "、")}台账模板.xlsx`),
    },
  });
}
