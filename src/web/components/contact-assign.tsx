import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Modal, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiMutation, type QueryKey } from '../api/cache.ts';
import { api, type Schemas } from '../api/client.ts';
import { useT } from '../app/i18n.tsx';
import { ConfirmAction } from './confirm-action.tsx';
import { fieldsNamed, useApiFormErrors } from './form-errors.tsx';

/**
 * Manual contact assignment (联系挂包 by hand), shared by the contacts page (households without a contact) and the
 * household card: a dialog choosing a leader or a central household of the household's community in a searchable
 * select showing each one's load (above it only with the confirmation), and an "end" action.
 */
export type ContactKind = Schemas['AssignContactRequest']['kind'];

function useAssignmentCandidates(householdId: string, kind: ContactKind) {
  return useQuery({
    queryKey: ['contacts', 'assign-candidates', householdId, kind] as const satisfies QueryKey,
    queryFn: async () =>
      (
        await api.get('/households/{id}/contacts/candidates', {
          path: { id: householdId },
          query: { kind },
        })
      ).data,
  });
}

export function ContactAssignDialog({
  householdId,
  kind: initialKind,
  fixedKind,
  onClose,
}: {
  householdId: string;
  kind: ContactKind;
  /** The kind cannot be switched (the household card's "change" of one contact). */
  fixedKind?: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [kind, setKind] = useState<ContactKind>(initialKind);
  const candidates = useAssignmentCandidates(householdId, kind);
  const [form] = Form.useForm<{ contactKey: string; overLoad: boolean }>();
  const { alert, apply, clear } = useApiFormErrors(form, fieldsNamed('contactKey', 'overLoad'));
  const contactKey = Form.useWatch('contactKey', form);
  const assign = useApiMutation(
    'POST /households/{id}/contacts',
    async (body: Schemas['AssignContactRequest'], send) =>
      (await send({ path: { id: householdId }, body })).data,
  );
  const list = candidates.data?.candidates ?? [];
  const chosen = list.find((c) => c.key === contactKey);
  const full = chosen !== undefined && !chosen.current && chosen.load >= chosen.maxLoad;
  return (
    <Modal
      open
      title={t(`contactAssign.title.${kind}`)}
      onCancel={onClose}
      okText={t('contactAssign.assign')}
      confirmLoading={assign.isPending}
      onOk={() => form.submit()}
      data-testid="contact-assign-dialog"
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {candidates.data ? <Typography.Text strong>{candidates.data.place}</Typography.Text> : null}
        {fixedKind ? null : (
          <Segmented<ContactKind>
            aria-label={t('contactAssign.kind')}
            value={kind}
            onChange={(v) => {
              setKind(v);
              form.resetFields();
              clear();
            }}
            options={(['leader', 'central_household'] as const).map((k) => ({
              value: k,
              label: t(`contactAssign.kind.${k}`),
            }))}
          />
        )}
        {alert}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ overLoad: false }}
          onFinish={(values) => {
            clear();
            assign.mutate(
              { kind, contactKey: values.contactKey, ...(full ? { overLoad: values.overLoad } : {}) },
              {
                onSuccess: () => {
                  void message.success(t('contactAssign.done'));
                  onClose();
                },
                onError: apply,
              },
            );
          }}
        >
          <Form.Item name="contactKey" label={t('contactAssign.contact')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'search' }}
              aria-label={t('contactAssign.contact')}
              placeholder={t('contactAssign.search')}
              loading={candidates.isFetching}
              notFoundContent={candidates.isFetching ? undefined : t('contactAssign.none')}
              options={list.map((c) => ({
                value: c.key,
                title: `${c.name} · ${c.place}`,
                search: `${c.name} · ${c.place}`,
                label: (
                  <Space size={4} wrap>
                    <span>{`${c.name} · ${c.place}`}</span>
                    <Tag color={c.load >= c.maxLoad ? 'red' : 'default'}>
                      {t('contactAssign.load', { load: c.load, max: c.maxLoad })}
                    </Tag>
                    {c.current ? <Tag color="blue">{t('contactAssign.current')}</Tag> : null}
                  </Space>
                ),
              }))}
            />
          </Form.Item>
          {full ? (
            <Form.Item
              name="overLoad"
              valuePropName="checked"
              rules={[
                {
                  validator: (_, v: boolean) =>
                    v ? Promise.resolve() : Promise.reject(new Error(t('contactAssign.overLoadHint'))),
                },
              ]}
            >
              <Checkbox>{t('contactAssign.overLoad', { load: chosen.load, max: chosen.maxLoad })}</Checkbox>
            </Form.Item>
          ) : null}
        </Form>
        <Alert type="info" showIcon title={t('contactAssign.manualNote')} />
      </Space>
    </Modal>
  );
}

/** The household card's actions on one contact: change it (the dialog) or end it (confirmed). */
export function ContactActions({ householdId, kind }: { householdId: string; kind: ContactKind }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const end = useApiMutation(
    'POST /households/{id}/contacts/end',
    async (_: void, send) => (await send({ path: { id: householdId }, body: { kind } })).data,
  );
  return (
    <Space size={4}>
      <Button size="small" type="link" onClick={() => setOpen(true)} data-testid={`contact-change-${kind}`}>
        {t('contactAssign.change')}
      </Button>
      <ConfirmAction
        confirm={t('contactAssign.endConfirm')}
        action={() => end.mutateAsync(undefined)}
        done={t('contactAssign.ended')}
        testId={`contact-end-${kind}`}
      >
        {t('contactAssign.end')}
      </ConfirmAction>
      {open ? (
        <ContactAssignDialog householdId={householdId} kind={kind} fixedKind onClose={() => setOpen(false)} />
      ) : null}
    </Space>
  );
}
