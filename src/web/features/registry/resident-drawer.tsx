import {
  EditOutlined,
  ExportOutlined,
  EyeInvisibleOutlined,
  EyeOutlined,
  HomeOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Grid,
  Skeleton,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { useResident, useRevealResident, type ResidentDetail } from './api.ts';
import { HistoryTimeline } from './history-timeline.tsx';
import { ResidentFormModal } from './resident-form-modal.tsx';
import { ResidentMoveModal, ResidentMoveOutModal } from './resident-move-modals.tsx';
import { ResidentTags } from './resident-tags.tsx';
import { focusOpenDrawer } from '../../components/drawer-focus.ts';

type Dialog = 'edit' | 'move' | 'moveOut' | null;

/**
 * ID card and phone masked, an age instead of the birth date; holders of personal:reveal fetch the clear ID card,
 * phone and birth date with one audited call.
 */
function usePersonalDataItems(resident: ResidentDetail) {
  const t = useT();
  const { message } = App.useApp();
  const canReveal = useCan('personal:reveal');
  const reveal = useRevealResident();
  const [clear, setClear] = useState<{
    idCard: string | null;
    phone: string | null;
    birthDate: string;
  } | null>(null);
  const toggle = canReveal ? (
    <Tooltip title={clear ? t('resident.hide') : t('resident.revealTip')}>
      <Button
        type="text"
        size="small"
        loading={reveal.isPending}
        icon={clear ? <EyeInvisibleOutlined /> : <EyeOutlined />}
        aria-label={clear ? t('resident.hide') : t('resident.reveal')}
        data-testid="resident-reveal"
        onClick={() => {
          if (clear) return setClear(null);
          reveal.mutate(resident.id, {
            onSuccess: setClear,
            onError: (error) => void message.error(error.message),
          });
        }}
      />
    </Tooltip>
  ) : null;
  const value = (masked: string | null, shown: string | null | undefined, testId: string) =>
    masked ? (
      <span className="ww-mono" data-testid={testId}>
        {clear ? shown : masked}
      </span>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );
  return [
    clear
      ? {
          key: 'birth',
          label: t('residents.birthDate'),
          children: (
            <span data-testid="resident-birth-value">
              {t('resident.birthAndAge', { date: clear.birthDate, age: resident.age })}
            </span>
          ),
        }
      : {
          key: 'birth',
          label: t('residents.age'),
          children: (
            <span data-testid="resident-birth-value">{t('resident.ageYears', { age: resident.age })}</span>
          ),
        },
    {
      key: 'idCard',
      label: t('residents.idCard'),
      children: (
        <Space size={4}>
          {value(resident.idCard, clear?.idCard, 'resident-id-card-value')}
          {toggle}
        </Space>
      ),
    },
    {
      key: 'phone',
      label: t('residents.phone'),
      children: value(resident.phone, clear?.phone, 'resident-phone-value'),
    },
  ];
}

function Content({ resident, onDialog }: { resident: ResidentDetail; onDialog: (d: Dialog) => void }) {
  const t = useT();
  const canWrite = useCan('resident:write');
  const personalItems = usePersonalDataItems(resident);
  const movedOut = Boolean(resident.movedOutAt);
  const actions: ReactNode[] = [];
  if (resident.householdId) {
    actions.push(
      <Link key="household" to={`/households/${resident.householdId}`} data-testid="resident-open-household">
        <Button icon={<HomeOutlined />}>{t('resident.openHousehold')}</Button>
      </Link>,
    );
  }
  if (canWrite) {
    actions.push(
      <Button key="edit" icon={<EditOutlined />} onClick={() => onDialog('edit')} data-testid="resident-edit">
        {t('common.edit')}
      </Button>,
      <Button
        key="move"
        icon={<SwapOutlined />}
        onClick={() => onDialog('move')}
        data-testid="resident-move-open"
      >
        {movedOut ? t('resident.moveBack') : t('resident.move')}
      </Button>,
    );
    if (!movedOut) {
      actions.push(
        <Button
          key="moveOut"
          danger
          icon={<ExportOutlined />}
          onClick={() => onDialog('moveOut')}
          data-testid="resident-move-out-open"
        >
          {t('resident.moveOut')}
        </Button>,
      );
    }
  }
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {movedOut ? (
        <Alert
          type="warning"
          showIcon
          title={t('resident.movedOutAt', { at: formatDateTime(resident.movedOutAt) })}
        />
      ) : null}
      {actions.length ? <Space wrap>{actions}</Space> : null}
      <Descriptions
        className="ww-nowrap-labels"
        size="small"
        bordered
        column={1}
        data-testid="resident-details"
        items={[
          { key: 'gender', label: t('residents.gender'), children: t(`gender.${resident.gender}`) },
          ...personalItems,
          {
            key: 'address',
            label: t('residents.address'),
            children: resident.householdId ? (
              <Link to={`/households/${resident.householdId}`}>{resident.address}</Link>
            ) : (
              <Typography.Text type="secondary">{resident.address ?? '—'}</Typography.Text>
            ),
          },
          { key: 'relation', label: t('residents.relation'), children: t(`relation.${resident.relation}`) },
          {
            key: 'political',
            label: t('residents.politicalStatus'),
            children: t(`politicalStatus.${resident.politicalStatus}`),
          },
          {
            key: 'residency',
            label: t('residents.residency'),
            children: t(`residency.${resident.residency}`),
          },
          { key: 'grid', label: t('residents.grid'), children: resident.gridCode ?? '—' },
          {
            key: 'tags',
            label: t('residents.tags'),
            children: <ResidentTags tags={resident.tags} withLevel />,
          },
          { key: 'note', label: t('residents.note'), children: resident.note || '—' },
        ]}
      />
      <Card size="small" title={t('resident.history')}>
        <HistoryTimeline history={resident.history} />
      </Card>
    </Space>
  );
}

/** One resident: details, key-population tags, history and the actions the user's roles allow. */
export function ResidentDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const mobile = Grid.useBreakpoint().md === false;
  const resident = useResident(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const data = resident.data;
  return (
    <>
      <Drawer
        open={Boolean(id)}
        afterOpenChange={focusOpenDrawer}
        onClose={onClose}
        size={mobile ? '100%' : 560}
        destroyOnHidden
        title={
          data ? (
            <Space size={8} wrap>
              <span data-testid="resident-drawer-name">{data.name}</span>
              <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
                {t('resident.summary', { gender: t(`gender.${data.gender}`), age: data.age })}
              </Typography.Text>
              {data.movedOutAt ? <Tag>{t('residents.movedOut')}</Tag> : null}
            </Space>
          ) : (
            t('resident.title')
          )
        }
        data-testid="resident-drawer"
      >
        {resident.isPending ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : resident.isError ? (
          <Alert type="error" showIcon title={resident.error.message} />
        ) : (
          <Content key={resident.data.id} resident={resident.data} onDialog={setDialog} />
        )}
      </Drawer>
      {data && dialog === 'edit' ? (
        <ResidentFormModal target={{ mode: 'edit', resident: data }} onClose={() => setDialog(null)} />
      ) : null}
      {data && dialog === 'move' ? (
        <ResidentMoveModal resident={data} onClose={() => setDialog(null)} />
      ) : null}
      {data && dialog === 'moveOut' ? (
        <ResidentMoveOutModal resident={data} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}
