import { pngChunk } from "../test/pngFixture";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { reencodePhoto } from "./photoReencode";

// Strings that identify the reporter; none may survive in a stored photo.
const SECRETS = [
  "GPS N 43 53 45.67 E 125 19 12.34",
  "Canon EOS R5",
  "Owner 张三",
  "xmpmeta",
  "Photoshop 3.0",
  "Zhang San byline",
  "ICC_PROFILE",
  "Exif",
  "MPF",
  "hdrgm",
  "iTXt",
  "tEXt",
  "eXIf",
];

const segment = (marker: number, payload: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
};
const exifSegment = () =>
  segment(
    0xe1,
    Buffer.concat([
      Buffer.from("Exif\0\0"),
      Buffer.from("GPS N 43 53 45.67 E 125 19 12.34 | Canon EOS R5 | Owner 张三"),
    ]),
  );
const xmpSegment = () =>
  segment(
    0xe1,
    Buffer.from(
      'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:hdrgm="http://ns.adobe.com/hdr-gain-map/1.0/">GPS N 43 53 45.67 E 125 19 12.34</x:xmpmeta>',
    ),
  );
const iptcSegment = () =>
  segment(0xed, Buffer.from("Photoshop 3.0\x008BIM\x04\x04\0\0\0\0\0\x10\x1c\x02\x50\0\x10Zhang San byline"));
/** Inserts segments right after SOI. */
const withSegments = (jpeg: Buffer, ...segments: Buffer[]) =>
  Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);

let base: Buffer;
let iccJpeg: Buffer;
let basePng: Buffer;

beforeAll(async () => {
  const pixels = sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 40 } } });
  base = await pixels.clone().jpeg().toBuffer();
  // A real ICC profile whose description text is embedded, plus a real EXIF written by libvips.
  iccJpeg = await pixels
    .clone()
    .withIccProfile("p3")
    .withExif({ IFD0: { Make: "Canon EOS R5", Artist: "Owner 张三" } })
    .jpeg()
    .toBuffer();
  basePng = await pixels.clone().png().toBuffer();
});

/** Inserts chunks right after IHDR (8-byte signature + 25-byte IHDR chunk). */
const withChunks = (png: Buffer, ...chunks: Buffer[]) =>
  Buffer.concat([png.subarray(0, 33), ...chunks, png.subarray(33)]);

async function expectClean(output: Buffer, format: "jpeg" | "png") {
  const text = output.toString("latin1") + output.toString("utf8");
  for (const secret of SECRETS) expect(text, secret).not.toContain(secret);
  const meta = await sharp(output).metadata();
  expect(meta.format).toBe(format);
  expect([meta.width, meta.height]).toEqual([64, 48]);
  expect(meta.exif).toBeUndefined();
  expect(meta.icc).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  expect(meta.iptc).toBeUndefined();
  const { data } = await sharp(output).raw().toBuffer({ resolveWithObject: true });
  expect(Math.abs(data[0]! - 200)).toBeLessThan(12); // the pixels themselves survive
  if (format === "jpeg") expect(output.indexOf(Buffer.from([0xff, 0xd9]), output.length - 2)).toBe(output.length - 2); // nothing after the end marker
}

describe("report photos are re-encoded from pixels", () => {
  it("MPO: a second image after the first end marker keeps none of its EXIF/GPS", async () => {
    const second = withSegments(base, exifSegment());
    const mpo = Buffer.concat([withSegments(base, segment(0xe2, Buffer.from("MPF\0\x4d\x4d\0\x2a"))), second]);
    await expectClean(await reencodePhoto(mpo, "jpeg"), "jpeg");
  });

  it("HDR gain map (XMP hdrgm + appended gain-map image with EXIF)", async () => {
    const gainMap = withSegments(base, xmpSegment(), exifSegment());
    const photo = Buffer.concat([
      withSegments(base, xmpSegment(), segment(0xe2, Buffer.from("urn:iso:std:iso:ts:21496:-1\0"))),
      gainMap,
    ]);
    await expectClean(await reencodePhoto(photo, "jpeg"), "jpeg");
  });

  it("XMP, IPTC, EXIF and an ICC profile with text in the primary image", async () => {
    await expectClean(
      await reencodePhoto(withSegments(iccJpeg, xmpSegment(), iptcSegment(), exifSegment()), "jpeg"),
      "jpeg",
    );
  });

  it("PNG text, international text and EXIF chunks", async () => {
    const png = withChunks(
      basePng,
      pngChunk("tEXt", Buffer.from("Author\0Owner 张三")),
      pngChunk(
        "iTXt",
        Buffer.from("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>GPS N 43 53 45.67 E 125 19 12.34</x:xmpmeta>"),
      ),
      pngChunk("eXIf", Buffer.from("MM\0*Canon EOS R5")),
    );
    await expectClean(await reencodePhoto(png, "png"), "png");
  });

  it("refuses a file that has the magic bytes but does not decode", async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
    await expect(reencodePhoto(fake, "jpeg")).rejects.toThrow("照片文件已损坏");
    await expect(reencodePhoto(basePng.subarray(0, basePng.length - 40), "png")).rejects.toThrow("照片文件已损坏");
  });
});
