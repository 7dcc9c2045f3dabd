import type { SessionUser } from "../../auth";
import type { Db } from "../../db/client";
import { readUpload, storeUpload } from "../../db/uploadStore";
import { countPendingEvidence, findEvidence, insertEvidence } from "../../db/rectificationRepository";
import { photoTypeOf, stripPhotoMetadata } from "../../domain/photos";
import { awaitsDepartment } from "../../domain/rectification";
import { NotFoundError, PermissionError, UserInputError } from "../errors";
import { canSeeItem, itemFor } from "./access";

export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
const MAX_PENDING_FILES = 10;

/** A photo or screenshot for the department's next submission, stored like report photos: metadata stripped, size-limited. */
export async function addEvidence(db: Db, user: SessionUser, itemId: string, bytes: Uint8Array, fileName: string) {
  const item = await itemFor(db, user, itemId);
  if (user.role !== "department" || user.departmentId !== item.departmentId)
    throw new PermissionError("只有责任部门可以上传整改证明材料");
  if (!awaitsDepartment(item.state)) throw new UserInputError("该事项已提交或已销号，不能再上传材料");
  if (bytes.length === 0) throw new UserInputError("请选择要上传的图片");
  if (bytes.length > MAX_EVIDENCE_BYTES) throw new UserInputError("证明材料图片不能超过 5 MB");
  const type = photoTypeOf(bytes);
  if (!type) throw new UserInputError("证明材料须为 JPG 或 PNG 图片（撤回通知等文件请拍照或截图上传）");
  if ((await countPendingEvidence(db, itemId)) >= MAX_PENDING_FILES)
    throw new UserInputError(`每次提交最多上传 ${MAX_PENDING_FILES} 个文件`);
  let clean: Uint8Array;
  try {
    clean = stripPhotoMetadata(bytes, type);
  } catch (error) {
    throw new UserInputError(error instanceof Error ? error.message : "图片文件损坏");
  }
  const stored = storeUpload("rectification", clean, type);
  const row = await insertEvidence(db, {
    itemId,
    fileName: fileName.slice(0, 120) || stored,
    path: stored,
    mime: type === "jpeg" ? "image/jpeg" : "image/png",
    size: clean.length,
    uploadedById: user.id,
  });
  return { id: row.id, fileName: row.fileName, size: row.size, mime: row.mime };
}

/** The stored file, for the department that owns the item and the monitors of its region. */
export async function readEvidence(db: Db, user: SessionUser, id: string) {
  const row = await findEvidence(db, id);
  if (!row || !canSeeItem(user, row.item)) throw new NotFoundError("证明材料不存在或不在您的管辖范围内");
  return {
    bytes: readUpload("rectification", row.path),
    type: row.mime,
    fileName: row.fileName,
  };
}
