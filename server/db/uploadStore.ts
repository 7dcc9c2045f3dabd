// Uploaded photos live on disk under UPLOAD_DIR, a volume filled at run time, not a build asset. Every path is
// marked turbopackIgnore: Next's file tracer cannot resolve an environment variable, and given one it traced the
// whole project into the server bundle (the warning `next build` printed for directReports.ts).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { PhotoType } from "../domain/photos";

/** Report photos sit in UPLOAD_DIR itself; rectification evidence beside it (so one volume holds both). */
export type UploadFolder = "reports" | "rectification";

function folderPath(folder: UploadFolder): string {
  const reports = path.resolve(/* turbopackIgnore: true */ process.env.UPLOAD_DIR ?? "data/uploads/reports");
  return folder === "reports" ? reports : path.resolve(/* turbopackIgnore: true */ reports, "..", folder);
}

/** Writes the (already cleaned) image under a fresh name and returns that name, which is what the row stores. */
export function storeUpload(folder: UploadFolder, bytes: Uint8Array, type: PhotoType): string {
  const dir = folderPath(folder);
  fs.mkdirSync(/* turbopackIgnore: true */ dir, { recursive: true });
  const name = `${randomUUID()}.${type === "jpeg" ? "jpg" : "png"}`;
  fs.writeFileSync(/* turbopackIgnore: true */ path.join(/* turbopackIgnore: true */ dir, name), bytes);
  return name;
}

/** basename: a stored name never climbs out of its folder, whatever the row says. */
export function readUpload(folder: UploadFolder, name: string): Buffer {
  const file = path.join(/* turbopackIgnore: true */ folderPath(folder), path.basename(name));
  return fs.readFileSync(/* turbopackIgnore: true */ file);
}
