import { describe, expect, it } from 'vitest';
import {
  GPS_TEXT,
  jpegPhoto,
  pngPhoto,
  simpleWebpPhoto,
  webpPhoto,
} from '../../../../tests/support/photos.ts';
import { checkPhoto } from './photo-check.ts';

const accepted = (bytes: Buffer) => {
  const checked = checkPhoto(bytes);
  if ('problem' in checked) throw new Error(`refused: ${checked.problem}`);
  return checked;
};

/** RIFF chunk types of a WebP, in order. */
function webpChunks(bytes: Buffer) {
  const types: string[] = [];
  for (let at = 12; at + 8 <= bytes.length;) {
    const length = bytes.readUInt32LE(at + 4);
    types.push(bytes.toString('latin1', at, at + 4));
    at += 8 + length + (length % 2);
  }
  return types;
}

describe('a photo’s metadata', () => {
  it('is removed from a JPEG (EXIF in APP1, IPTC in APP13), the image data kept', () => {
    const photo = jpegPhoto(1600, 1200);
    const checked = accepted(photo);
    expect(photo.includes(GPS_TEXT)).toBe(true);
    expect(checked.bytes.includes(GPS_TEXT)).toBe(false);
    expect(checked.bytes.includes(Buffer.from('Photoshop'))).toBe(false);
    expect(checked.bytes.includes(Buffer.from('JFIF'))).toBe(true);
    expect(checked).toMatchObject({ type: 'image/jpeg', width: 1600, height: 1200 });
  });

  it('is removed from a JPEG between its scans and after its end, the scans’ data kept byte for byte', () => {
    const segment = (marker: number, body: Buffer) => {
      const head = Buffer.from([0xff, marker, 0, 0]);
      head.writeUInt16BE(body.length + 2, 2);
      return Buffer.concat([head, body]);
    };
    const sof = Buffer.from([8, 0x02, 0x58, 0x03, 0x20, 1, 1, 0x11, 0]); // 800 × 600, one component
    const sos = segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0]));
    // Entropy-coded data holding a stuffed 0xFF (FF 00), a restart marker (FF D0) and fill bytes (FF FF) before a marker.
    const firstScan = Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xff]);
    const secondScan = Buffer.from([0x78, 0xff, 0x00, 0x9a, 0xff, 0xd1, 0xbc]);
    const icc = segment(0xe2, Buffer.from('ICC_PROFILE\0\x01\x01colour', 'latin1'));
    const photo = Buffer.concat([
      Buffer.from([0xff, 0xd8]),
      segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
      icc,
      segment(0xe2, Buffer.from(`MPF\0${GPS_TEXT}`, 'latin1')),
      segment(0xfe, Buffer.from(`comment ${GPS_TEXT}`, 'latin1')),
      segment(0xc2, sof),
      sos,
      firstScan,
      segment(0xe1, Buffer.from(`Exif\0\0${GPS_TEXT}`, 'latin1')),
      segment(0xfe, Buffer.from(GPS_TEXT, 'latin1')),
      sos,
      secondScan,
      Buffer.from([0xff, 0xd9]),
      // What phones append after the end of image: a preview, a second image, each with its own EXIF.
      jpegPhoto(160, 120, 10),
    ]);
    const checked = accepted(photo);
    expect(checked).toMatchObject({ type: 'image/jpeg', width: 800, height: 600 });
    expect(checked.bytes.includes(GPS_TEXT)).toBe(false);
    expect(checked.bytes.includes(Buffer.from('MPF'))).toBe(false);
    expect(checked.bytes).toEqual(
      Buffer.concat([
        Buffer.from([0xff, 0xd8]),
        segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
        icc,
        segment(0xc2, sof),
        sos,
        firstScan.subarray(0, 7), // the fill bytes before the next marker are not data
        sos,
        secondScan,
        Buffer.from([0xff, 0xd9]),
      ]),
    );
    // A file cut short inside its scan keeps what it has, closed with an end of image; one with no scan is refused.
    const cut = accepted(photo.subarray(0, photo.indexOf(firstScan) + 4));
    expect(cut.bytes.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    expect(checkPhoto(photo.subarray(0, photo.indexOf(sos)))).toEqual({ problem: 'corrupt' });
  });

  it('is removed from a PNG (eXIf and text chunks such as XMP in iTXt)', () => {
    const checked = accepted(pngPhoto(800, 600));
    expect(checked.bytes.includes(GPS_TEXT)).toBe(false);
    expect(checked.bytes.includes(Buffer.from('IDAT'))).toBe(true);
    expect(checked.bytes.includes(Buffer.from('IEND'))).toBe(true);
  });

  it('is removed from a WebP: EXIF and XMP chunks dropped, VP8X’s flags cleared, the RIFF size rewritten', () => {
    const photo = webpPhoto(1600, 900);
    expect(photo.includes(GPS_TEXT)).toBe(true);
    const checked = accepted(photo);
    expect(checked).toMatchObject({ type: 'image/webp', width: 1600, height: 900 });
    expect(checked.bytes.includes(GPS_TEXT)).toBe(false);
    expect(webpChunks(checked.bytes)).toEqual(['VP8X', 'VP8 ']);
    expect(checked.bytes[20]! & 0x0c).toBe(0);
    expect(checked.bytes.readUInt32LE(4)).toBe(checked.bytes.length - 8);
    // What comes out is a valid WebP again: checked a second time, it is unchanged.
    expect(accepted(checked.bytes).bytes.equals(checked.bytes)).toBe(true);
  });

  it('leaves a simple WebP as it is, and reads its frame size', () => {
    const photo = simpleWebpPhoto(640, 480);
    const checked = accepted(photo);
    expect(checked).toMatchObject({ type: 'image/webp', width: 640, height: 480 });
    expect(checked.bytes.equals(photo)).toBe(true);
  });

  it('refuses a WebP whose chunks run past its end, or whose first chunk is no image', () => {
    const photo = webpPhoto(100, 100);
    expect(checkPhoto(photo.subarray(0, photo.length - 20))).toEqual({ problem: 'corrupt' });
    const broken = Buffer.from(photo);
    broken.writeUInt32LE(10_000, 16); // VP8X's length beyond the file
    expect(checkPhoto(broken)).toEqual({ problem: 'corrupt' });
    const noImage = Buffer.from(photo);
    noImage.write('JUNK', 12, 'latin1');
    expect(checkPhoto(noImage)).toEqual({ problem: 'corrupt' });
  });
});
