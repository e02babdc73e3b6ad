import { BucketCounts } from '../../api/types';
import { STATS_BUCKETS } from '../../lib/labels';

interface Bar {
  label: string;
  counts: BucketCounts;
}

const ROW = 26;
const LABEL_W = 150;
const WIDTH = 560;

/**
 * Horizontal stacked bars, one per group, drawn as plain SVG (no chart library: a few rectangles
 * are cheaper than 60 KB of JavaScript). The table beside it carries the same figures for screen
 * readers, so the chart is aria-hidden apart from its title.
 */
export function BucketChart({ bars, title }: { bars: Bar[]; title: string }) {
  const max = Math.max(1, ...bars.map((b) => b.counts.total - b.counts.cancelled));
  const height = bars.length * ROW + 10;
  return (
    <figure style="margin: 0">
      <svg
        class="chart"
        role="img"
        aria-label={title}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={`max-width: ${WIDTH}px`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title>{title}</title>
        {bars.map((b, i) => {
          let x = LABEL_W;
          const y = i * ROW + 4;
          return (
            <g key={b.label}>
              <text x={0} y={y + 15}>
                <title>{b.label}</title>
                {b.label.length > 20 ? `${b.label.slice(0, 19)}…` : b.label}
              </text>
              {STATS_BUCKETS.map((bucket) => {
                const n = b.counts[bucket.key];
                const w = ((WIDTH - LABEL_W - 40) * n) / max;
                const rect =
                  n > 0 ? (
                    <rect key={bucket.key} x={x} y={y} width={w} height={ROW - 8} fill={bucket.color}>
                      <title>{`${bucket.label}: ${n}`}</title>
                    </rect>
                  ) : null;
                x += w;
                return rect;
              })}
              <text x={x + 4} y={y + 15}>
                {b.counts.total - b.counts.cancelled}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="legend">
          {STATS_BUCKETS.map((b) => (
            <li key={b.key}>
              <span style={`background: ${b.color}`} />
              {b.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
