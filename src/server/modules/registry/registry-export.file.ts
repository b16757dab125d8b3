import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataKeys } from '../../core/auth/personal-data.ts';

/**
 * The temporary file of an export, encrypted at rest (personal data is never on disk in plaintext): AES-256-GCM with
 * the data key, laid out as `WWX1` | IV (12 bytes) | ciphertext | tag (16 bytes). Written and read as streams, so a
 * county's list never sits whole in memory. Files live in the system's temporary folder under `wuwei-exports/`
 * (mode 0700, files 0600), named by the export's id; the download and the expiry schedule remove them.
 */

const MAGIC = Buffer.from('WWX1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The folder of export files; tests and several processes on one machine share it (names are unique ids). */
export function exportDir(): string {
  return path.join(os.tmpdir(), 'wuwei-exports');
}

export function exportFilePath(id: string): string {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error('not an export id');
  return path.join(exportDir(), `${id}.xlsx.enc`);
}

/**
 * A writable that encrypts what it is given into the export's file; `done` resolves with the file's size once the
 * file is complete and closed (rejects on any error, leaving no partial file).
 */
export function encryptedFileWriter(keys: DataKeys, id: string): { input: Writable; done: Promise<number> } {
  fs.mkdirSync(exportDir(), { recursive: true, mode: 0o700 });
  const file = exportFilePath(id);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, iv);
  const out = fs.createWriteStream(file, { mode: 0o600 });
  out.write(Buffer.concat([MAGIC, iv]));
  const sealed = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, cipher.update(chunk));
    },
    flush(callback) {
      this.push(cipher.final());
      this.push(cipher.getAuthTag());
      callback();
    },
  });
  const done = pipeline(sealed, out).then(
    () => fs.statSync(file).size,
    (error: unknown) => {
      removeExportFile(id);
      throw error;
    },
  );
  return { input: sealed, done };
}

/**
 * The clear bytes of an export's file as a stream; null when the file is gone. The tag is checked at the end: a file
 * changed on disk ends the stream with an error (a broken download, never altered content presented as whole).
 * `onEnd` runs once every byte has been read and checked.
 */
export function decryptedFileReader(
  keys: DataKeys,
  id: string,
  onEnd: () => void,
): ReadableStream<Uint8Array> | null {
  const file = exportFilePath(id);
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  const size = fs.fstatSync(fd).size;
  const head = Buffer.alloc(MAGIC.length + IV_BYTES);
  const tag = Buffer.alloc(TAG_BYTES);
  fs.readSync(fd, head, 0, head.length, 0);
  fs.readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
  if (!head.subarray(0, MAGIC.length).equals(MAGIC) || size < head.length + TAG_BYTES) {
    fs.closeSync(fd);
    return null;
  }
  const decipher = createDecipheriv('aes-256-gcm', keys.encryption, head.subarray(MAGIC.length));
  decipher.setAuthTag(tag);
  const source = fs.createReadStream('', { fd, start: head.length, end: size - TAG_BYTES - 1 });
  const clear = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, decipher.update(chunk));
    },
    flush(callback) {
      try {
        this.push(decipher.final());
      } catch (error) {
        callback(error as Error);
        return;
      }
      onEnd();
      callback();
    },
  });
  source.on('error', (error) => clear.destroy(error));
  return Readable.toWeb(source.pipe(clear)) as ReadableStream<Uint8Array>;
}

/** Removes an export's file if it is there. */
export function removeExportFile(id: string): void {
  fs.rmSync(exportFilePath(id), { force: true });
}
