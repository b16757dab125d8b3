import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useT } from '../../app/i18n.tsx';
import { fieldsNamed, useApiFormErrors } from '../../components/form-errors.tsx';
import { useCreateTerritory, useRenameTerritory, type TerritoryLevel } from './api.ts';

export type TerritoryFormTarget =
  | { mode: 'create'; parentId: string; parentName: string; level: TerritoryLevel }
  | { mode: 'rename'; id: string; name: string };

type Values = { name: string; sequence?: number | null };

const mapField = fieldsNamed('name', 'sequence');

/** Adds a child node (name, optional sequence) or renames a node; API field errors show on the fields. */
export function TerritoryFormModal({
  target,
  onClose,
  onCreated,
}: {
  target: TerritoryFormTarget;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateTerritory();
  const rename = useRenameTerritory();
  const errors = useApiFormErrors(form, mapField);
  const pending = create.isPending || rename.isPending;

  const submit = (values: Values) => {
    errors.clear();
    if (target.mode === 'create') {
      create.mutate(
        { parentId: target.parentId, name: values.name, sequence: values.sequence ?? undefined },
        {
          onSuccess: (node) => {
            void message.success(t('territory.created', { name: node.name }));
            onCreated(node.id);
            onClose();
          },
          onError: errors.apply,
        },
      );
    } else {
      rename.mutate(
        { id: target.id, name: values.name },
        {
          onSuccess: (node) => {
            void message.success(t('territory.renamed', { name: node.name }));
            onClose();
          },
          onError: errors.apply,
        },
      );
    }
  };

  const title =
    target.mode === 'create'
      ? t('territory.addTitle', { parent: target.parentName, level: t(`level.${target.level}`) })
      : t('territory.renameTitle', { name: target.name });

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={pending}
      destroyOnHidden
      data-testid="territory-form"
    >
      {errors.alert}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ name: target.mode === 'rename' ? target.name : '' }}
      >
        <Form.Item
          name="name"
          label={t('territory.name')}
          rules={[{ required: true, whitespace: true, message: t('territory.nameRequired') }]}
        >
          <Input maxLength={40} showCount autoFocus data-testid="territory-name-input" />
        </Form.Item>
        {target.mode === 'create' ? (
          <Form.Item
            name="sequence"
            label={t('territory.sequenceOptional')}
            extra={t('territory.sequenceHint')}
          >
            <InputNumber
              min={1}
              max={999}
              precision={0}
              style={{ width: '100%' }}
              data-testid="territory-sequence-input"
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
