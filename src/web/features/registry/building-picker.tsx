import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useT } from '../../app/i18n.tsx';
import { useBuildings, type Building } from './api.ts';

/**
 * Finds a building by part of its name among those the API returns for the caller (its scope) and picks it;
 * `onChange` also hands over the building, whose unit count the caller needs.
 */
export function BuildingPicker({
  value,
  onChange,
  testId,
}: {
  value?: string;
  onChange?: (id: string | undefined, building: Building | undefined) => void;
  testId?: string;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  // An empty search lists the first buildings too: a grid worker's few buildings need no typing.
  const buildings = useBuildings({ q: deferred || undefined, page: 1, pageSize: 20 });
  const [picked, setPicked] = useState<Building | undefined>();
  const rows = buildings.data?.data ?? [];
  // The picked building stays an option while another search runs, so the select keeps showing its name.
  const list =
    picked && picked.id === value && !rows.some((b) => b.id === picked.id) ? [picked, ...rows] : rows;
  const options = list.map((b) => ({
    value: b.id,
    label: b.name,
    title: b.name,
    // The compound is said once when the building's name already starts with it ("康宁佳苑1号楼").
    description: [
      b.compound && !b.name.startsWith(b.compound) ? b.compound : null,
      t('household.buildingOption', { grid: b.gridCode, units: b.unitCount, households: b.households }),
    ]
      .filter(Boolean)
      .join(' · '),
  }));
  return (
    <Select
      value={value}
      onChange={(id: string | undefined) => {
        const building = list.find((b) => b.id === id);
        setPicked(building);
        onChange?.(id, building);
      }}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      loading={buildings.isFetching}
      placeholder={t('household.buildingPlaceholder')}
      notFoundContent={buildings.isFetching ? t('household.buildingSearching') : t('household.buildingNone')}
      options={options}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.6)', whiteSpace: 'normal' }}>
            {option.data.description}
          </div>
        </div>
      )}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
