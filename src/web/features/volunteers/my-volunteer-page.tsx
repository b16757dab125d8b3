import { Alert, App, Button, Card, Descriptions, Form, Select, Skeleton, Space, Tag } from 'antd';
import { useI18n } from '../../app/i18n.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { availabilities, useMyVolunteer, useRegisterMyself, type Availability } from './api.ts';

/** The caller's own volunteer profile (a volunteer, resident or party member), or a form to register. */
export function MyVolunteerPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const mine = useMyVolunteer();
  const register = useRegisterMyself();
  const [form] = Form.useForm<{ skills: string[]; availability: Availability }>();
  const profile = mine.data;
  return (
    <div>
      <PageHeader title={t('volunteers.myTitle')} />
      {mine.isPending ? <Skeleton active /> : null}
      {mine.isError ? <Alert type="error" showIcon message={t('common.loadFailed')} /> : null}
      {profile ? (
        <Card>
          <Descriptions column={1}>
            <Descriptions.Item label={t('volunteers.name')}>{profile.name}</Descriptions.Item>
            <Descriptions.Item label={t('volunteers.place')}>{profile.territoryName}</Descriptions.Item>
            <Descriptions.Item label={t('volunteers.skills')}>
              <Space size={[4, 4]} wrap>
                {profile.skills.map((s) => (
                  <Tag key={s}>{s}</Tag>
                ))}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('volunteers.availability')}>
              {t(`volunteers.availability.${profile.availability}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('volunteers.teams')}>
              {profile.teams.map((team) => team.name).join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('volunteers.since')}>{profile.startsOn}</Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
      {mine.isSuccess && !profile ? (
        <Card>
          <Alert type="info" showIcon message={t('volunteers.myNone')} style={{ marginBottom: 16 }} />
          <Form
            form={form}
            layout="vertical"
            initialValues={{ skills: [], availability: 'anytime' }}
            onFinish={(values) =>
              register.mutate(values, {
                onSuccess: () => void message.success(t('volunteers.done')),
                onError: (error) => void message.error(error.message),
              })
            }
          >
            <Form.Item name="skills" label={t('volunteers.skills')}>
              <Select mode="tags" maxCount={10} />
            </Form.Item>
            <Form.Item name="availability" label={t('volunteers.availability')}>
              <Select
                options={availabilities.map((a) => ({ value: a, label: t(`volunteers.availability.${a}`) }))}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={register.isPending}>
              {t('volunteers.myRegister')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}
