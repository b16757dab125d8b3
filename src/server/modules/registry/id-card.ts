/** GB 11643-1999 citizen identity numbers: 6-digit region, 8-digit birth date, 3-digit sequence (odd = male), check. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export type IdCardProblem = 'format' | 'birth_date' | 'checksum';

/** Why an ID-card number is invalid, or null when it is valid (format, real birth date not in the future, checksum). */
export function idCardProblem(value: string, today: Date = new Date()): IdCardProblem | null {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const birth = idCardBirthDate(id);
  if (!birth) return 'birth_date';
  if (birth.getTime() > today.getTime() || birth.getUTCFullYear() < 1880) return 'birth_date';
  if (idCardCheckChar(id.slice(0, 17)) !== id[17]) return 'checksum';
  return null;
}

/** The birth date written in the number, or null when it is not a real date. */
export function idCardBirthDate(id: string): Date | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : null;
}

/** 'male' for an odd sequence digit, 'female' for an even one. */
export function idCardGender(id: string): 'male' | 'female' {
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

/** Builds a valid number (demo data and tests): region + YYYYMMDD + sequence + check character. */
export function makeIdCard(region: string, birth: Date, sequence: number): string {
  const date = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `${region}${date}${String(sequence).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}
