/** The longest side of a photo sent as evidence (a visit's, a duty task's), and its JPEG quality. */
export const PHOTO_MAX_SIDE = 1600;
const QUALITY = 0.8;

/**
 * A photo from the camera or the gallery, downsized in the browser before it is kept or sent: drawn onto a canvas
 * (longest side ≤ 1600 px) and encoded as JPEG at quality 0.8, which also drops its EXIF (GPS position, camera,
 * time). Answers a data URL, kept in the encrypted queue until its visit is stored.
 */
export async function downsizePhoto(file: Blob): Promise<string> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas');
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/jpeg', QUALITY);
  } finally {
    bitmap.close();
  }
}

/** The bytes of a data URL as a Blob (to send as multipart). */
export function dataUrlBlob(dataUrl: string): Blob {
  const [head, body] = dataUrl.split(',', 2);
  const type = /^data:([^;]+)/.exec(head ?? '')?.[1] ?? 'image/jpeg';
  const bytes = Uint8Array.from(atob(body ?? ''), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type });
}
