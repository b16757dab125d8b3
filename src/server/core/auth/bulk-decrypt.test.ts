import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bulkDecrypter } from './bulk-decrypt.ts';
import { decrypt, deriveKeys, encrypt } from './personal-data.ts';

const keys = deriveKeys(randomBytes(32));

describe('bulkDecrypter', () => {
  it('gives what decrypt gives, for values of every length (partial and whole blocks) and nulls', () => {
    const plain = Array.from({ length: 120 }, (_, n) =>
      n % 7 === 3 ? null : `${'王1a'.repeat(n % 40)}${randomBytes(n % 17).toString('hex')}`,
    );
    plain.push('', '110101199003071234', '13800138000');
    const sealed = plain.map((p) => (p === null ? null : encrypt(keys, p)));
    const many = bulkDecrypter(keys);
    expect(many.decryptMany(sealed)).toEqual(plain);
    expect(many.decryptMany(sealed)).toEqual(sealed.map((s) => (s === null ? null : decrypt(keys, s))));
    // The same decrypter serves batch after batch, and an empty one.
    expect(many.decryptMany([])).toEqual([]);
    expect(many.decryptMany([null])).toEqual([null]);
  });

  it('refuses a value whose ciphertext or tag was changed, or sealed with another key, as decrypt does', () => {
    const many = bulkDecrypter(keys);
    const sealed = encrypt(keys, '110101199003071234');
    const [v, iv, tag, body] = sealed.split('.') as [string, string, string, string];
    const flip = (text: string, at: number) => {
      const bytes = Buffer.from(text, 'base64url');
      bytes[at]! ^= 1;
      return bytes.toString('base64url');
    };
    for (const bad of [
      [v, iv, tag, flip(body, 17)].join('.'),
      [v, iv, tag, flip(body, 0)].join('.'),
      [v, iv, flip(tag, 15), body].join('.'),
      [v, flip(iv, 11), tag, body].join('.'),
      encrypt(deriveKeys(randomBytes(32)), '110101199003071234'),
      'v1.AAAA.BBBB.CCCC',
      'v2.x.y.z',
      // A tag cut short (Node's GCM takes 4–15 bytes unless told the length) and an IV of another length.
      ...[4, 8, 12, 15].map((n) =>
        [v, iv, Buffer.from(tag, 'base64url').subarray(0, n).toString('base64url'), body].join('.'),
      ),
      [
        v,
        Buffer.concat([Buffer.from(iv, 'base64url'), Buffer.alloc(4)]).toString('base64url'),
        tag,
        body,
      ].join('.'),
    ]) {
      expect(() => decrypt(keys, bad)).toThrow();
      expect(() => many.decryptMany([encrypt(keys, 'fine'), bad])).toThrow();
    }
  });
});
