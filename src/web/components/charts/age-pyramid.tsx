import { useMemo } from 'react';
import { useT } from '../../app/i18n.tsx';
import { EChart, type EChartOption } from './echart.tsx';

export type AgeBand = { band: string; male: number; female: number };

const MALE = '#1f56c3';
const FEMALE = '#e8684a';

/** The axis end: the largest band rounded up to a round number (1, 1.5, 2 … 8 times a power of ten). */
function niceMax(value: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(1, value)));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

/**
 * The population pyramid: five-year age bands from the bottom up, men to the left and women to the right.
 * Men are drawn as negative bars; axis and tooltip show the absolute counts.
 */
export function AgePyramid({ bands, height = 360 }: { bands: AgeBand[]; height?: number }) {
  const t = useT();
  const option = useMemo<EChartOption>(() => {
    const max = niceMax(Math.max(1, ...bands.flatMap((b) => [b.male, b.female])));
    const abs = (value: number) => String(Math.abs(value));
    return {
      animation: false,
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (value: unknown) => abs(Number(value)),
      },
      legend: { data: [t('chart.male'), t('chart.female')], top: 0 },
      grid: { left: 8, right: 16, top: 28, bottom: 4, containLabel: true },
      xAxis: {
        type: 'value',
        min: -max,
        max,
        axisLabel: { formatter: (value: number) => abs(value), fontSize: 10 },
        splitLine: { lineStyle: { type: 'dashed' } },
      },
      yAxis: {
        type: 'category',
        data: bands.map((b) => b.band),
        axisTick: { show: false },
        axisLabel: { fontSize: 10 },
      },
      series: [
        {
          name: t('chart.male'),
          type: 'bar',
          stack: 'people',
          data: bands.map((b) => -b.male),
          itemStyle: { color: MALE },
          barCategoryGap: '15%',
        },
        {
          name: t('chart.female'),
          type: 'bar',
          stack: 'people',
          data: bands.map((b) => b.female),
          itemStyle: { color: FEMALE },
        },
      ],
    };
  }, [bands, t]);
  return <EChart option={option} height={height} testId="age-pyramid" />;
}
