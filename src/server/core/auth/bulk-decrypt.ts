import { createCipheriv, type Cipher } from 'node:crypto';
import { decrypt, type DataKeys } from './personal-data.ts';

/**
 * Many values sealed by `encrypt` (personal-data.ts: AES-256-GCM, 12-byte IV, 16-byte tag, no associated data)
 * decrypted together, for a large export: a decipher per value cost ~4 µs to create (most of the export's decryption,
 * docs/decisions/export-speed.md). GCM is AES-CTR plus a GHASH tag, so here the key schedule is made once: the
 * counter blocks of a whole batch of values are encrypted in ONE AES-ECB call (the keystream and each value's tag
 * mask), and each value's tag is checked with GHASH in JavaScript (a 64 KB table for the key's hash subkey H) before
 * its plaintext is used. A value whose tag does not match throws, as `decrypt` does; a value in another layout (an IV
 * or tag of another length) goes through `decrypt` itself. Results equal `decrypt`'s (bulk-decrypt.test.ts).
 */
export type BulkDecrypter = {
  /** The plaintexts of `sealed` in order (null stays null); throws if any value fails its tag. */
  decryptMany(sealed: readonly (string | null)[]): (string | null)[];
};

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** x·y in GF(2^128) as GCM defines it (bit 0 the most significant of byte 0), on four big-endian 32-bit words. */
function gfMultiply(x: readonly number[], y: readonly number[]): number[] {
  let z0 = 0;
  let z1 = 0;
  let z2 = 0;
  let z3 = 0;
  let v0 = y[0]!;
  let v1 = y[1]!;
  let v2 = y[2]!;
  let v3 = y[3]!;
  for (let i = 0; i < 128; i++) {
    if ((x[i >>> 5]! >>> (31 - (i & 31))) & 1) {
      z0 ^= v0;
      z1 ^= v1;
      z2 ^= v2;
      z3 ^= v3;
    }
    const low = v3 & 1;
    v3 = (v3 >>> 1) | (v2 << 31);
    v2 = (v2 >>> 1) | (v1 << 31);
    v1 = (v1 >>> 1) | (v0 << 31);
    v0 = v0 >>> 1;
    if (low) v0 ^= 0xe1000000;
  }
  return [z0 >>> 0, z1 >>> 0, z2 >>> 0, z3 >>> 0];
}

/**
 * Multiplication by H as a table: entry (p, b) is the block with byte b at position p (zeros elsewhere) times H, so
 * X·H is the XOR of the 16 entries of X's bytes (multiplication is linear). 16 × 256 × 4 words.
 */
function multiplyTable(h: Buffer): Uint32Array {
  const hw = [h.readUInt32BE(0), h.readUInt32BE(4), h.readUInt32BE(8), h.readUInt32BE(12)];
  const table = new Uint32Array(16 * 256 * 4);
  for (let p = 0; p < 16; p++) {
    // The products of the byte's eight single bits, then every byte as the XOR of its bits' products.
    const bits: number[][] = [];
    for (let j = 0; j < 8; j++) {
      const x = [0, 0, 0, 0];
      x[p >>> 2] = (0x80 >>> j) << (8 * (3 - (p & 3)));
      bits.push(gfMultiply(x, hw));
    }
    for (let b = 1; b < 256; b++) {
      const at = (p * 256 + b) * 4;
      for (let j = 0; j < 8; j++) {
        if (b & (0x80 >>> j)) {
          const product = bits[j]!;
          for (let w = 0; w < 4; w++) table[at + w] = table[at + w]! ^ product[w]!;
        }
      }
    }
  }
  return table;
}

export function bulkDecrypter(keys: DataKeys): BulkDecrypter {
  // ECB without padding keeps no state between whole blocks: one cipher serves every batch.
  const ecb: Cipher = createCipheriv('aes-256-ecb', keys.encryption, null);
  ecb.setAutoPadding(false);
  const table = multiplyTable(ecb.update(Buffer.alloc(16)));

  // Y ← (Y ⊕ block)·H over `length` bytes of `data` from `at` (the last block padded with zeros); then the length
  // block (no associated data, `length` bytes of ciphertext). Returns Y as four words.
  function ghash(data: Buffer, at: number, length: number): [number, number, number, number] {
    let y0 = 0;
    let y1 = 0;
    let y2 = 0;
    let y3 = 0;
    const end = at + length;
    const blocks = Math.ceil(length / 16) + 1;
    for (let k = 0; k < blocks; k++) {
      const start = at + k * 16;
      if (k === blocks - 1) {
        const bits = length * 8;
        y2 ^= Math.floor(bits / 2 ** 32);
        y3 ^= bits >>> 0;
      } else if (start + 16 <= end) {
        y0 ^= data.readUInt32BE(start);
        y1 ^= data.readUInt32BE(start + 4);
        y2 ^= data.readUInt32BE(start + 8);
        y3 ^= data.readUInt32BE(start + 12);
      } else {
        const w = [0, 0, 0, 0];
        for (let i = start; i < end; i++) {
          const q = (i - start) >>> 2;
          w[q] = w[q]! | (data[i]! << (8 * (3 - ((i - start) & 3))));
        }
        y0 ^= w[0]!;
        y1 ^= w[1]!;
        y2 ^= w[2]!;
        y3 ^= w[3]!;
      }
      let z0 = 0;
      let z1 = 0;
      let z2 = 0;
      let z3 = 0;
      for (let p = 0; p < 16; p++) {
        const word = p < 4 ? y0 : p < 8 ? y1 : p < 12 ? y2 : y3;
        const t = ((p << 8) | ((word >>> (8 * (3 - (p & 3)))) & 0xff)) << 2;
        z0 ^= table[t]!;
        z1 ^= table[t + 1]!;
        z2 ^= table[t + 2]!;
        z3 ^= table[t + 3]!;
      }
      y0 = z0;
      y1 = z1;
      y2 = z2;
      y3 = z3;
    }
    return [y0, y1, y2, y3];
  }

  return {
    decryptMany(sealed) {
      const out: (string | null)[] = new Array<string | null>(sealed.length).fill(null);
      // Pass 1: each value's IV, tag and ciphertext decoded into one buffer; its counter blocks into another.
      let room = 0;
      let blocks = 0;
      for (const value of sealed) {
        if (value === null) continue;
        room += value.length;
        blocks += Math.ceil(value.length / 12) + 2;
      }
      const raw = Buffer.allocUnsafe(room);
      const counters = Buffer.allocUnsafe(blocks * 16);
      const rawAt: number[] = [];
      const bodyLength: number[] = [];
      const counterAt: number[] = [];
      const index: number[] = [];
      let rawEnd = 0;
      let counterEnd = 0;
      for (let i = 0; i < sealed.length; i++) {
        const value = sealed[i];
        if (value === null || value === undefined) continue;
        const a = value.indexOf('.');
        const b = value.indexOf('.', a + 1);
        const c = value.indexOf('.', b + 1);
        if (a !== 2 || !value.startsWith('v1') || c < 0 || value.indexOf('.', c + 1) >= 0) {
          out[i] = decrypt(keys, value); // throws: not a sealed value
          continue;
        }
        const ivLength = raw.write(value.slice(a + 1, b), rawEnd, 'base64url');
        const tagLength = raw.write(value.slice(b + 1, c), rawEnd + ivLength, 'base64url');
        if (ivLength !== IV_BYTES || tagLength !== TAG_BYTES) {
          out[i] = decrypt(keys, value);
          continue;
        }
        const length = raw.write(value.slice(c + 1), rawEnd + IV_BYTES + TAG_BYTES, 'base64url');
        // J0 (the tag's mask), then the keystream's blocks from counter 2.
        const n = Math.ceil(length / 16) + 1;
        for (let k = 0; k < n; k++) {
          const at = counterEnd + k * 16;
          raw.copy(counters, at, rawEnd, rawEnd + IV_BYTES);
          counters.writeUInt32BE(k + 1, at + IV_BYTES);
        }
        index.push(i);
        rawAt.push(rawEnd);
        bodyLength.push(length);
        counterAt.push(counterEnd);
        rawEnd += IV_BYTES + TAG_BYTES + length;
        counterEnd += n * 16;
      }
      if (!index.length) return out;
      // Pass 2: every counter block encrypted at once.
      const stream = ecb.update(counters.subarray(0, counterEnd));
      // Pass 3: each tag checked, then the value deciphered.
      for (let v = 0; v < index.length; v++) {
        const at = rawAt[v]!;
        const length = bodyLength[v]!;
        const body = at + IV_BYTES + TAG_BYTES;
        const mask = counterAt[v]!;
        const [s0, s1, s2, s3] = ghash(raw, body, length);
        const tag = at + IV_BYTES;
        if (
          ((s0 ^ stream.readUInt32BE(mask) ^ raw.readUInt32BE(tag)) |
            (s1 ^ stream.readUInt32BE(mask + 4) ^ raw.readUInt32BE(tag + 4)) |
            (s2 ^ stream.readUInt32BE(mask + 8) ^ raw.readUInt32BE(tag + 8)) |
            (s3 ^ stream.readUInt32BE(mask + 12) ^ raw.readUInt32BE(tag + 12))) !==
          0
        ) {
          throw new Error('Unsupported state or unable to authenticate data');
        }
        for (let k = 0; k < length; k++) raw[body + k] = raw[body + k]! ^ stream[mask + 16 + k]!;
        out[index[v]!] = raw.toString('utf8', body, body + length);
      }
      return out;
    },
  };
}
