import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, QRCode, Skeleton, Space, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useT } from '../../app/i18n.tsx';
import { useServiceCards, type ServiceCards } from './api.ts';
import { ServantLines } from './servant-lines.tsx';
import './organisation.css';

const CARDS_PER_PAGE = 4;

function place(cards: ServiceCards) {
  const b = cards.building;
  return [b.street, b.community, b.compound].filter(Boolean).join(' · ');
}

function pageUrl(cards: ServiceCards) {
  return `${window.location.origin}${cards.pagePath}`;
}

function Toolbar({ title, meta }: { title: string; meta?: string }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Space className="ww-no-print ww-org-toolbar" wrap>
      <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
        {t('organisation.back')}
      </Button>
      <Button
        type="primary"
        icon={<PrinterOutlined />}
        onClick={() => window.print()}
        data-testid="cards-print"
      >
        {t('organisation.print')}
      </Button>
      <Typography.Text strong>{title}</Typography.Text>
      {meta && <Typography.Text type="secondary">{meta}</Typography.Text>}
    </Space>
  );
}

function useCards() {
  const { id } = useParams();
  return useServiceCards(id);
}

function Loading({ query }: { query: ReturnType<typeof useCards> }) {
  if (query.isError) return <Alert type="error" showIcon title={query.error.message} />;
  return (
    <Card>
      <Skeleton active paragraph={{ rows: 10 }} />
    </Card>
  );
}

/**
 * The contact cards of a building (楼长联系服务卡): one per household, four to an A4 page, in unit / floor / room
 * order so they come off the printer in the order a leader walks the stairwells.
 */
export function CardsPage() {
  const t = useT();
  const query = useCards();
  if (!query.data) return <Loading query={query} />;
  const cards = query.data;
  const url = pageUrl(cards);
  const pages: ServiceCards['households'][] = [];
  for (let i = 0; i < cards.households.length; i += CARDS_PER_PAGE) {
    pages.push(cards.households.slice(i, i + CARDS_PER_PAGE));
  }
  return (
    <div className="ww-org-print" data-testid="cards-page">
      <Toolbar
        title={t('organisation.cardTitle')}
        meta={t('organisation.cardsMeta', { building: cards.building.name, count: cards.households.length })}
      />
      {pages.length === 0 && <Empty description={t('organisation.noHouseholds')} />}
      {pages.map((households, p) => (
        <section className="ww-org-sheet" key={p}>
          {households.map((h) => (
            <article className="ww-org-card" key={h.id} data-testid="service-card">
              <header className="ww-org-card-head">
                <span className="ww-org-card-title">{t('organisation.cardTitle')}</span>
                <span className="ww-org-card-place">{place(cards)}</span>
                <span className="ww-org-card-home">
                  {cards.building.name} {t('organisation.household', { unit: h.unitNumber, room: h.room })}
                </span>
              </header>
              <ServantLines served={cards} unitNumber={h.unitNumber} />
              <footer className="ww-org-card-foot">
                <QRCode value={url} type="svg" size={88} bordered={false} />
                <div>
                  <div>{t('organisation.scan')}</div>
                  {cards.chat && (
                    <div className="ww-org-muted">
                      {t('organisation.chat', { name: cards.chat.name, count: cards.chat.memberCount })}
                    </div>
                  )}
                </div>
              </footer>
            </article>
          ))}
        </section>
      ))}
    </div>
  );
}

/** The placard for the building's entrance (红色楼长公示牌): one A4 page. */
export function PlacardPage() {
  const t = useT();
  const query = useCards();
  if (!query.data) return <Loading query={query} />;
  const cards = query.data;
  const leader = cards.leaders.find((l) => l.unitNumber === null);
  return (
    <div className="ww-org-print" data-testid="placard-page">
      <Toolbar title={t('organisation.placardTitle')} meta={cards.building.name} />
      <section className="ww-org-sheet ww-org-placard">
        <h1 className="ww-org-placard-title">{t('organisation.placardTitle')}</h1>
        <div className="ww-org-placard-building">
          {cards.building.name}
          <span className="ww-org-muted"> {place(cards)}</span>
        </div>
        <div className="ww-org-placard-leader">
          <span className="ww-org-placard-name">{leader?.name ?? t('organisation.vacant')}</span>
          {leader?.phone && <span className="ww-org-placard-phone">{leader.phone}</span>}
          {leader && (
            <Space size={4} wrap>
              {leader.tags.map((tag) => (
                <Tag color="red" key={tag}>
                  {t(tag === 'mass_leader' ? 'organisation.tag.mass_leader' : 'organisation.tag.deliberator')}
                </Tag>
              ))}
              <Typography.Text type="secondary">
                {t('organisation.termUntil', { day: leader.termEndsOn })}
              </Typography.Text>
            </Space>
          )}
        </div>
        <ServantLines served={cards} />
        <div className="ww-org-placard-codes">
          <figure>
            <QRCode value={pageUrl(cards)} type="svg" size={160} bordered={false} />
            <figcaption>{t('organisation.scan')}</figcaption>
          </figure>
          {cards.chat?.qrImage && (
            <figure>
              <img src={cards.chat.qrImage} alt={cards.chat.name} width={160} height={160} />
              <figcaption>
                {t('organisation.chat', { name: cards.chat.name, count: cards.chat.memberCount })}
              </figcaption>
            </figure>
          )}
        </div>
      </section>
    </div>
  );
}
