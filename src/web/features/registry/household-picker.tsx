import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useT } from '../../app/i18n.tsx';
import { useHouseholds } from './api.ts';

/** Finds a household by address ("幸福家园3号楼 2单元 302") within the caller's scope and picks it. */
export function HouseholdPicker({
  value,
  onChange,
  excludeId,
  testId,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  excludeId?: string | null;
  testId?: string;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const households = useHouseholds({ q: deferred, page: 1, pageSize: 20 }, deferred.length > 0);
  const options = (deferred ? (households.data?.data ?? []) : [])
    .filter((h) => h.id !== excludeId)
    .map((h) => ({
      value: h.id,
      label: h.address,
      title: h.address,
      description: t('household.pickerOption', {
        grid: h.gridName,
        size: h.size,
        kind: t(`householdKind.${h.kind}`),
      }),
    }));
  return (
    <Select
      value={value}
      onChange={(id: string | undefined) => onChange?.(id)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      loading={households.isFetching}
      placeholder={t('household.pickerPlaceholder')}
      notFoundContent={deferred ? t('household.pickerNone') : t('household.pickerHint')}
      options={options}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.6)' }}>{option.data.description}</div>
        </div>
      )}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
