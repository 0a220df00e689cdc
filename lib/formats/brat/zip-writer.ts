// A minimal streaming ZIP writer (PKWARE APPNOTE): each file is emitted as soon as it is added
// (local header, deflated data), and finish() emits the central directory. Names are UTF-8.
// Enough for brat exports; no ZIP64, so it refuses archives past 4 GiB or 65,535 files.

import { crc32, deflateRawSync } from "node:zlib";

interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  compressedSize: number;
  offset: number;
  time: number;
  date: number;
}

const LIMIT = 0xffffffff;

function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((Math.max(1980, date.getUTCFullYear()) - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

export class ZipWriter {
  private readonly entries: Entry[] = [];
  private offset = 0;
  private readonly names = new Set<string>();

  constructor(private readonly date: Date = new Date()) {}

  /** A unique entry name: "a.txt", then "a-2.txt", "a-3.txt"… */
  uniqueName(name: string): string {
    if (!this.names.has(name)) return name;
    const dot = name.lastIndexOf(".");
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
    for (let i = 2; ; i++) if (!this.names.has(`${stem}-${i}${ext}`)) return `${stem}-${i}${ext}`;
  }

  /** Adds a file; returns its bytes (local header + compressed data) to write out now. */
  file(name: string, content: string | Uint8Array): Uint8Array {
    if (this.names.has(name)) throw new Error(`duplicate zip entry ${name}`);
    this.names.add(name);
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
    const compressed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, "utf8");
    const { time, date } = dosDateTime(this.date);
    const entry: Entry = {
      name: nameBytes,
      crc: crc32(data),
      size: data.length,
      compressedSize: compressed.length,
      offset: this.offset,
      time,
      date,
    };
    if (entry.size > LIMIT || this.offset + compressed.length > LIMIT || this.entries.length >= 0xffff) {
      throw new Error("export too large for a ZIP archive without ZIP64");
    }
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.compressedSize, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    this.entries.push(entry);
    const bytes = Buffer.concat([header, nameBytes, compressed]);
    this.offset += bytes.length;
    return bytes;
  }

  /** The central directory and end record. */
  finish(): Uint8Array {
    const parts: Buffer[] = [];
    let size = 0;
    for (const e of this.entries) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(0x031e, 4); // made by: Unix, 3.0
      header.writeUInt16LE(20, 6);
      header.writeUInt16LE(0x0800, 8);
      header.writeUInt16LE(8, 10);
      header.writeUInt16LE(e.time, 12);
      header.writeUInt16LE(e.date, 14);
      header.writeUInt32LE(e.crc, 16);
      header.writeUInt32LE(e.compressedSize, 20);
      header.writeUInt32LE(e.size, 24);
      header.writeUInt16LE(e.name.length, 28);
      header.writeUInt32LE((0o100644 << 16) >>> 0, 38); // regular file, rw-r--r--
      header.writeUInt32LE(e.offset, 42);
      parts.push(header, e.name);
      size += header.length + e.name.length;
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(this.offset, 16);
    parts.push(end);
    return Buffer.concat(parts);
  }
}
