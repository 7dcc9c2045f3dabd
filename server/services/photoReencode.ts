// Report photos are rebuilt from decoded pixels. Stripping known metadata segments
// missed whatever a phone stores after the first image (MPO second frames, HDR gain
// maps with their own EXIF/GPS); a re-encode keeps nothing but the pixels.
import sharp from "sharp";
import type { PhotoType } from "../domain/photos";
import { UserInputError } from "./errors";

/** Larger than any phone camera (a 200 MP sensor is 16k × 12k); bounds the decoded size of a crafted file. */
const MAX_PIXELS = 200_000_000;

export async function reencodePhoto(bytes: Uint8Array, type: PhotoType): Promise<Buffer> {
  try {
    // rotate(): apply the EXIF orientation to the pixels, since the EXIF itself is dropped.
    const image = sharp(bytes, { failOn: "error", limitInputPixels: MAX_PIXELS, pages: 1 }).rotate();
    return type === "jpeg"
      ? await image.jpeg({ quality: 88, mozjpeg: false }).toBuffer()
      : await image.png({ compressionLevel: 8 }).toBuffer();
  } catch {
    throw new UserInputError("照片文件已损坏或不是有效的 JPG/PNG 图片，请重新拍摄或选择其他照片");
  }
}
