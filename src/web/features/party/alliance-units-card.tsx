import { App, Button, Card, Form, Input, List, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { ConfirmAction } from '../../components/confirm-action.tsx';
import { fieldsNamed, useApiFormErrors } from '../../components/form-errors.tsx';
import { useAddAllianceUnit, useAllianceUnits, useEndAllianceUnit, type AllianceUnit } from './api.ts';

const unitKinds: AllianceUnit['kind'][] = ['resident_unit', 'new_organisation'];

/**
 * The member units of a community's party-building alliance (驻区单位, 两新组织): listed, and with party:write added
 * (name, kind, contact) or ended (they leave the alliance today).
 */
export function AllianceUnitsCard({
  community,
  allianceId,
}: {
  community: string;
  allianceId: string | null;
}) {
  const t = useT();
  const units = useAllianceUnits(community);
  const canWrite = useCan('party:write');
  const end = useEndAllianceUnit();
  const [adding, setAdding] = useState(false);
  return (
    <Card
      title={t('party.allianceUnits')}
      style={{ marginTop: 16 }}
      loading={units.isPending}
      extra={
        canWrite && allianceId ? (
          <Button size="small" data-testid="alliance-unit-add" onClick={() => setAdding(true)}>
            {t('party.allianceUnit.add')}
          </Button>
        ) : null
      }
    >
      <List
        size="small"
        data-testid="alliance-units"
        dataSource={units.data ?? []}
        locale={{ emptyText: t('party.allianceUnit.none') }}
        renderItem={(u) => (
          <List.Item
            actions={
              canWrite
                ? [
                    <ConfirmAction
                      key="end"
                      confirm={t('party.allianceUnit.endConfirm', { name: u.name })}
                      action={() => end.mutateAsync(u.id)}
                      done={t('party.saved')}
                      testId="alliance-unit-end"
                    >
                      {t('party.allianceUnit.end')}
                    </ConfirmAction>,
                  ]
                : []
            }
          >
            <span>
              <Tag color={u.kind === 'resident_unit' ? 'blue' : 'green'}>{t(`party.unitKind.${u.kind}`)}</Tag>
              {u.name} {u.contact ? <Typography.Text type="secondary">{u.contact}</Typography.Text> : null}
            </span>
          </List.Item>
        )}
      />
      {adding && allianceId ? (
        <AddUnitModal allianceId={allianceId} onClose={() => setAdding(false)} />
      ) : null}
    </Card>
  );
}

type Values = { name: string; kind: AllianceUnit['kind']; contact?: string };
const mapField = fieldsNamed('name', 'kind', 'contact');

function AddUnitModal({ allianceId, onClose }: { allianceId: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddAllianceUnit();
  const errors = useApiFormErrors(form, mapField);
  const submit = (values: Values) => {
    errors.clear();
    add.mutate(
      { allianceId, name: values.name, kind: values.kind, contact: values.contact?.trim() || null },
      {
        onSuccess: () => {
          void message.success(t('party.saved'));
          onClose();
        },
        onError: errors.apply,
      },
    );
  };
  return (
    <Modal
      open
      title={t('party.allianceUnit.add')}
      onCancel={onClose}
      confirmLoading={add.isPending}
      okButtonProps={{ 'data-testid': 'alliance-unit-save' }}
      onOk={() => form.submit()}
    >
      {errors.alert}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'resident_unit' }}>
        <Form.Item
          name="name"
          label={t('party.allianceUnit.name')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={80} data-testid="alliance-unit-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('party.kindLabel')} rules={[{ required: true }]}>
          <Select options={unitKinds.map((k) => ({ value: k, label: t(`party.unitKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="contact" label={t('party.allianceUnit.contact')}>
          <Input maxLength={80} data-testid="alliance-unit-contact" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
