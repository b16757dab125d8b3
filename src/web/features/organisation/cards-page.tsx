import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, QRCode, Skeleton, Space, Tag, Typography } from 'antd';
import { useLayoutEffect, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useT } from '../../app/i18n.tsx';
import { usePlaceServiceCards, useServiceCards, type ServiceCards } from './api.ts';
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

/**
 * QR codes drawn once per address and reused as images: a print set repeats one building's code on every card,
 * and drawing 200 identical SVG codes took most of a 200-card page's time. Hidden sources are drawn, serialised to
 * SVG data URLs (they stay vectors in print), and the cards show those.
 */
function useQrImages(values: readonly string[]) {
  const ref = useRef<HTMLDivElement>(null);
  const [images, setImages] = useState<ReadonlyMap<string, string>>(new Map());
  const wanted = [...new Set(values)].filter((v) => !images.has(v));
  const wantedKey = wanted.join('\n');
  useLayoutEffect(() => {
    if (!ref.current || wantedKey === '') return;
    const drawn: [string, string][] = [];
    for (const holder of ref.current.querySelectorAll<HTMLElement>('[data-qr-value]')) {
      const svg = holder.querySelector('svg');
      if (!svg) continue;
      svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
      const markup = new XMLSerializer().serializeToString(svg);
      drawn.push([holder.dataset.qrValue!, `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`]);
    }
    setImages((before) => new Map([...before, ...drawn]));
  }, [wantedKey]);
  const sources =
    wanted.length === 0 ? null : (
      <div ref={ref} className="ww-org-qr-sources" aria-hidden>
        {wanted.map((value) => (
          <div data-qr-value={value} key={value}>
            <QRCode value={value} type="svg" size={160} bordered={false} />
          </div>
        ))}
      </div>
    );
  return { images, sources };
}

function QrImage({ src, size, alt }: { src: string | undefined; size: number; alt: string }) {
  return src ? (
    <img className="ww-org-qr" src={src} width={size} height={size} alt={alt} />
  ) : (
    <span className="ww-org-qr" style={{ width: size, height: size }} />
  );
}

function Loading({ query }: { query: { isError: boolean; error: Error | null } }) {
  if (query.isError) return <Alert type="error" showIcon title={query.error?.message} />;
  return (
    <Card>
      <Skeleton active paragraph={{ rows: 10 }} />
    </Card>
  );
}

/** A building's cards, four to an A4 sheet, in unit / floor / room order. */
function BuildingSheets({ cards, qr }: { cards: ServiceCards; qr: string | undefined }) {
  const t = useT();
  const pages: ServiceCards['households'][] = [];
  for (let i = 0; i < cards.households.length; i += CARDS_PER_PAGE) {
    pages.push(cards.households.slice(i, i + CARDS_PER_PAGE));
  }
  return pages.map((households, p) => (
    <section className="ww-org-sheet" key={`${cards.building.id}-${p}`}>
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
            <QrImage src={qr} size={88} alt={t('organisation.scan')} />
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
  ));
}

/**
 * The contact cards of a building (楼长联系服务卡): one per household, four to an A4 page, in unit / floor / room
 * order so they come off the printer in the order a leader walks the stairwells.
 */
export function CardsPage() {
  const t = useT();
  const query = useServiceCards(useParams().id);
  const url = query.data ? pageUrl(query.data) : null;
  const { images, sources } = useQrImages(url ? [url] : []);
  if (!query.data || !url) return <Loading query={query} />;
  const cards = query.data;
  return (
    <div className="ww-org-print" data-testid="cards-page">
      {sources}
      <Toolbar
        title={t('organisation.cardTitle')}
        meta={t('organisation.cardsMeta', { building: cards.building.name, count: cards.households.length })}
      />
      {cards.households.length === 0 && <Empty description={t('organisation.noHouseholds')} />}
      <BuildingSheets cards={cards} qr={images.get(url)} />
    </div>
  );
}

/** The placard of one building (红色楼长公示牌): one A4 page. */
function PlacardSheet({ cards, qr }: { cards: ServiceCards; qr: string | undefined }) {
  const t = useT();
  const leader = cards.leaders.find((l) => l.unitNumber === null);
  return (
    <section className="ww-org-sheet ww-org-placard" data-testid="placard">
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
          <QrImage src={qr} size={160} alt={t('organisation.scan')} />
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
  );
}

/** The placard for the building's entrance (红色楼长公示牌): one A4 page. */
export function PlacardPage() {
  const t = useT();
  const query = useServiceCards(useParams().id);
  const url = query.data ? pageUrl(query.data) : null;
  const { images, sources } = useQrImages(url ? [url] : []);
  if (!query.data || !url) return <Loading query={query} />;
  return (
    <div className="ww-org-print" data-testid="placard-page">
      {sources}
      <Toolbar title={t('organisation.placardTitle')} meta={query.data.building.name} />
      <PlacardSheet cards={query.data} qr={images.get(url)} />
    </div>
  );
}

/**
 * A whole grid's or community's print set as one page set: every building's contact cards (or, with
 * `?kind=placards`, every building's placard), building after building, each starting on a new sheet.
 */
export function PlaceCardsPage() {
  const t = useT();
  const { id } = useParams();
  const [search] = useSearchParams();
  const placards = search.get('kind') === 'placards';
  const query = usePlaceServiceCards(id);
  const urls = query.data?.buildings.map(pageUrl) ?? [];
  const { images, sources } = useQrImages(urls);
  if (!query.data) return <Loading query={query} />;
  const set = query.data;
  const title = t(placards ? 'organisation.placardTitle' : 'organisation.cardTitle');
  return (
    <div className="ww-org-print" data-testid={placards ? 'place-placards-page' : 'place-cards-page'}>
      {sources}
      <Toolbar
        title={`${set.place.name} · ${title}`}
        meta={t(placards ? 'organisation.placardsSetMeta' : 'organisation.cardsSetMeta', {
          buildings: set.buildings.length,
          count: set.households,
        })}
      />
      {set.buildings.length === 0 && <Empty description={t('organisation.noHouseholds')} />}
      {set.buildings.map((cards) =>
        placards ? (
          <PlacardSheet key={cards.building.id} cards={cards} qr={images.get(pageUrl(cards))} />
        ) : (
          <BuildingSheets key={cards.building.id} cards={cards} qr={images.get(pageUrl(cards))} />
        ),
      )}
    </div>
  );
}
