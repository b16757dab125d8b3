import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Form, Row, Select, TreeSelect, Typography } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import type { NamePath } from '../../components/form-errors.tsx';
import {
  useBuildings,
  useTerritoryTree,
  type TerritoryLevel,
  type TerritoryTreeNode,
} from '../territory/api.ts';
import type { AssignmentInput, RoleCode, RoleInfo, ScopeKind } from './api.ts';

/** One row of the form: what the selects hold before it is sent. */
export type RoleRowValues = { role?: RoleCode; scopeKind?: ScopeKind; scopeIds?: string[] };
export type RoleRowsValues = { roles?: RoleRowValues[] };

/** The territory level each territory-bound scope kind takes. */
const scopeLevel: Partial<Record<ScopeKind, TerritoryLevel>> = {
  street: 'street',
  community: 'community',
  grids: 'grid',
};

export function toAssignments(rows: RoleRowValues[] | undefined): AssignmentInput[] {
  return (rows ?? [])
    .filter((r): r is RoleRowValues & { role: RoleCode; scopeKind: ScopeKind } =>
      Boolean(r.role && r.scopeKind),
    )
    .map((r) => ({
      role: r.role,
      scopeKind: r.scopeKind,
      scopeIds: scopeLevel[r.scopeKind] || r.scopeKind === 'buildings' ? (r.scopeIds ?? []) : [],
    }));
}

/**
 * Where an API detail about roles belongs: "roles.2" names the row, its code tells which select was wrong;
 * "roles.2.scopeIds.0" names the field itself.
 */
export function roleFieldOf(field: string, code: string): NamePath | null {
  const match = /^roles\.(\d+)(?:\.(role|scopeKind|scopeIds))?/.exec(field);
  if (!match) return null;
  const sub =
    match[2] ??
    (code === 'not_grantable'
      ? 'role'
      : code === 'scope_kind' || code === 'scope'
        ? 'scopeKind'
        : 'scopeIds');
  return ['roles', Number(match[1]), sub];
}

type PickerNode = {
  title: string;
  value: string;
  key: string;
  selectable?: boolean;
  children?: PickerNode[];
};

/** The tree cut at `level`, keeping only branches that reach it; only nodes of that level can be picked. */
function pickerTree(nodes: TerritoryTreeNode[], level: TerritoryLevel): PickerNode[] {
  const out: PickerNode[] = [];
  for (const node of nodes) {
    if (node.level === level) {
      out.push({ title: node.name, value: node.id, key: node.id });
      continue;
    }
    const children = pickerTree(node.children, level);
    if (children.length) {
      out.push({ title: node.name, value: node.id, key: node.id, selectable: false, children });
    }
  }
  return out;
}

/** Stands in for the territory picker when the scope kind takes no territory, so errors still show. */
function NoTerritory({ text }: { text: string; value?: unknown; onChange?: unknown }) {
  return <Typography.Text type="secondary">{text}</Typography.Text>;
}

/**
 * Searches the buildings in the caller's scope (GET /buildings) and picks several. Names of chosen buildings
 * are remembered from the results they were picked from; the API has no way to name others by id.
 */
function BuildingPicker({
  value,
  onChange,
  testId,
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  testId: string;
}) {
  const { t } = useI18n();
  const canRead = useCan('resident:read');
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const buildings = useBuildings(deferred.trim(), canRead);
  const [known, setKnown] = useState<Record<string, string>>({});
  const found = buildings.data ?? [];
  // Tags show the name; the list also shows the code, since names repeat across compounds.
  const options = [
    ...(value ?? [])
      .filter((id) => !found.some((b) => b.id === id))
      .map((id) => ({
        value: id,
        label: known[id] ?? t('accounts.buildingUnknown', { id: id.slice(-6) }),
        code: '',
      })),
    ...found.map((b) => ({ value: b.id, label: b.name, code: b.code })),
  ];
  if (!canRead) return <Typography.Text type="secondary">{t('accounts.noBuildingAccess')}</Typography.Text>;
  return (
    <Select
      mode="multiple"
      value={value ?? []}
      onChange={(ids: string[]) => {
        const names = Object.fromEntries(found.filter((b) => ids.includes(b.id)).map((b) => [b.id, b.name]));
        setKnown((k) => ({ ...k, ...names }));
        onChange?.(ids);
      }}
      options={options}
      optionRender={(option) =>
        option.data.code
          ? t('accounts.buildingOption', { name: String(option.data.label), code: option.data.code })
          : option.data.label
      }
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={buildings.isFetching}
      maxTagCount="responsive"
      placeholder={t('accounts.scopePick.buildings')}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

function RoleRow({
  index,
  catalogue,
  tree,
  onRemove,
}: {
  index: number;
  catalogue: RoleInfo[];
  tree: TerritoryTreeNode[];
  onRemove: () => void;
}) {
  const { t, pick } = useI18n();
  const form = Form.useFormInstance<RoleRowsValues>();
  const role = Form.useWatch(['roles', index, 'role'], form) as RoleCode | undefined;
  const scopeKind = Form.useWatch(['roles', index, 'scopeKind'], form) as ScopeKind | undefined;
  const info = catalogue.find((r) => r.code === role);
  const level = scopeKind ? scopeLevel[scopeKind] : undefined;
  const pickerData = useMemo(() => (level ? pickerTree(tree, level) : []), [tree, level]);

  const roleOptions = catalogue
    // A role the account already has stays visible even when the caller may not grant it.
    .filter((r) => r.grantable || r.code === role)
    .map((r) => ({ value: r.code, label: pick(r.name), disabled: !r.grantable }));

  return (
    <div className="ww-role-row" data-testid={`role-row-${index}`}>
      <Row gutter={12} align="top">
        <Col xs={24} md={7}>
          <Form.Item
            name={[index, 'role']}
            label={t('accounts.role')}
            rules={[{ required: true, message: t('accounts.roleRequired') }]}
          >
            <Select
              options={roleOptions}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('accounts.role')}
              data-testid={`role-select-${index}`}
              onChange={(next: RoleCode) => {
                const kinds = catalogue.find((r) => r.code === next)?.scopeKinds ?? [];
                form.setFieldValue(['roles', index, 'scopeKind'], kinds[0]);
                form.setFieldValue(['roles', index, 'scopeIds'], []);
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name={[index, 'scopeKind']}
            label={t('accounts.scopeKind')}
            rules={[{ required: true, message: t('accounts.scopeKindRequired') }]}
          >
            <Select
              disabled={!info}
              options={(info?.scopeKinds ?? []).map((k) => ({ value: k, label: t(`scopeKind.${k}`) }))}
              placeholder={t('accounts.scopeKind')}
              data-testid={`scope-kind-select-${index}`}
              onChange={() => form.setFieldValue(['roles', index, 'scopeIds'], [])}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={11}>
          <Row gutter={8} wrap={false} align="top">
            <Col flex="auto" style={{ minWidth: 0 }}>
              {level ? (
                <Form.Item
                  name={[index, 'scopeIds']}
                  label={t('accounts.scopeTerritory')}
                  rules={[
                    { required: true, type: 'array', min: 1, message: t('accounts.scopeTerritoryRequired') },
                  ]}
                  // Street and community scopes pick one node; the API always takes a list.
                  getValueProps={(value: string[] | undefined) => ({
                    value: level === 'grid' ? (value ?? []) : value?.[0],
                  })}
                  normalize={(value: string | string[] | undefined) =>
                    value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]
                  }
                >
                  <TreeSelect
                    treeData={pickerData}
                    multiple={level === 'grid'}
                    treeCheckable={level === 'grid'}
                    showCheckedStrategy={TreeSelect.SHOW_CHILD}
                    showSearch={{ treeNodeFilterProp: 'title' }}
                    allowClear
                    maxTagCount="responsive"
                    treeDefaultExpandedKeys={tree.map((n) => n.id)}
                    placeholder={t(`accounts.scopePick.${scopeKind as 'street' | 'community' | 'grids'}`)}
                    popupMatchSelectWidth={false}
                    style={{ width: '100%' }}
                    data-testid={`scope-territory-${index}`}
                  />
                </Form.Item>
              ) : scopeKind === 'buildings' ? (
                <Form.Item
                  name={[index, 'scopeIds']}
                  label={t('accounts.scopeTerritory')}
                  rules={[
                    { required: true, type: 'array', min: 1, message: t('accounts.scopeTerritoryRequired') },
                  ]}
                >
                  <BuildingPicker testId={`scope-buildings-${index}`} />
                </Form.Item>
              ) : (
                <Form.Item name={[index, 'scopeIds']} label={t('accounts.scopeTerritory')}>
                  <NoTerritory
                    text={
                      scopeKind === 'all' || scopeKind === 'self'
                        ? t(`accounts.scopeNoIds.${scopeKind}`)
                        : '—'
                    }
                  />
                </Form.Item>
              )}
            </Col>
            <Col flex="none">
              <Form.Item label=" " colon={false}>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('accounts.removeRole')}
                  title={t('accounts.removeRole')}
                  onClick={onRemove}
                />
              </Form.Item>
            </Col>
          </Row>
        </Col>
      </Row>
    </div>
  );
}

/** Role + scope rows of an account form (its `roles` field): role, scope kind, territory. */
export function RoleScopeRows({ catalogue }: { catalogue: RoleInfo[] }) {
  const { t } = useI18n();
  const canReadTerritory = useCan('territory:read');
  const tree = useTerritoryTree(canReadTerritory);
  return (
    <Form.List name="roles">
      {(fields, { add, remove }, { errors }) => (
        <>
          {!canReadTerritory ? (
            <Alert
              type="info"
              showIcon
              title={t('accounts.noTerritoryAccess')}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          {fields.length === 0 ? (
            <Typography.Paragraph type="secondary">{t('accounts.noRoles')}</Typography.Paragraph>
          ) : null}
          {fields.map((field) => (
            <RoleRow
              key={field.key}
              index={field.name}
              catalogue={catalogue}
              tree={tree.data ?? []}
              onRemove={() => remove(field.name)}
            />
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() => add({ scopeIds: [] })}
            data-testid="add-role-row"
          >
            {t('accounts.addRole')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
