import { describe, expect, it } from 'vitest';
import { idCardBirthDate, idCardCheckChar, idCardGender, idCardProblem, makeIdCard } from './id-card.ts';

describe('GB 11643 ID-card numbers', () => {
  it('computes the check character of the standard’s worked example', () => {
    expect(idCardCheckChar('11010519491231002')).toBe('X');
  });

  it('accepts a valid number and reads birth date and gender from it', () => {
    const id = makeIdCard('379901', new Date(Date.UTC(1990, 2, 7)), 123);
    expect(idCardProblem(id)).toBeNull();
    expect(idCardBirthDate(id)?.toISOString().slice(0, 10)).toBe('1990-03-07');
    expect(idCardGender(id)).toBe('male');
  });

  it('names the problem: format, impossible or future birth date, checksum', () => {
    expect(idCardProblem('12345')).toBe('format');
    const valid = makeIdCard('379901', new Date(Date.UTC(1990, 2, 7)), 124);
    expect(idCardGender(valid)).toBe('female');
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    expect(idCardProblem(wrongCheck)).toBe('checksum');
    const feb30 = '37990119900230123';
    expect(idCardProblem(feb30 + idCardCheckChar(feb30))).toBe('birth_date');
    const future = '37990120991231123';
    expect(idCardProblem(future + idCardCheckChar(future))).toBe('birth_date');
  });
});
