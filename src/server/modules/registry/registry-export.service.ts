import { asc, eq, sql } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { decrypt, maskIdCard, maskMobile, mobilePattern } from '../../core/auth/personal-data.ts';
import { registryRowInScope, type Scope } from '../../core/auth/scope.ts';
import { importColumns, type ResidentExportFilter } from './registry-import.schemas.ts';
import { ageOn, formatAddress } from './registry.common.ts';
import { residentListCondition } from './registry.residents.ts';
import { buildings, households, residents, residentTags, units } from './registry.tables.ts';
import { territories } from '../territory/territory.public.ts';
import { safeCell, streamingSheet } from './xlsx.ts';

import { type Deps, anyOf, label, pumpInto } from './registry-import.common.ts';

/** Export of the filtered resident list as a streamed .xlsx in the import template's columns. */

const exportExtraColumns = [
  { header: '年龄', width: 6 },
  { header: '住址', width: 30 },
  { header: '所属网格', width: 18 },
  { header: '迁出时间', width: 12 },
];

/**
 * The filtered resident list as a streamed .xlsx in the template's columns (so a ledger can be edited and read
 * again), ordered by address. ID card and phone are masked and the birth date left out (the age column stays)
 * unless `reveal` is given, and then only for rows inside the reveal scope: a birth date with the region code and
 * the ID card's last four rebuilds the number. One audit row records who exported what (filters, row count, whether
 * in clear).
 */
export async function exportResidents(
  { db, keys }: Deps,
  scope: Scope,
  actor: Actor,
  filter: ResidentExportFilter,
  revealScope: Scope | null,
) {
  const where = await residentListCondition({ db, keys }, scope, filter);
  // Ids first, in address order: one sort, then details fetched by id in batches (bounded memory per batch).
  const ordered = await db
    .select({ id: residents.id })
    .from(residents)
    .leftJoin(households, eq(households.id, residents.householdId))
    .leftJoin(units, eq(units.id, households.unitId))
    .leftJoin(buildings, eq(buildings.id, residents.buildingId))
    .where(where)
    .orderBy(
      sql`${buildings.code} nulls last`,
      asc(units.number),
      asc(households.room),
      sql`case ${residents.relation} when 'head' then 0 when 'spouse' then 1 else 2 end`,
      asc(residents.birthDate),
      asc(residents.id),
    );
  const q = filter.q?.trim();
  await appendAudit(db, actor, {
    action: 'resident.exported',
    entityType: 'resident',
    territoryCode: scope.all ? null : scope.codes.length === 1 ? scope.codes[0] : null,
    changes: {
      filters: {
        ...filter,
        reveal: undefined,
        q: q && /^\d{17}[\dXx]$/.test(q) ? maskIdCard(q) : q && mobilePattern.test(q) ? maskMobile(q) : q,
      },
      rows: ordered.length,
      reveal: revealScope !== null,
    },
  });

  const out = streamingSheet('居民名单', [
    ...importColumns.map((c) => ({ header: c.header, width: c.width })),
    ...exportExtraColumns,
  ]);
  const pump = async () => {
    for (let at = 0; at < ordered.length; at += 1_000) {
      const ids = ordered.slice(at, at + 1_000).map((r) => r.id);
      const rows = await db
        .select({
          id: residents.id,
          buildingCode: buildings.code,
          buildingName: buildings.name,
          unit: units.number,
          room: households.room,
          householdKind: households.kind,
          tenure: households.tenure,
          name: residents.name,
          idCardEnc: residents.idCardEnc,
          gender: residents.gender,
          birthDate: residents.birthDate,
          phoneEnc: residents.phoneEnc,
          relation: residents.relation,
          politicalStatus: residents.politicalStatus,
          residency: residents.residency,
          note: residents.note,
          territoryCode: residents.territoryCode,
          buildingId: residents.buildingId,
          gridName: territories.name,
          movedOutAt: residents.movedOutAt,
          tags: sql<string | null>`(select string_agg(t.tag || ':' || t.care_level, ',' order by t.tag)
            from ${residentTags} t where t.resident_id = ${residents.id})`,
        })
        .from(residents)
        .leftJoin(households, eq(households.id, residents.householdId))
        .leftJoin(units, eq(units.id, households.unitId))
        .leftJoin(buildings, eq(buildings.id, residents.buildingId))
        .leftJoin(territories, eq(territories.id, buildings.gridId))
        .where(anyOf(residents.id, ids, 'uuid'));
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const id of ids) {
        const row = byId.get(id);
        if (!row) continue;
        const clear =
          revealScope !== null && registryRowInScope(revealScope, row.territoryCode, row.buildingId);
        const idCard = row.idCardEnc ? decrypt(keys, row.idCardEnc) : null;
        const phone = row.phoneEnc ? decrypt(keys, row.phoneEnc) : null;
        out.sheet
          .addRow(
            [
              row.buildingCode,
              row.unit,
              row.room,
              label('householdKind', row.householdKind),
              label('tenure', row.tenure),
              row.name,
              idCard && (clear ? idCard : maskIdCard(idCard)),
              label('gender', row.gender),
              clear ? row.birthDate : null,
              phone && (clear ? phone : maskMobile(phone)),
              label('relation', row.relation),
              label('politicalStatus', row.politicalStatus),
              label('residency', row.residency),
              row.tags
                ?.split(',')
                .map((entry) => {
                  const [tag, level] = entry.split(':');
                  return `${label('tag', tag!)}${level === '1' ? '' : `(${level})`}`;
                })
                .join('、') ?? null,
              row.note,
              ageOn(row.birthDate),
              row.buildingName && row.unit !== null && row.room
                ? formatAddress(row.buildingName, row.unit, row.room)
                : null,
              row.gridName,
              row.movedOutAt?.toISOString().slice(0, 10) ?? null,
            ].map(safeCell),
          )
          .commit();
      }
      await out.drain();
    }
  };
  pumpInto(out, pump);
  return { body: out.body, rows: ordered.length };
}
