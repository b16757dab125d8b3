import { Card, Col, Row, Segmented, Skeleton, Statistic } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../app/i18n.tsx';
import { EChart, type EChartOption } from '../../components/charts/echart.tsx';
import { useFigures, useTrends, type Trends } from './api.ts';

/** The work figures the dashboard shows, with their trends (flows per month, rounds per year). */
const MONTHLY = ['visits', 'visitors', 'visitLogs', 'dutyCompletionRate'] as const;
const YEARLY = ['doorKnockRounds', 'lastRoundCoverage'] as const;

/** A share (0–1) as a percentage with one decimal. */
const percent = (share: number | undefined) => Math.round((share ?? 0) * 1000) / 10;

const perPerson = (visits: number, visitors: number) =>
  visitors ? Math.round((visits / visitors) * 10) / 10 : 0;

/**
 * 基层治理成效: door-knocking rounds completed, the last round's coverage, this year's visits, visits per person, visit
 * logs and duty tasks done on time, with their trends: each month of the last 12, or each year since 2022 (its
 * rounds under its label), for the area shown (the whole scope when `territoryId` is absent).
 */
export function WorkResults({ territoryId }: { territoryId: string | undefined }) {
  const t = useT();
  const [span, setSpan] = useState<'month' | 'year'>('month');
  const year = `${new Date().getFullYear()}`;
  const figures = useFigures(territoryId);
  const monthly = useTrends(territoryId, MONTHLY, 'month', 12);
  const yearly = useTrends(territoryId, [...YEARLY, ...MONTHLY], 'year', new Date().getFullYear() - 2021);
  const thisYear = yearly.data?.periods.at(-1)?.values;

  const option = useMemo<EChartOption | null>(() => {
    const data: Trends | undefined = span === 'month' ? monthly.data : yearly.data;
    if (!data) return null;
    // By year, each year's label says how many rounds were completed in it (a count too small for an axis).
    const labels = data.periods.map((p) =>
      span === 'year' ? `${p.label}\n${t('work.roundsIn', { n: p.values.doorKnockRounds ?? 0 })}` : p.label,
    );
    const visits = t('work.visits');
    const average = t('work.perPerson');
    const logs = t('work.logs');
    const duty = t('work.dutyRate');
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [visits, logs, average, duty] },
      grid: { left: 8, right: 12, top: 30, bottom: 4, containLabel: true },
      xAxis: { type: 'category', data: labels, axisLabel: { fontSize: 11 } },
      yAxis: [
        { type: 'value', splitLine: { lineStyle: { type: 'dashed' } } },
        { type: 'value', splitLine: { show: false } },
      ],
      series: [
        {
          name: visits,
          type: 'bar',
          data: data.periods.map((p) => p.values.visits ?? 0),
          itemStyle: { color: '#5b8ff9' },
        },
        {
          name: logs,
          type: 'bar',
          data: data.periods.map((p) => p.values.visitLogs ?? 0),
          itemStyle: { color: '#9254de' },
        },
        {
          name: average,
          type: 'line',
          yAxisIndex: 1,
          data: data.periods.map((p) => perPerson(p.values.visits ?? 0, p.values.visitors ?? 0)),
          itemStyle: { color: '#d4380d' },
        },
        {
          name: duty,
          type: 'line',
          yAxisIndex: 1,
          // Only periods with tasks due have a rate.
          data: data.periods.map((p) =>
            p.values.dutyCompletionRate ? percent(p.values.dutyCompletionRate) : null,
          ),
          itemStyle: { color: '#389e0d' },
        },
      ],
    };
  }, [span, monthly.data, yearly.data, t]);

  const value = (key: string) => (figures.data as Record<string, number> | undefined)?.[key];
  return (
    <Card
      size="small"
      title={t('work.title')}
      data-testid="work-results"
      extra={
        <Segmented
          size="small"
          aria-label={t('work.span')}
          value={span}
          onChange={(v) => setSpan(v as 'month' | 'year')}
          options={[
            { value: 'month', label: t('work.byMonth') },
            { value: 'year', label: t('work.byYear') },
          ]}
        />
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Row gutter={[12, 12]}>
            {(
              [
                ['doorKnockRounds', t('work.roundsDone'), value('doorKnockRounds'), undefined],
                ['lastRoundCoverage', t('work.lastCoverage'), value('lastRoundCoverage'), '%'],
                ['visitsThisYear', t('work.visitsThisYear', { year }), thisYear?.visits, undefined],
                [
                  'perPersonThisYear',
                  t('work.perPersonThisYear', { year }),
                  thisYear ? perPerson(thisYear.visits ?? 0, thisYear.visitors ?? 0) : undefined,
                  undefined,
                ],
                ['logsThisYear', t('work.logsThisYear', { year }), thisYear?.visitLogs, undefined],
                [
                  'dutyRate',
                  t('work.dutyRateThisYear', { year }),
                  thisYear ? percent(thisYear.dutyCompletionRate) : undefined,
                  '%',
                ],
              ] as const
            ).map(([key, title, n, suffix]) => (
              <Col span={12} key={key} data-testid={`work-${key}`}>
                {n === undefined ? (
                  <Skeleton.Input active size="small" />
                ) : (
                  <Statistic
                    title={title}
                    value={n}
                    suffix={suffix}
                    precision={['lastRoundCoverage', 'perPersonThisYear', 'dutyRate'].includes(key) ? 1 : 0}
                  />
                )}
              </Col>
            ))}
          </Row>
        </Col>
        <Col xs={24} lg={16}>
          {option ? (
            <EChart option={option} height={240} testId="work-trend" />
          ) : (
            <Skeleton active paragraph={{ rows: 5 }} />
          )}
        </Col>
      </Row>
    </Card>
  );
}
