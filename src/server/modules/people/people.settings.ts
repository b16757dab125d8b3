import { defineSetting } from '../../core/settings/settings.ts';

/**
 * The household load above which a grid worker (and their grid) is marked overloaded, on the workers' pages and the
 * coverage board. The county sets it once (settings page); a page may still try another figure for a look.
 */
export const maxWorkerLoad = defineSetting({
  key: 'people.maxWorkerLoad',
  label: { zh: '网格员负责户数上限', en: 'Households per grid worker, at most' },
  help: {
    zh: '超过此户数的网格员在覆盖情况和网格员列表中标为“负荷过重”（按约 300 户一格，常取 400）',
    en: 'Grid workers above this many households are marked overloaded on the coverage board and the workers list (grids are about 300 households; 400 is usual)',
  },
  input: { kind: 'integer', min: 50, max: 5000, unit: { zh: '户', en: 'households' } },
  default: 400,
});
