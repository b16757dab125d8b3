import { App, Button, Col, Drawer, Form, Grid, Input, Radio, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../app/i18n.tsx';
import { fieldsNamed, useApiFormErrors } from '../../components/form-errors.tsx';
import {
  useCreateHousehold,
  type Building,
  type HouseholdCard,
  type HouseholdKind,
  type Tenure,
} from './api.ts';
import { BuildingPicker } from './building-picker.tsx';
import { householdKinds, tenures } from './labels.ts';
import { focusOpenDrawer } from '../../components/drawer-focus.ts';

type Values = {
  buildingId?: string;
  unitNumber?: number;
  room: string;
  kind: HouseholdKind;
  tenure: Tenure;
  note?: string;
};

/** The server's room rule (createHouseholdBody): 1–10 digits, letters or dashes once trimmed. */
const ROOM_PATTERN = /^[0-9A-Za-z-]{1,10}$/;
const mapField = fieldsNamed('buildingId', 'unitNumber', 'room', 'kind', 'tenure', 'note');

/**
 * Registers a new household (登记新户) at building, unit and room. The fields check what the server checks; a
 * room already lived in or a unit the building lacks comes back from the API onto its field. On success the
 * new household's card opens, where its members are registered.
 */
export function HouseholdCreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mobile = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<Values>();
  const create = useCreateHousehold();
  const errors = useApiFormErrors(form, mapField);
  const [building, setBuilding] = useState<Building | undefined>();

  const close = () => {
    errors.clear();
    onClose();
  };

  const onBuilding = (_id: string | undefined, picked: Building | undefined) => {
    setBuilding(picked);
    // A one-unit building has nothing to choose; otherwise the unit of another building means nothing here.
    form.setFieldsValue({ unitNumber: picked?.unitCount === 1 ? 1 : undefined });
    form.setFields([{ name: 'unitNumber', errors: [] }]);
  };

  const submit = (values: Values) => {
    errors.clear();
    create.mutate(
      {
        buildingId: values.buildingId!,
        unitNumber: values.unitNumber!,
        room: values.room.trim(),
        kind: values.kind,
        tenure: values.tenure,
        note: values.note?.trim() || null,
      },
      {
        onSuccess: (card: HouseholdCard) => {
          void message.success(t('household.createdOk', { address: card.address }));
          form.resetFields();
          setBuilding(undefined);
          close();
          void navigate(`/households/${card.id}`);
        },
        onError: errors.apply,
      },
    );
  };

  const unitCount = building?.unitCount ?? 0;

  return (
    <Drawer
      open={open}
      afterOpenChange={focusOpenDrawer}
      title={t('household.createTitle')}
      onClose={close}
      size={mobile ? '100%' : 520}
      destroyOnHidden
      data-testid="household-create"
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => form.submit()}
            data-testid="household-create-submit"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {errors.alert}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'permanent', tenure: 'owned' }}
        requiredMark="optional"
        preserve={false}
      >
        <Form.Item
          name="buildingId"
          label={t('household.building')}
          extra={t('household.buildingHint')}
          rules={[{ required: true, message: t('household.buildingRequired') }]}
        >
          <BuildingPicker onChange={onBuilding} testId="household-create-building" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="unitNumber"
              label={t('household.unit')}
              rules={[{ required: true, message: t('household.unitRequired') }]}
            >
              <Select
                disabled={!building}
                placeholder={building ? undefined : t('household.unitAfterBuilding')}
                options={Array.from({ length: unitCount }, (_, i) => ({
                  value: i + 1,
                  label: t('household.unitValue', { unit: i + 1 }),
                }))}
                data-testid="household-create-unit"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="room"
              label={t('household.room')}
              rules={[
                { required: true, whitespace: true, message: t('household.roomRequired') },
                {
                  validator: (_rule, value: string | undefined) =>
                    !value?.trim() || ROOM_PATTERN.test(value.trim())
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('household.roomInvalid'))),
                },
              ]}
            >
              <Input
                maxLength={10}
                placeholder={t('household.roomPlaceholder')}
                autoComplete="off"
                data-testid="household-create-room"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="kind"
          label={t('household.kind')}
          rules={[{ required: true, message: t('household.kindRequired') }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={householdKinds.map((k) => ({ value: k, label: t(`householdKind.${k}`) }))}
            data-testid="household-create-kind"
          />
        </Form.Item>
        <Form.Item name="tenure" label={t('household.tenure')}>
          <Select
            options={tenures.map((v) => ({ value: v, label: t(`tenure.${v}`) }))}
            data-testid="household-create-tenure"
          />
        </Form.Item>
        <Form.Item name="note" label={t('residents.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
