import { deflateRawSync, constants as zlibConstants } from 'node:zlib';

/**
 * Hand-made .xlsx files for the upload-limit tests and the `upload-limits` bench: a minimal zip writer, a minimal
 * workbook (the worksheet written before the shared strings, with inline strings, as the files of the security
 * review were), and deflate streams that unpack to gigabytes from a few megabytes without ever being built whole.
 */

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

export function crc32(data: Buffer): number {
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/**
 * A part as plain bytes (deflated here), or already deflated with its unpacked size (CRC then unknown: 0) and,
 * for a lying header, the size to declare instead.
 */
export type ZipPart =
  | { name: string; data: Buffer | string }
  | { name: string; deflated: Buffer; size: number; declared?: number };

/** A zip of the parts in the given order (deflate, no data descriptors, no zip64). */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    let deflated: Buffer;
    let size: number;
    let crc = 0;
    let declared: number | undefined;
    if ('data' in part) {
      const data = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : part.data;
      deflated = deflateRawSync(data);
      size = data.length;
      crc = crc32(data);
    } else {
      deflated = part.deflated;
      size = part.size;
      declared = part.declared;
    }
    declared = Math.min(declared ?? size, 0xfffffffe);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(deflated.length, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, deflated);
    central.push(entry, name);
    offset += 30 + name.length + deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A raw deflate stream of `head`, then `unit` repeated `times`, then `tail`, built from independently compressed
 * segments (each ends with a full flush, so none refers back to another): a 1 MB unit packs to about 1 KB, so a
 * few megabytes unpack to gigabytes while only the packed bytes are ever in memory.
 */
export function repeatedDeflate(head: string, unit: string, times: number, tail: string) {
  const segment = (text: string) =>
    deflateRawSync(Buffer.from(text, 'utf8'), { finishFlush: zlibConstants.Z_FULL_FLUSH, level: 9 });
  const packedUnit = segment(unit);
  const pieces = [segment(head)];
  for (let i = 0; i < times; i++) pieces.push(packedUnit);
  pieces.push(deflateRawSync(Buffer.from(tail, 'utf8')));
  return {
    deflated: Buffer.concat(pieces),
    size: Buffer.byteLength(head) + Buffer.byteLength(unit) * times + Buffer.byteLength(tail, 'utf8'),
  };
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const columnName = (index: number) => {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
};

export const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_TAIL = '</sheetData></worksheet>';

/** One `<row>` with inline strings and numbers; `null` cells are left out. */
export function rowXml(number: number, cells: (string | number | null)[]): string {
  const out = cells.map((value, i) => {
    if (value === null) return '';
    const ref = `${columnName(i)}${number}`;
    return typeof value === 'number'
      ? `<c r="${ref}"><v>${value}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
  });
  return `<row r="${number}">${out.join('')}</row>`;
}

/** A worksheet of the given rows, the first being row 1. */
export function sheetXml(rows: (string | number | null)[][]): string {
  return SHEET_HEAD + rows.map((cells, i) => rowXml(i + 1, cells)).join('') + SHEET_TAIL;
}

export const SST_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
export const SST_TAIL = '</sst>';

/** The parts of a one-sheet workbook: the sheet comes before the shared strings, as in the review's files. */
export function workbookParts(
  sheet: string | Buffer | { deflated: Buffer; size: number; declared?: number },
  sharedStrings: string | { deflated: Buffer; size: number; declared?: number } = SST_HEAD + SST_TAIL,
): ZipPart[] {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const part = (
    name: string,
    body: string | Buffer | { deflated: Buffer; size: number; declared?: number },
  ): ZipPart =>
    typeof body === 'string' || Buffer.isBuffer(body) ? { name, data: body } : { name, ...body };
  return [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="居民信息" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    part('xl/worksheets/sheet1.xml', sheet),
    part('xl/sharedStrings.xml', sharedStrings),
  ];
}

/** A shared-strings part of `unpackedBytes` of items, packed ~270:1: a few MB unpack to gigabytes. */
export function sharedStringsBomb(unpackedBytes: number, itemChars = 100) {
  const item = `<si><t>${'A'.repeat(itemChars)}</t></si>`;
  const unit = item.repeat(Math.max(1, Math.floor(2 ** 20 / item.length)));
  return repeatedDeflate(SST_HEAD, unit, Math.ceil(unpackedBytes / unit.length), SST_TAIL);
}
