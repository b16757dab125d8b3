/**
 * An uploaded photo's bytes (a visit's, a duty task's evidence) checked without decoding them: the kind from its magic
 * bytes (JPEG, PNG, WebP; the name and the declared type are not trusted), its dimensions from its header, and its
 * metadata removed (EXIF: GPS position, camera, time; XMP; IPTC; text): JPEG APPn segments but APP0, an ICC profile
 * and APP14, comments and whatever follows the end of image (appended previews), PNG eXIf,
 * tEXt, zTXt and iTXt chunks, WebP EXIF and XMP chunks (with VP8X's flags for them cleared). Imports nothing, so it
 * is tested on its own (photo-check.test.ts).
 */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
/** The longest side and the pixel count a phone photo can have (the phone sends ≤ 1600 px). */
export const PHOTO_MAX_SIDE = 8000;
export const PHOTO_MAX_PIXELS = 40_000_000;

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';
export type CheckedPhoto = { type: PhotoType; width: number; height: number; bytes: Buffer };
export type PhotoProblem = 'empty' | 'too_large' | 'not_an_image' | 'corrupt' | 'dimensions';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function kindOf(bytes: Buffer): PhotoType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (
    bytes.length >= 12 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  ) {
    return 'image/webp';
  }
  return null;
}

/** APPn segments a JPEG needs: APP0 (JFIF), APP2 when an ICC colour profile, APP14 (Adobe: the colour transform). */
function jpegSegmentKept(marker: number, body: Buffer): boolean {
  if (marker === 0xfe) return false; // COM: free text
  if (marker < 0xe0 || marker > 0xef) return true;
  if (marker === 0xe0 || marker === 0xee) return true;
  return marker === 0xe2 && body.toString('latin1', 0, 12) === 'ICC_PROFILE\0';
}

/**
 * The entropy-coded data of a scan from `at`: up to the next marker (0xFF followed by neither 0x00, a stuffed byte,
 * nor a restart marker D0–D7, which belong to the data); the end of the bytes when no marker follows.
 */
function scanEnd(bytes: Buffer, at: number): number {
  let i = bytes.indexOf(0xff, at);
  while (i !== -1) {
    let marker = i;
    while (bytes[marker + 1] === 0xff) marker += 1; // fill bytes before a marker: not data
    if (marker + 1 >= bytes.length) return bytes.length;
    const next = bytes[marker + 1]!;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) i = bytes.indexOf(0xff, marker + 2);
    else return i;
  }
  return bytes.length;
}

/**
 * A JPEG walked segment by segment to its end of image, every scan's data skipped over, so segments between the scans
 * of a progressive JPEG are seen too: APPn segments other than APP0, an ICC profile (APP2) and APP14 dropped (APP1
 * EXIF and XMP, APP2 MPF, APP13 IPTC, vendors' others) and comments (COM); whatever follows the end of image (the
 * preview and second images phones append, each with its own EXIF) dropped. The frame's dimensions from its SOF.
 */
function jpeg(bytes: Buffer): { width: number; height: number; bytes: Buffer } | null {
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let at = 2;
  let size: { width: number; height: number } | null = null;
  let scanned = false;
  while (at + 2 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      if (!size || !scanned) return null;
      kept.push(bytes.subarray(at, at + 2));
      return { ...size, bytes: Buffer.concat(kept) };
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      kept.push(bytes.subarray(at, at + 2));
      at += 2;
      continue;
    }
    if (marker === 0xd8 || at + 4 > bytes.length) return null;
    const length = bytes.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > bytes.length) return null;
    const segment = bytes.subarray(at, at + 2 + length);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC): height then width after the precision byte.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      if (length < 7) return null;
      size = { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    }
    if (jpegSegmentKept(marker, segment.subarray(4))) kept.push(segment);
    at += 2 + length;
    if (marker === 0xda) {
      if (!size) return null;
      const end = scanEnd(bytes, at);
      kept.push(bytes.subarray(at, end));
      scanned = true;
      at = end;
    }
  }
  // The data ran to the end without an end of image (a truncated file): what was read, closed with one.
  if (!size || !scanned) return null;
  kept.push(Buffer.from([0xff, 0xd9]));
  return { ...size, bytes: Buffer.concat(kept) };
}

/** PNG chunks whose text or EXIF may carry where and when a photo was taken. */
const PNG_METADATA = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt']);

/** PNG chunks checked (lengths inside the file); IHDR's dimensions; metadata chunks dropped. */
function png(bytes: Buffer): { width: number; height: number; bytes: Buffer } | null {
  if (bytes.length < 33 || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const kept: Buffer[] = [bytes.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > bytes.length) return null;
    if (!PNG_METADATA.has(type)) kept.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') return { width, height, bytes: Buffer.concat(kept) };
  }
  return null;
}

/** VP8X's flags for the EXIF and XMP chunks (the byte after its chunk header: bit 3 EXIF, bit 2 XMP). */
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

/**
 * WebP: the RIFF chunks walked (lengths inside the file, padded to even), the canvas size of VP8X or the frame size
 * of VP8 / VP8L, and the EXIF and XMP chunks dropped (VP8X's flags for them cleared, the RIFF size rewritten).
 */
function webp(bytes: Buffer): { width: number; height: number; bytes: Buffer } | null {
  if (bytes.length < 30) return null;
  const riffEnd = 8 + bytes.readUInt32LE(4);
  if (riffEnd > bytes.length || riffEnd < 20) return null;
  const kept: Buffer[] = [];
  let size: { width: number; height: number } | null = null;
  let at = 12;
  while (at + 8 <= riffEnd) {
    const type = bytes.toString('latin1', at, at + 4);
    const length = bytes.readUInt32LE(at + 4);
    const end = at + 8 + length + (length % 2);
    if (at + 8 + length > riffEnd) return null;
    const chunk = bytes.subarray(at, Math.min(end, riffEnd));
    if (at === 12) {
      if (type === 'VP8X') {
        if (length < 10) return null;
        size = { width: bytes.readUIntLE(at + 12, 3) + 1, height: bytes.readUIntLE(at + 15, 3) + 1 };
        const vp8x = Buffer.from(chunk);
        vp8x[8] = vp8x[8]! & ~(VP8X_EXIF | VP8X_XMP);
        kept.push(vp8x);
      } else if (type === 'VP8 ') {
        if (length < 10 || bytes[at + 11] !== 0x9d || bytes[at + 12] !== 0x01 || bytes[at + 13] !== 0x2a) {
          return null;
        }
        size = {
          width: bytes.readUInt16LE(at + 14) & 0x3fff,
          height: bytes.readUInt16LE(at + 16) & 0x3fff,
        };
        kept.push(chunk);
      } else if (type === 'VP8L') {
        if (length < 5 || bytes[at + 8] !== 0x2f) return null;
        const bits = bytes.readUInt32LE(at + 9);
        size = { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
        kept.push(chunk);
      } else {
        return null;
      }
    } else if (type !== 'EXIF' && type !== 'XMP ') {
      kept.push(chunk);
    }
    at = end;
  }
  if (!size) return null;
  const body = Buffer.concat(kept);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'latin1');
  return { ...size, bytes: Buffer.concat([head, body]) };
}

/** Checks a photo's bytes; a problem names what is wrong (the errors catalogue words it). */
export function checkPhoto(bytes: Buffer): CheckedPhoto | { problem: PhotoProblem } {
  if (bytes.length === 0) return { problem: 'empty' };
  if (bytes.length > PHOTO_MAX_BYTES) return { problem: 'too_large' };
  const type = kindOf(bytes);
  if (!type) return { problem: 'not_an_image' };
  const read = type === 'image/jpeg' ? jpeg(bytes) : type === 'image/png' ? png(bytes) : webp(bytes);
  if (!read) return { problem: 'corrupt' };
  const { width, height } = read;
  if (
    width < 1 ||
    height < 1 ||
    width > PHOTO_MAX_SIDE ||
    height > PHOTO_MAX_SIDE ||
    width * height > PHOTO_MAX_PIXELS
  ) {
    return { problem: 'dimensions' };
  }
  return { type, width, height, bytes: read.bytes };
}
