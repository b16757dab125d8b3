import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, DatePicker, Form, Input, Modal, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../app/i18n.tsx';
import { useApiFormErrors, type FieldMapper } from '../../components/form-errors.tsx';
import {
  useCreateResident,
  useUpdateResident,
  type Gender,
  type KeyPopulationTag,
  type PoliticalStatus,
  type Relation,
  type Residency,
  type ResidentDetail,
  type ResidentInput,
} from './api.ts';
import { readIdCard } from './id-card.ts';
import {
  careLevels,
  genders,
  keyPopulationTags,
  politicalStatuses,
  relations,
  residencies,
} from './labels.ts';

type Values = {
  name: string;
  idCard?: string;
  gender?: Gender;
  birthDate?: Dayjs;
  phone?: string;
  relation?: Relation;
  politicalStatus: PoliticalStatus;
  residency: Residency;
  note?: string;
  tags: { tag?: KeyPopulationTag; careLevel: number }[];
};

const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
const plainFields = [
  'name',
  'idCard',
  'gender',
  'birthDate',
  'phone',
  'relation',
  'politicalStatus',
  'residency',
  'note',
];

/** API detail fields ("idCard", "tags.1.careLevel") to form fields; the rest shows above the form. */
const mapField: FieldMapper = (field) => {
  if (plainFields.includes(field)) return field;
  const tag = /^tags\.(\d+)\.(tag|careLevel)$/.exec(field);
  if (tag) return ['tags', Number(tag[1]), tag[2]!];
  return null;
};

export type ResidentFormTarget =
  | { mode: 'create'; householdId: string; address: string; hasHead: boolean }
  | { mode: 'edit'; resident: ResidentDetail };

/**
 * Registers a resident in a household or edits one. A complete ID-card number fills in gender and birth date
 * (the server requires them to agree). When editing, the masked ID card and phone are not sent back, and the birth
 * date (which the server never sends, only an age) starts empty: an empty field keeps the stored value. A resident
 * with an ID-card number has the birth date read from it, so the field stays locked.
 */
export function ResidentFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: ResidentFormTarget;
  onClose: () => void;
  onSaved?: (resident: ResidentDetail) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateResident();
  const update = useUpdateResident();
  const errors = useApiFormErrors(form, mapField);
  const editing = target.mode === 'edit' ? target.resident : null;
  const [fromIdCard, setFromIdCard] = useState(false);
  // Gender and birth date follow the ID-card number, the new one typed or the one on record.
  const identityLocked = fromIdCard || Boolean(editing?.idCard);

  const initialValues: Partial<Values> = editing
    ? {
        name: editing.name,
        gender: editing.gender,
        // No birth date comes with a resident (only an age, see the masking rule): empty keeps the stored one.
        relation: editing.relation,
        politicalStatus: editing.politicalStatus,
        residency: editing.residency,
        note: editing.note ?? undefined,
        tags: editing.tags.map((tag) => ({ tag: tag.tag, careLevel: tag.careLevel })),
      }
    : {
        politicalStatus: 'masses',
        residency: 'registered',
        relation: target.mode === 'create' && !target.hasHead ? 'head' : undefined,
        tags: [],
      };

  const onIdCard = (value: string) => {
    const read = readIdCard(value);
    setFromIdCard(Boolean(read));
    if (read) {
      form.setFieldsValue({ gender: read.gender, birthDate: dayjs(read.birthDate) });
      form.setFields([
        { name: 'gender', errors: [] },
        { name: 'birthDate', errors: [] },
      ]);
    }
  };

  const submit = (values: Values) => {
    errors.clear();
    const idCard = values.idCard?.trim().toUpperCase() || undefined;
    const phone = values.phone?.trim() || undefined;
    const input: ResidentInput = {
      name: values.name.trim(),
      // With an ID-card number the server takes both from it; sending them too would only repeat it.
      gender: idCard || editing?.idCard ? undefined : values.gender,
      birthDate: idCard || editing?.idCard ? undefined : values.birthDate?.format('YYYY-MM-DD'),
      idCard,
      phone,
      relation: values.relation!,
      politicalStatus: values.politicalStatus,
      residency: values.residency,
      note: values.note?.trim() || null,
      tags: values.tags.filter((x): x is { tag: KeyPopulationTag; careLevel: number } => Boolean(x.tag)),
    };
    const onSuccess = (saved: ResidentDetail) => {
      void message.success(t(editing ? 'resident.updated' : 'resident.created', { name: saved.name }));
      onSaved?.(saved);
      onClose();
    };
    if (editing) update.mutate({ id: editing.id, ...input }, { onSuccess, onError: errors.apply });
    else if (target.mode === 'create') {
      create.mutate({ householdId: target.householdId, ...input }, { onSuccess, onError: errors.apply });
    }
  };

  const usedTags = (Form.useWatch('tags', form) ?? []).map((x) => x?.tag);

  return (
    <Modal
      open
      width={720}
      title={
        editing
          ? t('resident.editTitle', { name: editing.name })
          : t('resident.createTitle', { address: target.mode === 'create' ? target.address : '' })
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      data-testid="resident-form"
    >
      {errors.alert}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initialValues}
        requiredMark="optional"
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="name"
              label={t('residents.name')}
              rules={[{ required: true, whitespace: true, message: t('resident.nameRequired') }]}
            >
              <Input maxLength={40} data-testid="resident-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="idCard"
              label={t('residents.idCard')}
              extra={fromIdCard ? t('resident.idCardRead') : t('resident.idCardHint')}
              normalize={(v: string) => v.toUpperCase()}
            >
              <Input
                maxLength={18}
                allowClear
                className="ww-mono"
                placeholder={
                  editing?.idCard ? t('resident.keepValue', { value: editing.idCard }) : t('common.optional')
                }
                onChange={(e) => onIdCard(e.target.value)}
                data-testid="resident-id-card"
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="gender"
              label={t('residents.gender')}
              rules={[{ required: true, message: t('resident.genderRequired') }]}
            >
              <Select
                disabled={identityLocked}
                options={genders.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
                data-testid="resident-gender"
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="birthDate"
              label={t('residents.birthDate')}
              rules={[{ required: !editing, message: t('resident.birthDateRequired') }]}
            >
              <DatePicker
                disabled={identityLocked}
                style={{ width: '100%' }}
                placeholder={
                  editing && !fromIdCard
                    ? editing.idCard
                      ? t('resident.birthFromIdCard', { age: editing.age })
                      : t('resident.keepAge', { age: editing.age })
                    : undefined
                }
                disabledDate={(d) => d.isAfter(dayjs())}
                data-testid="resident-birth-date"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="phone"
              label={t('residents.phone')}
              rules={[{ pattern: MOBILE_PATTERN, message: t('resident.phoneInvalid') }]}
            >
              <Input
                inputMode="numeric"
                maxLength={11}
                className="ww-mono"
                placeholder={
                  editing?.phone ? t('resident.keepValue', { value: editing.phone }) : t('common.optional')
                }
                data-testid="resident-phone"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name="relation"
              label={t('residents.relation')}
              rules={[{ required: true, message: t('resident.relationRequired') }]}
            >
              <Select
                options={relations.map((r) => ({ value: r, label: t(`relation.${r}`) }))}
                data-testid="resident-relation"
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="politicalStatus" label={t('residents.politicalStatus')}>
              <Select
                options={politicalStatuses.map((p) => ({ value: p, label: t(`politicalStatus.${p}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="residency" label={t('residents.residency')}>
              <Select options={residencies.map((r) => ({ value: r, label: t(`residency.${r}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('resident.tagsLabel')} required={false}>
          <Form.List name="tags">
            {(fields, { add, remove }) => (
              <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                {fields.map((field) => (
                  <Space key={field.key} align="start" wrap={false} style={{ width: '100%' }}>
                    <Form.Item
                      name={[field.name, 'tag']}
                      rules={[{ required: true, message: t('resident.tagRequired') }]}
                      style={{ marginBottom: 0, minWidth: 150 }}
                    >
                      <Select
                        placeholder={t('residents.tags')}
                        options={keyPopulationTags.map((tag) => ({
                          value: tag,
                          label: t(`keyTag.${tag}`),
                          disabled: usedTags.includes(tag),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'careLevel']} style={{ marginBottom: 0, minWidth: 120 }}>
                      <Select options={careLevels.map((l) => ({ value: l, label: t(`careLevel.${l}`) }))} />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('resident.removeTag')}
                      onClick={() => remove(field.name)}
                    />
                  </Space>
                ))}
                {fields.length < keyPopulationTags.length ? (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ careLevel: 1 })}>
                    {t('resident.addTag')}
                  </Button>
                ) : null}
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="note" label={t('residents.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        {editing ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('resident.editHint')}
          </Typography.Text>
        ) : null}
      </Form>
    </Modal>
  );
}
