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

/** AES-256-GCM with the data key: a fresh 12-byte IV, the 16-byte tag, the ciphertext. */
function seal(keys: DataKeys, plain: Buffer | string): { iv: Buffer; tag: Buffer; body: Buffer } {
  const iv = randomBytesPooled(12);
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), body };
}

function unseal(keys: DataKeys, iv: Buffer, tag: Buffer, body: Buffer): Buffer {
  // Exactly what seal makes: Node would otherwise take a tag cut to 4–15 bytes (a forgery then needs far fewer tries)
  // and an IV of another length.
  if (iv.length !== 12 || tag.length !== 16) {
    throw new Error('Unsupported state or unable to authenticate data');
  }
  const decipher = createDecipheriv('aes-256-gcm', keys.encryption, iv, { authTagLength: 16 });
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

/** Encrypts one value: `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function encrypt(keys: DataKeys, plain: string): string {
  const { iv, tag, body } = seal(keys, Buffer.from(plain, 'utf8'));
  return ['v1', iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join('.');
}

export function decrypt(keys: DataKeys, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('Unknown ciphertext format');
  return unseal(
    keys,
    Buffer.from(iv, 'base64url'),
    Buffer.from(tag, 'base64url'),
    Buffer.from(body, 'base64url'),
  ).toString('utf8');
}

/**
 * Encrypts bytes (a stored upload, staged rows): base64 of IV (12 bytes) | tag (16 bytes) | ciphertext. Text rather
 * than bytea because PGlite serialises a multi-megabyte bytea parameter several times slower.
 */
export function encryptBytes(keys: DataKeys, plain: Buffer): string {
  const { iv, tag, body } = seal(keys, plain);
  return Buffer.concat([iv, tag, body]).toString('base64');
}

export function decryptBytes(keys: DataKeys, sealed: string): Buffer {
  const bytes = Buffer.from(sealed, 'base64');
  return unseal(keys, bytes.subarray(0, 12), bytes.subarray(12, 28), bytes.subarray(28));
}

/** Deterministic keyed hash for exact-match lookup of an encrypted value; `kind` keeps fields apart. */
export function blindIndex(keys: DataKeys, kind: 'mobile' | 'idCard', value: string): string {
  return createHmac('sha256', keys.blindIndex)
    .update(`${kind}:${value.trim().toUpperCase()}`)
    .digest('base64url');
}

/**
 * Blind-index tokens for substring search over an encrypted text (docs/decisions/visit-log-search.md): the HMAC of
 * each distinct character bigram and single character of the normalised text (NFKC, lower case, white space
 * dropped), truncated to 64 bits, with `kind` keeping texts of different fields apart. A query is split the same way
 * (`searchTokens(keys, kind, query, 'query')`: its bigrams, or its one character), its tokens matched with
 * `tokens @> query`, and the candidates decrypted to confirm the substring (collisions only widen the candidates).
 */
export function searchTokens(
  keys: DataKeys,
  kind: string,
  text: string,
  use: 'text' | 'query' = 'text',
): string[] {
  const chars = Array.from(normaliseForSearch(text));
  const grams = new Set<string>();
  if (use === 'text' || chars.length === 1) for (const ch of chars) grams.add(ch);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  let cache = tokenCaches.get(keys);
  if (!cache) tokenCaches.set(keys, (cache = new Map<string, string>()));
  return [...grams].map((gram) => {
    const input = `${kind}:${gram}`;
    let token = cache.get(input);
    if (token === undefined) {
      token = createHmac('sha256', keys.blindIndex).update(input).digest('base64url').slice(0, 11);
      // Chinese text reuses a few tens of thousands of bigrams: an HMAC each costs ~10 µs, a lookup far less.
      if (cache.size >= TOKEN_CACHE_SIZE) cache.clear();
      cache.set(input, token);
    }
    return token;
  });
}

/** Tokens of searchTokens already computed, per data key (bigram → token; the key stays in memory anyway). */
const tokenCaches = new WeakMap<DataKeys, Map<string, string>>();
const TOKEN_CACHE_SIZE = 100_000;

/** The form searchTokens reads a text in: NFKC (full-width letters and digits → half width), lower case, no spaces. */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/**
 * An unguessable token for a public page of a record (a building's page behind the QR code on its contact cards):
 * an HMAC of the purpose and the id, so the page needs no stored secret and a token made for one purpose opens no
 * other. 128 bits, base64url.
 */
export function pageToken(keys: DataKeys, purpose: string, id: string): string {
  return createHmac('sha256', keys.blindIndex)
    .update(`page:${purpose}:${id}`)
    .digest('base64url')
    .slice(0, 22);
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

/**
 * 王小明 → 王*明, 张三 → 张*: the first and (from three characters) the last character, for names shown where a
 * person's name is not the point (the audit log's object names). Idempotent like the others.
 */
export function maskPersonName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.length ? '*' : '';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** Stars but for the last four characters; stars only when fewer than eight (four would be half of it). */
function keepLastFour(value: string): string {
  return value.length < 8 ? '*'.repeat(value.length) : `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}

/** Mainland mobile numbers: 11 digits starting 1[3-9]. */
export const mobilePattern = /^1[3-9]\d{9}$/;
