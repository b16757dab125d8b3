import { z } from '@hono/zod-openapi';
import { customType } from 'drizzle-orm/pg-core';
import type { Context } from 'hono';
import { decryptBytes, encryptBytes, type DataKeys } from '../auth/personal-data.ts';
import { errors } from '../http/errors.ts';
import { bi } from '../http/validation.ts';
import { checkPhoto, PHOTO_MAX_BYTES, type CheckedPhoto, type PhotoProblem } from './photo-check.ts';

/**
 * Photos users upload as evidence (a door-knocking visit's, a duty task's): one way to take them in (checked by their
 * bytes, metadata stripped: photo-check.ts), to keep them (AES-256-GCM with the data key, in a bytea column) and to
 * send them back (never cached, never sniffed). Modules keep their own table and scope rules.
 */

/** The multipart body's limit of a photo upload route (the photo and the few fields around it). */
export const PHOTO_UPLOAD_MAX_BYTES = PHOTO_MAX_BYTES + 64 * 1024;

/** A multipart form's photo field. */
export const photoField = z
  .instanceof(File, { message: bi('请选择照片', 'Choose a photo') })
  .openapi({ type: 'string', format: 'binary', description: 'JPEG, PNG or WebP, at most 2 MB' });

export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;

const problems: Record<PhotoProblem, { zh: string; en: string }> = {
  empty: { zh: '照片文件为空', en: 'The photo is empty' },
  too_large: {
    zh: `照片不能超过 ${PHOTO_MAX_BYTES / 1024 / 1024} MB`,
    en: `The photo must not exceed ${PHOTO_MAX_BYTES / 1024 / 1024} MB`,
  },
  not_an_image: {
    zh: '只能上传 JPEG、PNG 或 WebP 格式的照片',
    en: 'Only JPEG, PNG or WebP photos can be uploaded',
  },
  corrupt: { zh: '照片文件已损坏，无法读取', en: 'The photo is damaged and cannot be read' },
  dimensions: {
    zh: '照片尺寸不合理（最长边不超过 8000 像素）',
    en: 'The photo’s dimensions are not plausible (at most 8000 pixels a side)',
  },
};

/** An upload checked (400 on field `photo` with what is wrong, in both languages), its metadata removed. */
export function acceptPhoto(upload: Buffer): CheckedPhoto {
  const checked = checkPhoto(upload);
  if ('problem' in checked) {
    throw errors.validation([{ field: 'photo', code: checked.problem, message: problems[checked.problem] }]);
  }
  return checked;
}

/** A checked photo's columns: its kind, size and its bytes sealed with the data key. */
export function sealPhoto(keys: DataKeys, photo: CheckedPhoto) {
  return {
    contentType: photo.type,
    width: photo.width,
    height: photo.height,
    bytes: photo.bytes.length,
    sealed: Buffer.from(encryptBytes(keys, photo.bytes), 'base64'),
  };
}

/** A stored photo's bytes. */
const openPhoto = (keys: DataKeys, sealed: Buffer) => decryptBytes(keys, sealed.toString('base64'));

/** The headers of a photo's answer: never cached (it is evidence about people), its type not sniffed. */
const photoHeaders = (contentType: string) => ({
  'Content-Type': contentType,
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
});

/** A stored photo as a module's read selects it: its type and its sealed bytes. */
export type StoredPhoto = { contentType: string; sealed: Buffer };

/**
 * Answers a photo read: the one photo `found` (the module's select of its own photo table under its own scope rule),
 * decrypted, never cached, its type not sniffed; 404 when the select found none (outside the scope, or no photo).
 * Reads are not audited (docs/decisions/evidence-photos.md).
 */
export async function answerPhoto(c: Context, keys: DataKeys, found: Promise<StoredPhoto[]>) {
  const [row] = await found;
  if (!row) throw errors.notFound();
  return c.body(new Uint8Array(openPhoto(keys, row.sealed)), 200, photoHeaders(row.contentType));
}

/** The OpenAPI description of a photo read's answer (200). */
export const photoReadResponse = {
  description: 'The image',
  content: { 'image/*': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } },
};

/** Binary column: a Buffer in, a Buffer out (a sealed photo). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});
