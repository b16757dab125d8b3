import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytesPooled } from '../db/ids.ts';

/** Keys derived from the one data key: one for AES-256-GCM, one for the HMAC blind index. */
export type DataKeys = { encryption: Buffer; blindIndex: Buffer };

const KEY_FILE = 'data.key';

/**
 * Loads the data key from `WUWEI_DATA_KEY` (hex) or from `<dataDir>/data.key`, creating that file with mode 0600
 * on first start. Losing the key makes personal data unreadable, so it is never regenerated over an existing file.
 */
export function loadDataKeys(options: { keyHex?: string; dataDir: string }): DataKeys {
  let master: Buffer;
  if (options.keyHex) {
    master = Buffer.from(options.keyHex, 'hex');
  } else {
    const file = path.join(options.dataDir, KEY_FILE);
    if (fs.existsSync(file)) {
      master = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
      if (master.length !== 32) throw new Error(`${file} does not hold a 32-byte hex key`);
    } else {
      fs.mkdirSync(options.dataDir, { recursive: true });
      master = randomBytes(32);
      fs.writeFileSync(file, master.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    }
  }
  return deriveKeys(master);
}

export function deriveKeys(master: Buffer): DataKeys {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  return { encryption: derive('wuwei personal data v1'), blindIndex: derive('wuwei blind index v1') };
}

/** Encrypts one value: `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function encrypt(keys: DataKeys, plain: string): string {
  const iv = randomBytesPooled(12);
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [
    'v1',
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    body.toString('base64url'),
  ].join('.');
}

export function decrypt(keys: DataKeys, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('Unknown ciphertext format');
  const decipher = createDecipheriv('aes-256-gcm', keys.encryption, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** Deterministic keyed hash for exact-match lookup of an encrypted value; `kind` keeps fields apart. */
export function blindIndex(keys: DataKeys, kind: 'mobile' | 'idCard', value: string): string {
  return createHmac('sha256', keys.blindIndex)
    .update(`${kind}:${value.trim().toUpperCase()}`)
    .digest('base64url');
}

/*
 * The masking rule (docs/ARCHITECTURE.md, "Masking rule"): without personal:reveal nothing gives more than the last
 * four characters of an ID-card number, the birth year (an age, never a birth date) and the first three and last
 * four digits of a mobile. Each mask below is idempotent: masking a masked value gives it back unchanged, so old
 * stored masks can be masked again on the way out.
 */

/** 13812345678 → 138****5678; anything but an 11-digit number keeps only its last four. */
export function maskMobile(mobile: string): string {
  if (/^\d{3}\*{4}\d{4}$/.test(mobile)) return mobile;
  if (/^\d{11}$/.test(mobile)) return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
  return keepLastFour(mobile);
}

/**
 * 110101199003071234 → **************1234. Only the last four: the first six are the region code, known for a
 * county, and the birth date is shown nowhere without the reveal, so no other field completes the number.
 */
export function maskIdCard(idCard: string): string {
  return keepLastFour(idCard);
}

/** 1990-03-07 → 1990-**-**: the birth year only (for the audit log; answers send an age). */
export function maskBirthDate(birthDate: string): string {
  const year = /^(\d{4})/.exec(birthDate)?.[1];
  return year ? `${year}-**-**` : '*'.repeat(birthDate.length);
}

/** Stars but for the last four characters; stars only when fewer than eight (four would be half of it). */
function keepLastFour(value: string): string {
  return value.length < 8 ? '*'.repeat(value.length) : `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}

/** Mainland mobile numbers: 11 digits starting 1[3-9]. */
export const mobilePattern = /^1[3-9]\d{9}$/;
