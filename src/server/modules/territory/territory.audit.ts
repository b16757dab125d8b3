import { inArray } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.ts';
import type { AuditDeclaration } from '../../core/kit/module.ts';
import { territories } from './territory.tables.ts';

/** Territory nodes (and the county) by name, with their code for the reader's scope. */
const territoryNames = (db: Executor, ids: string[]) =>
  db
    .select({ id: territories.id, name: territories.name, territoryCode: territories.code })
    .from(territories)
    .where(inArray(territories.id, ids));

/** How the audit log names territory nodes and reads the territory module's fields (see `AuditDeclaration`). */
export const territoryAudit = {
  names: { territory: territoryNames, county: territoryNames },
  fields: {
    level: {
      zh: '层级',
      en: 'Level',
      values: {
        county: { zh: '县（区）', en: 'County' },
        street: { zh: '街道', en: 'Street' },
        community: { zh: '社区', en: 'Community' },
        grid: { zh: '网格', en: 'Grid' },
      },
    },
    boundary: { zh: '边界', en: 'Boundary', values: { set: { zh: '已绘制', en: 'Drawn' } } },
    territories: { zh: '区域数', en: 'Places' },
    baseLines: { zh: '离线底图线条（道路、河流）', en: 'Base map lines (roads, rivers)' },
  },
} satisfies AuditDeclaration;
