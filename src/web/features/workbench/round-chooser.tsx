import { Select } from 'antd';
import type { Round } from './api.ts';

/** Which open round the workbench shows, when more than one concerns the user (in the sheets' file: sheets.tsx). */
export function RoundChooser({
  rounds,
  value,
  label,
  onChange,
}: {
  rounds: Round[];
  value: string;
  label: string;
  onChange: (id: string) => void;
}) {
  return (
    <Select
      style={{ width: '100%' }}
      aria-label={label}
      value={value}
      onChange={onChange}
      options={rounds.map((r) => ({ value: r.id, label: r.name }))}
    />
  );
}
