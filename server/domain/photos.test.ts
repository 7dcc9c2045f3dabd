import { describe, expect, it } from "vitest";
import { photoTypeOf, stripPhotoMetadata } from "./photos";

const seg = (marker: number, payload: number[]) => [
  0xff,
  marker,
  (payload.length + 2) >> 8,
  (payload.length + 2) & 0xff,
  ...payload,
];

describe("report photo metadata", () => {
  it("drops EXIF and comments from a JPEG, keeps the image segments", () => {
    const exif = seg(0xe1, [...Buffer.from("Exif\0\0GPS 39.9N 116.4E")]);
    const quant = seg(0xdb, [1, 2, 3]);
    const comment = seg(0xfe, [...Buffer.from("张三的手机")]);
    const scan = [0xff, 0xda, 0, 4, 9, 9, 0xaa, 0xbb, 0xff, 0xd9];
    const jpeg = Uint8Array.from([0xff, 0xd8, ...exif, ...quant, ...comment, ...scan]);
    expect(photoTypeOf(jpeg)).toBe("jpeg");
    const stripped = stripPhotoMetadata(jpeg, "jpeg");
    expect(Array.from(stripped)).toEqual([0xff, 0xd8, ...quant, ...scan]);
    expect(Buffer.from(stripped).includes("GPS")).toBe(false);
  });

  it("drops text chunks from a PNG", () => {
    const chunk = (type: string, data: number[]) => [0, 0, 0, data.length, ...Buffer.from(type), ...data, 0, 0, 0, 0];
    const png = Uint8Array.from([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      ...chunk("IHDR", [1]),
      ...chunk("tEXt", [...Buffer.from("Author")]),
      ...chunk("IEND", []),
    ]);
    expect(photoTypeOf(png)).toBe("png");
    expect(Buffer.from(stripPhotoMetadata(png, "png")).includes("Author")).toBe(false);
  });

  it("refuses anything that is not JPEG or PNG", () => {
    expect(photoTypeOf(Buffer.from("GIF89a"))).toBeNull();
    expect(photoTypeOf(Buffer.from("<svg></svg>"))).toBeNull();
  });
});
