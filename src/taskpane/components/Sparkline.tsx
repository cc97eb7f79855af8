import { tokens } from '@fluentui/react-components';
import type { TrendPoint } from '../trend';

const WIDTH = 120;
const HEIGHT = 32;
const PAD = 4;

/**
 * A small trend chart of an indicator's figures across periods, with its target as a dashed
 * line; screen readers hear the figures themselves ("Trend: 83%, 90.2%").
 */
export function Sparkline(props: { points: readonly TrendPoint[]; target?: number }) {
  const { points, target } = props;
  const label = `Trend: ${points.map((point) => point.text).join(', ')}`;
  if (points.length === 0) return null;
  const values = [...points.map((point) => point.value), ...(target === undefined ? [] : [target])];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) => (points.length === 1 ? WIDTH / 2 : PAD + (i * (WIDTH - 2 * PAD)) / (points.length - 1));
  const y = (value: number) => HEIGHT - PAD - ((value - min) / span) * (HEIGHT - 2 * PAD);
  const line = points.map((point, i) => `${x(i).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ');
  const last = points[points.length - 1]!;
  return (
    <svg role="img" aria-label={label} width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} focusable="false">
      <title>{label}</title>
      {target !== undefined && (
        <line
          x1={PAD}
          x2={WIDTH - PAD}
          y1={y(target)}
          y2={y(target)}
          stroke={tokens.colorNeutralStroke1}
          strokeDasharray="3 3"
          strokeWidth={1}
        />
      )}
      {points.length > 1 && (
        <polyline points={line} fill="none" stroke={tokens.colorBrandForeground1} strokeWidth={2} strokeLinejoin="round" />
      )}
      <circle cx={x(points.length - 1)} cy={y(last.value)} r={3} fill={tokens.colorBrandForeground1} />
    </svg>
  );
}
