// A type only: server tests importing these helpers load no browser.
import type { Page } from 'playwright-core';

/**
 * Made-up image files for upload tests: the structure of a JPEG, PNG or WebP (headers, dimensions, metadata carrying a
 * GPS position) around placeholder data. checkPhoto reads headers only, so these pass as photos.
 */
export const GPS_TEXT = 'GPSLatitude 31.2304N GPSLongitude 121.4737E';

const segment = (marker: number, body: Buffer) => {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
};

/** A JPEG: SOI, APP0, APP1 (EXIF with a GPS position), APP13 (IPTC), SOF0 width × height, SOS, data, EOI. */
export function jpegPhoto(width = 1200, height = 900, padding = 2000) {
  const sof = Buffer.from([8, 0, 0, 0, 0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  sof.writeUInt16BE(height, 1);
  sof.writeUInt16BE(width, 3);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    segment(0xe1, Buffer.from(`Exif\0\0${GPS_TEXT}`, 'latin1')),
    segment(0xed, Buffer.from(`Photoshop 3.0\0IPTC city 上海 ${GPS_TEXT}`, 'utf8')),
    segment(0xc0, sof),
    segment(0xda, Buffer.from([3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0])),
    Buffer.alloc(padding, 0x55),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A PNG: IHDR width × height, eXIf and an iTXt (XMP) with a GPS position, IDAT, IEND. */
export function pngPhoto(width: number, height: number) {
  const chunk = (type: string, body: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length, 0);
    return Buffer.concat([length, Buffer.from(type, 'latin1'), body, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('eXIf', Buffer.from(`MM\0*${GPS_TEXT}`, 'latin1')),
    chunk('iTXt', Buffer.from(`XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>${GPS_TEXT}</x:xmpmeta>`, 'latin1')),
    chunk('IDAT', Buffer.alloc(64, 1)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const riffChunk = (type: string, body: Buffer) => {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'latin1');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body, body.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
};

const riff = (chunks: Buffer[]) => {
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'latin1');
  return Buffer.concat([head, body]);
};

/** An extended WebP: VP8X (width × height, EXIF and XMP flags set), a VP8 frame, an EXIF and an XMP chunk (odd length). */
export function webpPhoto(width: number, height: number) {
  const vp8x = Buffer.alloc(10);
  vp8x[0] = 0x08 | 0x04;
  vp8x.writeUIntLE(width - 1, 4, 3);
  vp8x.writeUIntLE(height - 1, 7, 3);
  const frame = Buffer.alloc(30, 0x11);
  frame[3] = 0x9d;
  frame[4] = 0x01;
  frame[5] = 0x2a;
  frame.writeUInt16LE(Math.min(width, 0x3fff), 6);
  frame.writeUInt16LE(Math.min(height, 0x3fff), 8);
  return riff([
    riffChunk('VP8X', vp8x),
    riffChunk('VP8 ', frame),
    riffChunk('EXIF', Buffer.from(`MM\0*${GPS_TEXT}`, 'latin1')),
    riffChunk('XMP ', Buffer.from(`<x:xmpmeta>${GPS_TEXT}</x:xmpmeta>!`, 'latin1')),
  ]);
}

/** A simple (lossy) WebP: one VP8 chunk, no metadata. */
export function simpleWebpPhoto(width: number, height: number) {
  const frame = Buffer.alloc(30, 0x11);
  frame[3] = 0x9d;
  frame[4] = 0x01;
  frame[5] = 0x2a;
  frame.writeUInt16LE(width, 6);
  frame.writeUInt16LE(height, 8);
  return riff([riffChunk('VP8 ', frame)]);
}

/**
 * A camera-sized JPEG (3000 × 2000) drawn in the browser (a real, decodable image, unlike jpegPhoto's placeholder
 * data), with an EXIF APP1 segment (a GPS position) spliced in: what a phone's camera hands a page.
 */
export async function cameraPhoto(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(3000, 2000);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#3a7';
    context.fillRect(0, 0, 3000, 2000);
    context.fillStyle = '#fff';
    context.fillRect(500, 500, 1000, 600);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return btoa(binary);
  });
  const jpeg = Buffer.from(base64, 'base64');
  const exif = Buffer.from(`Exif\0\0${GPS_TEXT}`, 'latin1');
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, 0]), exif]);
  app1.writeUInt16BE(exif.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

/** The dimensions in a JPEG's SOF segment, and whether it holds an APP1 (EXIF) segment. */
export function jpegInfo(bytes: Buffer) {
  let at = 2;
  let app1 = false;
  while (at + 4 < bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    if (marker === 0xe1) app1 = true;
    if (marker === 0xc0 || marker === 0xc2) {
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7), app1 };
    }
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  return { height: 0, width: 0, app1 };
}
