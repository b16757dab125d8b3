/**
 * A visit photo's bytes checked without decoding them: the kind from its magic bytes (JPEG, PNG, WebP; the name and
 * the declared type are not trusted), its dimensions from its header, and JPEG APP1 segments (EXIF: GPS position,
 * camera, time) and PNG eXIf chunks removed. Imports nothing, so it is tested on its own.
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

/** JPEG segments up to the scan: APP1 dropped; the frame's dimensions read from its SOF marker. */
function jpeg(bytes: Buffer): { width: number; height: number; bytes: Buffer } | null {
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let at = 2;
  let size: { width: number; height: number } | null = null;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      kept.push(bytes.subarray(at, at + 2));
      at += 2;
      continue;
    }
    const length = bytes.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > bytes.length) return null;
    const segment = bytes.subarray(at, at + 2 + length);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC): height then width after the precision byte.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      if (length < 7) return null;
      size = { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    }
    if (marker === 0xda) {
      // The scan and everything after it (entropy-coded data, further scans, EOI) go as they are.
      if (!size) return null;
      kept.push(bytes.subarray(at));
      return { ...size, bytes: Buffer.concat(kept) };
    }
    if (marker !== 0xe1) kept.push(segment);
    at += 2 + length;
  }
  return null;
}

/** PNG chunks checked (lengths inside the file); IHDR's dimensions; eXIf chunks dropped. */
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
    if (type !== 'eXIf') kept.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') return { width, height, bytes: Buffer.concat(kept) };
  }
  return null;
}

/** WebP: the canvas size of VP8X, or the frame size of VP8 / VP8L. */
function webp(bytes: Buffer): { width: number; height: number; bytes: Buffer } | null {
  if (bytes.length < 30) return null;
  const chunk = bytes.toString('latin1', 12, 16);
  if (chunk === 'VP8X') {
    return { width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1, bytes };
  }
  if (chunk === 'VP8 ') {
    if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return null;
    return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff, bytes };
  }
  if (chunk === 'VP8L') {
    if (bytes[20] !== 0x2f) return null;
    const bits = bytes.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1, bytes };
  }
  return null;
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
