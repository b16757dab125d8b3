import { StringDecoder } from 'node:string_decoder';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { CellValue, SheetRow } from './xlsx.ts';

/**
 * A reader of .xlsx uploads that cannot hurt the server (docs/decisions/upload-limits.md). The zip is read from the
 * buffer it already is: its central directory says where each part lies, and only the parts needed (workbook,
 * relationships, shared strings, worksheets) are inflated, as a stream, with a byte counter that stops past the
 * limits. Their XML goes through a streaming parser (saxes); only the shared strings are kept, up to a count and a
 * number of characters. Nothing is written to disk (exceljs's WorkbookReader copies sheets into os.tmpdir()).
 */

export type XlsxLimits = {
  /** Unpacked bytes of any one part. */
  partBytes: number;
  /** Unpacked bytes of every part together (declared sizes, and bytes actually inflated). */
  totalBytes: number;
  /** Unpacked ÷ packed size of a part, checked once a part has unpacked past `ratioFloorBytes`. */
  ratio: number;
  ratioFloorBytes: number;
  sharedStrings: number;
  sharedStringChars: number;
  /** `<row>` elements over all worksheets read. */
  rows: number;
  /** Column of the last non-empty cell of a row. */
  columns: number;
  /** Characters of one cell or shared string (Excel's own limit is 32,767). */
  cellChars: number;
  /** Wall-clock time the caller allows, as an epoch millisecond deadline (checked per inflated chunk). */
  deadline: number;
};

export const defaultXlsxLimits: Omit<XlsxLimits, 'deadline'> = {
  partBytes: 256 * 2 ** 20,
  totalBytes: 384 * 2 ** 20,
  ratio: 200,
  ratioFloorBytes: 4 * 2 ** 20,
  sharedStrings: 1_000_000,
  sharedStringChars: 16_000_000,
  rows: 250_000,
  columns: 256,
  cellChars: 32_767,
};

export type XlsxProblemCode =
  | 'not_xlsx'
  | 'corrupt'
  | 'part_too_large'
  | 'unpacked_too_large'
  | 'compression_ratio'
  | 'too_many_shared_strings'
  | 'shared_strings_too_long'
  | 'too_many_rows'
  | 'too_many_columns'
  | 'cell_too_long'
  | 'time_limit';

/** Why a workbook cannot be read: a stable code, the limit that was passed (if any), and a detail for logs. */
export class XlsxProblem extends Error {
  constructor(
    readonly code: XlsxProblemCode,
    readonly limit: number | null = null,
    detail = '',
  ) {
    super(`${code}${limit !== null ? ` (limit ${limit})` : ''}${detail ? `: ${detail}` : ''}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The zip container.

type Entry = { name: string; method: number; flags: number; packed: number; size: number; local: number };

const MAX_ENTRIES = 10_000;
const CHUNK = 64 * 1024;

/** The central directory of a zip held in memory; sizes of 0xFFFFFFFF (zip64) exceed every limit anyway. */
function centralDirectory(file: Buffer, limits: Omit<XlsxLimits, 'deadline'>): Map<string, Entry> {
  if (file.length < 22 || file.readUInt32LE(0) !== 0x04034b50) throw new XlsxProblem('not_xlsx');
  // The end record is in the last 65,557 bytes (22 + a comment of up to 65,535).
  let eocd = -1;
  for (let at = file.length - 22; at >= Math.max(0, file.length - 65_557); at--) {
    if (file.readUInt32LE(at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new XlsxProblem('corrupt', null, 'no end of central directory');
  const count = file.readUInt16LE(eocd + 10);
  const start = file.readUInt32LE(eocd + 16);
  if (count > MAX_ENTRIES) throw new XlsxProblem('corrupt', null, 'too many entries');
  const entries = new Map<string, Entry>();
  let declared = 0;
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || file.readUInt32LE(at) !== 0x02014b50) {
      throw new XlsxProblem('corrupt', null, 'central directory');
    }
    const nameLength = file.readUInt16LE(at + 28);
    const entry: Entry = {
      flags: file.readUInt16LE(at + 8),
      method: file.readUInt16LE(at + 10),
      packed: file.readUInt32LE(at + 20),
      size: file.readUInt32LE(at + 24),
      local: file.readUInt32LE(at + 42),
      name: file.toString('utf8', at + 46, Math.min(eocd, at + 46 + nameLength)),
    };
    if (entry.size > limits.partBytes) throw new XlsxProblem('part_too_large', limits.partBytes, entry.name);
    declared += entry.size;
    if (declared > limits.totalBytes) throw new XlsxProblem('unpacked_too_large', limits.totalBytes);
    entries.set(entry.name.replace(/^\/+/, ''), entry);
    at += 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
  return entries;
}

/** Counts unpacked bytes over the whole workbook and checks the time; shared by every part read. */
class Budget {
  total = 0;
  constructor(readonly limits: XlsxLimits) {}
  check() {
    if (Date.now() > this.limits.deadline) throw new XlsxProblem('time_limit', null);
  }
}

/** The unpacked bytes of one part, in chunks, inflated as a stream and stopped past the limits. */
async function* partBytes(file: Buffer, entry: Entry, budget: Budget): AsyncGenerator<Buffer> {
  const { limits } = budget;
  if (entry.flags & 1) throw new XlsxProblem('corrupt', null, 'encrypted entry');
  if (entry.method !== 0 && entry.method !== 8) throw new XlsxProblem('corrupt', null, 'compression method');
  if (entry.local + 30 > file.length || file.readUInt32LE(entry.local) !== 0x04034b50) {
    throw new XlsxProblem('corrupt', null, 'local header');
  }
  const start = entry.local + 30 + file.readUInt16LE(entry.local + 26) + file.readUInt16LE(entry.local + 28);
  if (start + entry.packed > file.length) throw new XlsxProblem('corrupt', null, 'truncated entry');
  const packed = file.subarray(start, start + entry.packed);
  const ratioCap = Math.max(limits.ratioFloorBytes, limits.ratio * entry.packed);
  let size = 0;
  const count = (chunk: Buffer) => {
    size += chunk.length;
    budget.total += chunk.length;
    if (size > limits.partBytes) throw new XlsxProblem('part_too_large', limits.partBytes, entry.name);
    if (budget.total > limits.totalBytes) throw new XlsxProblem('unpacked_too_large', limits.totalBytes);
    if (size > ratioCap) throw new XlsxProblem('compression_ratio', limits.ratio, entry.name);
    budget.check();
  };
  if (entry.method === 0) {
    for (let at = 0; at < packed.length; at += CHUNK) {
      const chunk = packed.subarray(at, at + CHUNK);
      count(chunk);
      yield chunk;
    }
    return;
  }
  const inflater = createInflateRaw({ chunkSize: CHUNK });
  const source = Readable.from(
    (function* () {
      for (let at = 0; at < packed.length; at += CHUNK) yield packed.subarray(at, at + CHUNK);
    })(),
  );
  source.on('error', (error) => inflater.destroy(error));
  source.pipe(inflater);
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      count(chunk);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof XlsxProblem) throw error;
    throw new XlsxProblem('corrupt', null, error instanceof Error ? error.message : String(error));
  } finally {
    source.unpipe(inflater);
    source.destroy();
    inflater.destroy();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// XML over the part's bytes.

type XmlHandlers = {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
};

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/**
 * Feeds a part through saxes. The handlers push what they find into arrays that the caller drains between chunks.
 * Saxes buffers a construct (text, tag, comment, CDATA) until it ends, so a part that goes on for more than
 * `constructBytes` without any parser event is refused: no single text node can grow in memory past that.
 */
async function* parseXml(
  bytes: AsyncGenerator<Buffer>,
  handlers: XmlHandlers,
  constructBytes: number,
): AsyncGenerator<void> {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  let sinceEvent = 0;
  parser.on('error', (error) => {
    throw new XlsxProblem('corrupt', null, error.message);
  });
  parser.on('doctype', () => {
    throw new XlsxProblem('corrupt', null, 'DOCTYPE');
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    sinceEvent = 0;
    handlers.open(localName(tag.name), tag.attributes);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    sinceEvent = 0;
    handlers.close(localName(tag.name));
  });
  parser.on('text', (text) => {
    sinceEvent = 0;
    handlers.text(text);
  });
  parser.on('cdata', (text) => {
    sinceEvent = 0;
    handlers.text(text);
  });
  parser.on('comment', () => (sinceEvent = 0));
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of bytes) {
      parser.write(decoder.write(chunk));
      sinceEvent += chunk.length;
      if (sinceEvent > constructBytes) throw new XlsxProblem('cell_too_long', null, 'XML construct');
      yield;
    }
    parser.write(decoder.end());
    parser.close();
    yield;
  } finally {
    await bytes.return(undefined);
  }
}

/** Unpacked bytes a workbook or relationships part may have (a real one has kilobytes). */
const SMALL_PART_BYTES = 8 * 2 ** 20;

/** Reads a small part (workbook, relationships) whole through the same limits, and at most 8 MB of it. */
async function smallPart(file: Buffer, entry: Entry, budget: Budget, handlers: XmlHandlers) {
  async function* capped(bytes: AsyncGenerator<Buffer>) {
    let seen = 0;
    try {
      for await (const chunk of bytes) {
        seen += chunk.length;
        if (seen > SMALL_PART_BYTES) throw new XlsxProblem('part_too_large', SMALL_PART_BYTES, entry.name);
        yield chunk;
      }
    } finally {
      await bytes.return(undefined);
    }
  }
  for await (const _ of parseXml(capped(partBytes(file, entry, budget)), handlers, 4 * 2 ** 20));
}

/** A relationship target relative to the part's folder (`xl/`), or absolute from the package root. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').filter(Boolean);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

type Workbook = { sheets: { name: string; path: string }[]; sharedStrings: string | null };

async function workbookParts(file: Buffer, entries: Map<string, Entry>, budget: Budget): Promise<Workbook> {
  let workbookPath = 'xl/workbook.xml';
  const rootRels = entries.get('_rels/.rels');
  if (rootRels) {
    await smallPart(file, rootRels, budget, {
      open(name, a) {
        if (name === 'Relationship' && /\/officeDocument$/.test(a.Type ?? '') && a.Target) {
          workbookPath = resolveTarget('', a.Target);
        }
      },
      close() {},
      text() {},
    });
  }
  const workbook = entries.get(workbookPath);
  if (!workbook) throw new XlsxProblem('not_xlsx', null, 'no workbook part');
  const folder = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const declared: { name: string; rel: string }[] = [];
  await smallPart(file, workbook, budget, {
    open(name, a) {
      if (name !== 'sheet') return;
      const rel = Object.entries(a).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
      if (rel) declared.push({ name: a.name ?? '', rel });
    },
    close() {},
    text() {},
  });
  const targets = new Map<string, { type: string; target: string }>();
  const rels = entries.get(`${folder}_rels/${workbookPath.slice(folder.length)}.rels`);
  if (rels) {
    await smallPart(file, rels, budget, {
      open(name, a) {
        if (name === 'Relationship' && a.Id && a.Target) {
          targets.set(a.Id, { type: a.Type ?? '', target: resolveTarget(folder, a.Target) });
        }
      },
      close() {},
      text() {},
    });
  }
  const sheets = declared.flatMap(({ name, rel }) => {
    const target = targets.get(rel);
    return target && /\/worksheet$/.test(target.type) ? [{ name, path: target.target }] : [];
  });
  const shared = [...targets.values()].find((t) => /\/sharedStrings$/.test(t.type))?.target;
  return {
    sheets,
    sharedStrings:
      shared ?? (entries.has(`${folder}sharedStrings.xml`) ? `${folder}sharedStrings.xml` : null),
  };
}

/** The text of `<t>` elements, rich-text runs joined, phonetic guides (`<rPh>`) left out. */
class TextCollector {
  private parts: string[] = [];
  private length = 0;
  private inT = false;
  private phonetic = 0;
  constructor(private readonly maxChars: number) {}
  open(name: string) {
    if (name === 't') this.inT = true;
    else if (name === 'rPh') this.phonetic += 1;
  }
  close(name: string) {
    if (name === 't') this.inT = false;
    else if (name === 'rPh') this.phonetic -= 1;
  }
  text(text: string) {
    if (!this.inT || this.phonetic > 0) return;
    this.length += text.length;
    if (this.length > this.maxChars) throw new XlsxProblem('cell_too_long', this.maxChars);
    this.parts.push(text);
  }
  take(): string {
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.length = 0;
    return text;
  }
}

async function readSharedStrings(file: Buffer, entry: Entry, budget: Budget): Promise<string[]> {
  const { limits } = budget;
  const strings: string[] = [];
  let chars = 0;
  let inItem = false;
  const collector = new TextCollector(limits.cellChars);
  const xml = parseXml(
    partBytes(file, entry, budget),
    {
      open(name) {
        if (name === 'si') {
          inItem = true;
          if (strings.length >= limits.sharedStrings) {
            throw new XlsxProblem('too_many_shared_strings', limits.sharedStrings);
          }
        } else if (inItem) collector.open(name);
      },
      close(name) {
        if (name === 'si') {
          inItem = false;
          const text = collector.take();
          chars += text.length;
          if (chars > limits.sharedStringChars) {
            throw new XlsxProblem('shared_strings_too_long', limits.sharedStringChars);
          }
          strings.push(text);
        } else if (inItem) collector.close(name);
      },
      text(text) {
        if (inItem) collector.text(text);
      },
    },
    limits.cellChars * 10 + CHUNK,
  );
  for await (const _ of xml);
  return strings;
}

/** `B12` → 2 (1-based column), or 0 when the reference has no letters. */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
    if (column > 16_384) return 16_385;
  }
  return column;
}

/**
 * The rows of one worksheet, cells converted as exceljs's reader did: shared and inline strings (rich text joined),
 * numbers, booleans, error codes as text, formulas as their cached result.
 */
async function* sheetRows(
  file: Buffer,
  entry: Entry,
  sheet: string,
  strings: string[],
  budget: Budget,
  rowCount: { n: number },
): AsyncGenerator<SheetRow> {
  const { limits } = budget;
  const ready: SheetRow[] = [];
  let row: SheetRow | null = null;
  let lastRow = 0;
  let column = 0;
  let type = 'n';
  let value: string | null = null;
  let inValue = false;
  let inInline = false;
  const collector = new TextCollector(limits.cellChars);
  let valueLength = 0;
  const xml = parseXml(
    partBytes(file, entry, budget),
    {
      open(name, a) {
        if (name === 'row') {
          if (++rowCount.n > limits.rows) throw new XlsxProblem('too_many_rows', limits.rows);
          const r = a.r ? Number(a.r) : lastRow + 1;
          lastRow = Number.isInteger(r) && r > 0 && r <= 1_048_576 ? r : lastRow + 1;
          row = { sheet, number: lastRow, cells: [] };
          column = 0;
        } else if (name === 'c' && row) {
          column = a.r ? columnOf(a.r) || column + 1 : column + 1;
          type = a.t ?? 'n';
          value = null;
          valueLength = 0;
        } else if (name === 'v' && row) {
          inValue = true;
        } else if (name === 'is' && row) {
          inInline = true;
        } else if (inInline) collector.open(name);
      },
      close(name) {
        if (name === 'row' && row) {
          ready.push(row);
          row = null;
        } else if (name === 'c' && row) {
          let cell: CellValue = null;
          const inline = collector.take();
          if (type === 'inlineStr') cell = inline;
          else if (value !== null) {
            if (type === 's') cell = strings[Number(value)] ?? null;
            else if (type === 'str' || type === 'e') cell = value;
            else if (type === 'b') cell = value === '1' || value === 'true';
            else if (type === 'd') cell = new Date(value);
            else cell = value.trim() === '' ? null : Number(value);
          }
          if (cell !== null && cell !== '') {
            if (column > limits.columns) throw new XlsxProblem('too_many_columns', limits.columns);
            const cells = row.cells;
            while (cells.length < column - 1) cells.push(null);
            cells[column - 1] = cell;
          }
        } else if (name === 'v') {
          inValue = false;
        } else if (name === 'is') {
          inInline = false;
        } else if (inInline) collector.close(name);
      },
      text(text) {
        if (inValue) {
          valueLength += text.length;
          if (valueLength > limits.cellChars) throw new XlsxProblem('cell_too_long', limits.cellChars);
          value = value === null ? text : value + text;
        } else if (inInline) collector.text(text);
      },
    },
    limits.cellChars * 10 + CHUNK,
  );
  for await (const _ of xml) {
    while (ready.length) yield ready.shift()!;
  }
}

/**
 * The rows of every worksheet of an .xlsx, in the workbook's sheet order: memory holds one chunk of rows and the
 * shared strings (up to their limits). `cells[0]` is column A. Styles are not read, so date-formatted cells come as
 * Excel serial numbers (see `excelSerialDate`). Throws `XlsxProblem` for a file that is not a workbook, is
 * damaged, or passes a limit.
 */
export async function* readSheetRows(
  file: Buffer,
  overrides: Partial<XlsxLimits> = {},
): AsyncGenerator<SheetRow> {
  const limits: XlsxLimits = { ...defaultXlsxLimits, deadline: Infinity, ...overrides };
  const budget = new Budget(limits);
  const entries = centralDirectory(file, limits);
  const workbook = await workbookParts(file, entries, budget);
  const shared = workbook.sharedStrings ? entries.get(workbook.sharedStrings) : undefined;
  const strings = shared ? await readSharedStrings(file, shared, budget) : [];
  const rowCount = { n: 0 };
  for (const sheet of workbook.sheets) {
    const entry = entries.get(sheet.path);
    if (!entry) throw new XlsxProblem('corrupt', null, `missing ${sheet.path}`);
    yield* sheetRows(file, entry, sheet.name, strings, budget, rowCount);
  }
}

/** The first `max` bytes of a part (or fewer), then the part is closed. */
async function* headOf(bytes: AsyncGenerator<Buffer>, max: number): AsyncGenerator<Buffer> {
  let seen = 0;
  try {
    for await (const chunk of bytes) {
      yield chunk;
      seen += chunk.length;
      if (seen >= max) return;
    }
  } finally {
    await bytes.return(undefined);
  }
}

/**
 * The last row number the first worksheet declares in its `<dimension ref="A1:O100001"/>`, read without unpacking
 * the sheet (reading stops at the first row, and after 256 KB in any case: this runs while the upload request
 * waits). Null when the file does not say; used for progress.
 */
export async function declaredLastRow(file: Buffer): Promise<number | null> {
  try {
    const limits: XlsxLimits = { ...defaultXlsxLimits, deadline: Date.now() + 5_000 };
    const budget = new Budget(limits);
    const entries = centralDirectory(file, limits);
    const workbook = await workbookParts(file, entries, budget);
    const entry = workbook.sheets[0] && entries.get(workbook.sheets[0].path);
    if (!entry) return null;
    let found: number | null = null;
    let done = false;
    const xml = parseXml(
      headOf(partBytes(file, entry, budget), 256 * 1024),
      {
        open(name, a) {
          if (name === 'dimension') {
            const m = /^[A-Z]+\d+(?::[A-Z]+(\d+))?$/.exec(a.ref ?? '');
            found = m?.[1] ? Number(m[1]) : null;
          }
          if (name === 'dimension' || name === 'sheetData') done = true;
        },
        close() {},
        text() {},
      },
      64 * 1024,
    );
    for await (const _ of xml) if (done) break;
    return found;
  } catch {
    return null;
  }
}
