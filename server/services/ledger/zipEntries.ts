// Reads entries of a zip (xlsx) held in memory, inflating as a stream so that
// a declared size that lies (a zip bomb) is caught while counting, not after.
import { createInflateRaw } from "node:zlib";
import { Readable } from "node:stream";
import { UserInputError } from "../errors";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const corrupt = () => new UserInputError("无法读取该 xlsx 文件：文件已损坏或不是 Excel 工作簿");

/** The central directory: names and declared sizes, before anything is inflated. */
export function listZipEntries(zip: Buffer): Map<string, ZipEntry> {
  const from = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL) throw corrupt();
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const entry: ZipEntry = {
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      size: zip.readUInt32LE(offset + 24),
      localOffset: zip.readUInt32LE(offset + 42),
      name: zip.toString("utf8", offset + 46, offset + 46 + nameLength),
    };
    // Zip64 markers: no genuine ledger within the upload limit needs them.
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) {
      throw new UserInputError("该 xlsx 文件解压后过大，无法导入：请拆分为多个文件");
    }
    entries.set(entry.name.replace(/^\//, ""), entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Budget shared by every entry read from one file. */
export class InflateBudget {
  used = 0;
  constructor(readonly maxBytes: number) {}
  take(bytes: number) {
    this.used += bytes;
    if (this.used > this.maxBytes) {
      throw new UserInputError(
        `该 xlsx 文件解压后超过 ${Math.round(this.maxBytes / 1024 / 1024)} MB，无法导入：请拆分为多个文件后分别导入`,
      );
    }
  }
}

/** The entry's bytes as a stream of chunks, aborting once the budget is spent. */
export async function* inflateEntry(zip: Buffer, entry: ZipEntry, budget: InflateBudget): AsyncGenerator<Buffer> {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) throw corrupt();
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw corrupt();
  const raw = zip.subarray(start, end);
  if (entry.method === 0) {
    for (let i = 0; i < raw.length; i += 64 * 1024) {
      const chunk = raw.subarray(i, i + 64 * 1024);
      budget.take(chunk.length);
      yield chunk;
    }
    return;
  }
  if (entry.method !== 8) throw corrupt();
  const inflater = createInflateRaw();
  const source = Readable.from([raw]).pipe(inflater);
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      budget.take(chunk.length);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof UserInputError) throw error;
    throw corrupt();
  } finally {
    inflater.destroy();
  }
}
