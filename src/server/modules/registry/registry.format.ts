/** Addresses and ages as the registry shows them; no imports, so the export's worker thread loads them alone. */

/** `幸福家园3号楼2单元302室` */
export function formatAddress(buildingName: string, unitNumber: number, room: string): string {
  return `${buildingName}${unitNumber}单元${room}室`;
}

/** Age in whole years on `on` (default today) from an ISO birth date. */
export function ageOn(birthDate: string, on: Date = new Date()): number {
  const y = Number(birthDate.slice(0, 4));
  const m = Number(birthDate.slice(5, 7));
  const d = Number(birthDate.slice(8, 10));
  let age = on.getUTCFullYear() - y;
  const month = on.getUTCMonth() + 1;
  if (month < m || (month === m && on.getUTCDate() < d)) age -= 1;
  return age;
}
