// Report photos: accept JPEG and PNG only, and strip metadata (EXIF GPS,
// camera serials, text chunks) that could identify an anonymous reporter.

export type PhotoType = "jpeg" | "png";

export function photoTypeOf(bytes: Uint8Array): PhotoType | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length > 8 && png.every((b, i) => bytes[i] === b)) return "png";
  return null;
}

/** JPEG without APP1–APP15 and COM segments (EXIF, XMP, ICC names, comments). */
function stripJpeg(bytes: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [bytes.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) throw new Error("JPEG 文件结构损坏");
    const marker = bytes[i + 1]!;
    if (marker === 0xda) {
      out.push(bytes.subarray(i)); // start of scan: the rest is image data
      break;
    }
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    const end = i + 2 + length;
    if (end > bytes.length) throw new Error("JPEG 文件结构损坏");
    const metadata = (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe;
    if (!metadata) out.push(bytes.subarray(i, end));
    i = end;
  }
  return concat(out);
}

const PNG_METADATA = new Set(["tEXt", "iTXt", "zTXt", "eXIf", "tIME"]);

function stripPng(bytes: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [bytes.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= bytes.length) {
    const length = ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
    const type = String.fromCharCode(...bytes.subarray(i + 4, i + 8));
    const end = i + 12 + length;
    if (end > bytes.length) throw new Error("PNG 文件结构损坏");
    if (!PNG_METADATA.has(type)) out.push(bytes.subarray(i, end));
    i = end;
    if (type === "IEND") break;
  }
  return concat(out);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export function stripPhotoMetadata(bytes: Uint8Array, type: PhotoType): Uint8Array {
  return type === "jpeg" ? stripJpeg(bytes) : stripPng(bytes);
}
