import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  blindIndex,
  decrypt,
  deriveKeys,
  encrypt,
  loadDataKeys,
  maskBirthDate,
  maskIdCard,
  maskMobile,
} from './personal-data.ts';

const keys = deriveKeys(Buffer.alloc(32, 7));

describe('personal data protection', () => {
  it('encrypts with a fresh IV each time and decrypts back', () => {
    const a = encrypt(keys, '13812345678');
    const b = encrypt(keys, '13812345678');
    expect(a).not.toBe(b);
    expect(a).not.toContain('13812345678');
    expect(decrypt(keys, a)).toBe('13812345678');
  });

  it('detects tampering and a wrong key', () => {
    const sealed = encrypt(keys, '370101199001011234');
    const parts = sealed.split('.');
    // One bit of the ciphertext's first byte flipped (replacing the byte by a fixed one left it as it was once in
    // 256 runs, when it was that byte already).
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0]! ^= 1;
    parts[3] = body.toString('base64url');
    expect(() => decrypt(keys, parts.join('.'))).toThrow();
    expect(() => decrypt(deriveKeys(Buffer.alloc(32, 8)), sealed)).toThrow();
  });

  it('the blind index is deterministic per key and kind, and differs between kinds', () => {
    expect(blindIndex(keys, 'mobile', '13812345678')).toBe(blindIndex(keys, 'mobile', ' 13812345678 '));
    expect(blindIndex(keys, 'mobile', '13812345678')).not.toBe(blindIndex(keys, 'idCard', '13812345678'));
    expect(blindIndex(keys, 'mobile', '13812345678')).not.toBe(
      blindIndex(deriveKeys(Buffer.alloc(32, 8)), 'mobile', '13812345678'),
    );
  });

  it('masks mobile numbers and ID-card numbers', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskIdCard('37010119900101123X')).toBe('**************123X');
    expect(maskMobile('1381234')).toBe('*******');
    expect(maskMobile('10086123456789')).toBe('**********6789');
    expect(maskBirthDate('1990-03-07')).toBe('1990-**-**');
    // Idempotent: a stored mask masked again stays as it is (old audit rows lose the ID card's first three).
    for (const mask of [maskMobile, maskIdCard, maskBirthDate]) {
      for (const value of ['13812345678', '37010119900101123X', '1990-03-07']) {
        expect(mask(mask(value))).toBe(mask(value));
      }
    }
    expect(maskIdCard('370***********123X')).toBe('**************123X');
  });

  it('creates the key file with mode 0600 once and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuwei-key-'));
    const first = loadDataKeys({ dataDir: dir });
    const stat = fs.statSync(path.join(dir, 'data.key'));
    expect(stat.mode & 0o777).toBe(0o600);
    const second = loadDataKeys({ dataDir: dir });
    expect(second.encryption.equals(first.encryption)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
