import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useT } from '../../app/i18n.tsx';
import { fieldsNamed, useApiFormErrors } from '../../components/form-errors.tsx';
import { useMoveOutResident, useMoveResident, type Relation, type Resident } from './api.ts';
import { HouseholdPicker } from './household-picker.tsx';
import { relations } from './labels.ts';

type MoveValues = { householdId?: string; relation?: Relation; note?: string };

const moveFields = fieldsNamed('householdId', 'relation', 'note');

/** Moves a resident into another household found by address; the history keeps the old one. */
export function ResidentMoveModal({ resident, onClose }: { resident: Resident; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<MoveValues>();
  const move = useMoveResident();
  const errors = useApiFormErrors(form, moveFields);
  const submit = (values: MoveValues) => {
    errors.clear();
    move.mutate(
      {
        id: resident.id,
        householdId: values.householdId!,
        relation: values.relation!,
        note: values.note?.trim() || undefined,
      },
      {
        onSuccess: (moved) => {
          void message.success(t('resident.moved', { name: moved.name, address: moved.address ?? '' }));
          onClose();
        },
        onError: errors.apply,
      },
    );
  };
  return (
    <Modal
      open
      title={t('resident.moveTitle', { name: resident.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('resident.move')}
      confirmLoading={move.isPending}
      destroyOnHidden
      data-testid="resident-move"
    >
      {errors.alert}
      <Form<MoveValues> form={form} layout="vertical" onFinish={submit}>
        {resident.address ? (
          <Form.Item label={t('resident.moveFrom')}>
            <Input value={resident.address} disabled />
          </Form.Item>
        ) : null}
        <Form.Item
          name="householdId"
          label={t('resident.moveTarget')}
          rules={[{ required: true, message: t('resident.moveTargetRequired') }]}
        >
          <HouseholdPicker excludeId={resident.householdId} testId="resident-move-target" />
        </Form.Item>
        <Form.Item
          name="relation"
          label={t('resident.moveRelation')}
          rules={[{ required: true, message: t('resident.relationRequired') }]}
        >
          <Select options={relations.map((r) => ({ value: r, label: t(`relation.${r}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('residents.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The resident leaves the county's registry, with an optional note; the record and its history stay. */
export function ResidentMoveOutModal({ resident, onClose }: { resident: Resident; onClose: () => void }) {
  const t = useT();
  const moveOut = useMoveOutResident();
  return (
    <MoveOutModal
      title={t('resident.moveOutTitle', { name: resident.name })}
      hint={t('resident.moveOutHint')}
      okText={t('resident.moveOut')}
      doneText={t('resident.movedOutOk', { name: resident.name })}
      testId="resident-move-out"
      pending={moveOut.isPending}
      submit={(note, callbacks) => moveOut.mutate({ id: resident.id, note }, callbacks)}
      onClose={onClose}
    />
  );
}

/**
 * Confirms a move-out (of a resident or a whole household) with an optional note, shows the API's field errors and
 * closes on success. `submit` runs the caller's mutation with the note.
 */
export function MoveOutModal({
  title,
  hint,
  okText,
  doneText,
  testId,
  pending,
  submit,
  onClose,
}: {
  title: string;
  hint: string;
  okText: string;
  doneText: string;
  testId: string;
  pending: boolean;
  submit: (
    note: string | undefined,
    callbacks: { onSuccess: () => void; onError: (error: unknown) => void },
  ) => void;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const errors = useApiFormErrors(form, fieldsNamed('note'));
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      okButtonProps={{ danger: true }}
      confirmLoading={pending}
      destroyOnHidden
      data-testid={testId}
    >
      {errors.alert}
      <Alert type="warning" showIcon title={hint} style={{ marginBottom: 16 }} />
      <Form<{ note?: string }>
        form={form}
        layout="vertical"
        onFinish={(values) => {
          errors.clear();
          submit(values.note?.trim() || undefined, {
            onSuccess: () => {
              void message.success(doneText);
              onClose();
            },
            onError: errors.apply,
          });
        }}
      >
        <Form.Item name="note" label={t('resident.moveOutNote')}>
          <Input.TextArea
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder={t('resident.moveOutNotePlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
