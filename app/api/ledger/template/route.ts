import { BURDEN_KIND_NAMES, isBurdenKind } from "@/server/domain/burdenKinds";
import { getDb } from "@/server/db/client";
import { templateListsFor } from "@/server/services/ledger/templateLists";
import { ledgerTemplate } from "@/server/services/ledger/workbooks";
import { jsonError, requireUser, xlsxResponse } from "../../_lib/http";

/** GET ?kind=FORM → the xlsx template of that kind. */
export async function GET(request: Request) {
  const user = await requireUser(request, "ledger.template");
  if (user instanceof Response) return user;
  const kind = new URL(request.url).searchParams.get("kind");
  if (!isBurdenKind(kind)) return jsonError(400, "负担类别无效");
  const body = await ledgerTemplate(kind, await templateListsFor(getDb(), user));
  return xlsxResponse(body, `${BURDEN_KIND_NAMES[kind].replace(/\//g, "、")}台账模板.xlsx`);
}
