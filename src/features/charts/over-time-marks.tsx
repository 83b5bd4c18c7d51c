/**
 * How a chart over time draws an estimate: the claimant's marker, a range's bar, a bound's arrow, a vague estimate's
 * fading band (`markShapes`, one home for both ways of drawing), the legend's pictures of them, and many marks at
 * once as a few paths (`DenseMarks`).
 */
import { usePlotArea, useXAxisScale } from 'recharts';
import { countryColour } from '../../model/format/palette';
import type { TimePoint } from './over-time';
import type { BarKind } from './series';

/** Bounds that leave the value above the mark (the true value is higher) point up; the others down. */
const UPWARD = new Set(['more-than', 'at-least', 'above']);

/** A claimant's marker: circle, square, diamond, triangle, then the same again. */
export function markerPath(marker: number, x: number, y: number, r: number): string {
  switch (marker % 4) {
    case 1:
      return `M${x - r * 0.85},${y - r * 0.85}h${r * 1.7}v${r * 1.7}h${-r * 1.7}Z`;
    case 2:
      return `M${x},${y - r * 1.15}L${x + r * 1.15},${y}L${x},${y + r * 1.15}L${x - r * 1.15},${y}Z`;
    case 3:
      return `M${x},${y - r * 1.1}L${x + r},${y + r * 0.75}L${x - r},${y + r * 0.75}Z`;
    default:
      return `M${x - r},${y}a${r},${r} 0 1,0 ${r * 2},0a${r},${r} 0 1,0 ${-r * 2},0`;
  }
}

/** A claimant's marker on its own, for the legend. */
export function MarkerSwatch({ marker, colour = 'currentColor' }: { marker: number; colour?: string }) {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" className="over-time__swatch">
      <path d={markerPath(marker, 7, 7, 5)} style={{ fill: colour }} />
    </svg>
  );
}

/** How each kind of estimate is drawn on a time axis, for the legend. */
export const OVER_TIME_KIND_WORDS: Record<BarKind, string> = {
  value: 'stated value: a filled mark',
  bound: 'a bound: a hollow mark, its arrow towards where the true value lies',
  range: 'a range: a bar from its low to its high end',
  derived: 'derived from stated values: a faint mark',
  vague: 'given in words: a band that fades, how we read the words, not a measurement',
};

/** A small picture of a kind of mark, for the legend. */
export function MarkSwatch({ kind }: { kind: BarKind }) {
  const colour = 'var(--muted)';
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" className="over-time__swatch">
      {kind === 'bound' && (
        <>
          <path d="M8,9V2M5,5L8,2L11,5" style={{ stroke: colour, fill: 'none' }} strokeWidth={1.5} />
          <circle cx="8" cy="11" r="3.5" style={{ fill: 'var(--surface)', stroke: colour }} strokeWidth={1.5} />
        </>
      )}
      {kind === 'range' && <path d="M5,2H11M8,2V14M5,14H11" style={{ stroke: colour, fill: 'none' }} strokeWidth={2} />}
      {kind === 'vague' && (
        <>
          <defs>
            <linearGradient id="over-time-swatch-fade" x1="0" x2="0" y1="1" y2="0">
              <stop offset="0.3" style={{ stopColor: colour, stopOpacity: 0.8 }} />
              <stop offset="1" style={{ stopColor: colour, stopOpacity: 0 }} />
            </linearGradient>
          </defs>
          <rect x="4" y="1" width="8" height="14" fill="url(#over-time-swatch-fade)" />
        </>
      )}
      {(kind === 'value' || kind === 'derived') && (
        <circle cx="8" cy="8" r="5" style={{ fill: colour }} {...(kind === 'derived' ? { fillOpacity: 0.4 } : {})} />
      )}
    </svg>
  );
}

/** How a shape of a mark is painted; shapes painted alike are drawn as one path where marks are many. */
interface Paint {
  fill: string;
  stroke: string;
  strokeWidth: number;
  dash?: string;
  fillOpacity?: number;
}

/** One shape of a mark: its path, how it is painted, and its layer (0: bars and arrows, 1: the marker on top). */
interface Shape {
  d: string;
  paint: Paint;
  layer: 0 | 1;
}

/**
 * The shapes of an estimate's mark at x = `cx` (its value, or its low and high ends, at `low` and `high` px): a
 * marker (the claimant's), a bar for a range, an arrow for a bound. A vague estimate's fading band is drawn apart
 * (it needs a gradient of its own); its marker is here.
 */
export function markShapes(row: TimePoint, cx: number, low: number, high: number, r: number): Shape[] {
  const colour = countryColour(row.country);
  if (row.kind === 'range' || row.kind === 'vague') {
    const bars: Shape[] =
      row.kind === 'range'
        ? [
            { d: `M${cx},${low}V${high}`, paint: { fill: 'none', stroke: colour, strokeWidth: 3 }, layer: 0 },
            {
              d: `M${cx - r},${low}H${cx + r}M${cx - r},${high}H${cx + r}`,
              paint: { fill: 'none', stroke: colour, strokeWidth: 2 },
              layer: 0,
            },
          ]
        : [];
    return [
      ...bars,
      {
        d: markerPath(row.marker, cx, (low + high) / 2, r * 0.8),
        paint: { fill: colour, stroke: 'var(--surface)', strokeWidth: 1 },
        layer: 1,
      },
    ];
  }
  if (row.kind === 'bound') {
    const up = UPWARD.has(row.qualifier);
    const tip = up ? high - r * 4.5 : high + r * 4.5;
    const arrow = { fill: 'none', stroke: colour, strokeWidth: 2 };
    return [
      { d: `M${cx},${up ? high - r : high + r}V${tip}`, paint: arrow, layer: 0 },
      {
        d: `M${cx - r * 0.8},${tip + (up ? r : -r)}L${cx},${tip}L${cx + r * 0.8},${tip + (up ? r : -r)}`,
        paint: arrow,
        layer: 0,
      },
      {
        d: markerPath(row.marker, cx, high, r),
        paint: { fill: 'var(--surface)', stroke: colour, strokeWidth: 2 },
        layer: 1,
      },
    ];
  }
  return [
    {
      d: markerPath(row.marker, cx, high, r),
      paint: {
        fill: colour,
        stroke: colour,
        strokeWidth: 1,
        ...(row.kind === 'derived' ? { dash: '3 2', fillOpacity: 0.4 } : {}),
      },
      layer: 1,
    },
  ];
}

/** A path painted as `paint` says. */
export function ShapePath({ d, paint }: { d: string; paint: Paint }) {
  return (
    <path
      d={d}
      style={{ fill: paint.fill, stroke: paint.stroke }}
      strokeWidth={paint.strokeWidth}
      {...(paint.dash ? { strokeDasharray: paint.dash } : {})}
      {...(paint.fillOpacity !== undefined ? { fillOpacity: paint.fillOpacity } : {})}
    />
  );
}

/** The fade of a vague estimate's band in a colour: solid up to `solidTo` (of its height), then fading out. */
export function FadeGradient({ id, colour, solidTo }: { id: string; colour: string; solidTo: number }) {
  return (
    <linearGradient id={id} x1="0" x2="0" y1="1" y2="0">
      <stop offset="0" style={{ stopColor: colour, stopOpacity: 0.6 }} />
      <stop offset={solidTo} style={{ stopColor: colour, stopOpacity: 0.6 }} />
      <stop offset="1" style={{ stopColor: colour, stopOpacity: 0 }} />
    </linearGradient>
  );
}

/** A vague estimate's band from `low` to `high` px, filled with its fade (`gradient`, a FadeGradient's id). */
export function VagueBand({
  gradient,
  cx,
  r,
  low,
  high,
}: {
  gradient: string;
  cx: number;
  r: number;
  low: number;
  high: number;
}) {
  return <rect x={cx - r} y={high} width={r * 2} height={Math.max(2, low - high)} fill={`url(#${gradient})`} />;
}

/** Above this many estimates a chart draws its marks as a few paths, one per way of painting, not a group each. */
export const DENSE_MARKS = 200;

/** The index of the row whose mark is nearest (x, y), within `reach` px; rows are in date order, so left to right. */
export function nearestMark(
  at: readonly { x: number; y: number }[],
  x: number,
  y: number,
  reach: number,
): number | null {
  // The first mark at or right of x - reach (binary search), then every mark up to x + reach.
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]!.x < x - reach) lo = mid + 1;
    else hi = mid;
  }
  let best: number | null = null;
  let bestDistance = reach * reach;
  for (let i = lo; i < at.length && at[i]!.x <= x + reach; i++) {
    const distance = (at[i]!.x - x) ** 2 + (at[i]!.y - y) ** 2;
    if (distance <= bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The marks' shapes joined into one path per way of painting, bars and arrows under the markers. Apart from the
 * component, so that the handlers' closures there keep nothing of the shapes alive (only the joined paths stay).
 */
function densePaths(
  rows: readonly TimePoint[],
  at: readonly { x: number; y: number }[],
  yPx: (v: number) => number,
  r: number,
): { paint: Paint; d: string }[] {
  const groups = new Map<string, { paint: Paint; layer: number; d: string[] }>();
  rows.forEach((row, i) => {
    for (const shape of markShapes(row, at[i]!.x, yPx(row.low), at[i]!.y, r)) {
      const key = `${shape.layer}|${JSON.stringify(shape.paint)}`;
      const group = groups.get(key);
      if (group) group.d.push(shape.d);
      else groups.set(key, { paint: shape.paint, layer: shape.layer, d: [shape.d] });
    }
  });
  return [...groups.values()].sort((a, b) => a.layer - b.layer).map((g) => ({ paint: g.paint, d: g.d.join('') }));
}

/**
 * Many marks drawn as a few paths: every shape painted alike (a country's colour, a kind of estimate) joins one
 * path, so a measure with thousands of estimates costs a handful of elements, not thousands of groups. The marks
 * are the same as one by one (markShapes); a pointer finds the nearest one (its readout shows, a click opens it),
 * the keyboard steps through them as ever, and the one in focus is drawn again on top with its frame.
 */
export function DenseMarks({
  rows,
  yPx,
  r,
  uid,
  active,
  mark,
  onOpen,
  onHover,
}: {
  rows: readonly TimePoint[];
  yPx: (v: number) => number;
  r: number;
  uid: string;
  active: number | null;
  mark: (props: unknown) => React.ReactNode;
  onOpen: (id: string) => void;
  onHover: (index: number) => void;
}) {
  const x = useXAxisScale();
  const area = usePlotArea();
  if (!x || !area) return null;
  const at = rows.map((row) => ({ x: Number(x(row.t)), y: yPx(row.high) }));
  // Before the axes have told the chart their domain (its first render), the scale does not place the dates yet.
  if (!at.every((p) => Number.isFinite(p.x))) return null;
  const layers = densePaths(rows, at, yPx, r);
  // The vague estimates' bands, each a rectangle, share one fade per colour and solid part instead of one each.
  const fadeKey = (row: TimePoint) => `${countryColour(row.country)}|${row.solidTo ?? 0}`;
  const fades = new Map<string, string>();
  for (const row of rows) {
    if (row.kind === 'vague' && !fades.has(fadeKey(row))) fades.set(fadeKey(row), `fades-${uid}-${fades.size}`);
  }
  const pointAt = (event: React.MouseEvent<SVGRectElement>) => {
    const box = (event.currentTarget.ownerSVGElement ?? event.currentTarget).getBoundingClientRect();
    return nearestMark(at, event.clientX - box.left, event.clientY - box.top, r * 2);
  };
  return (
    <g className="over-time__marks" data-marks={rows.length}>
      {fades.size > 0 && (
        <defs>
          {[...fades].map(([key, id]) => {
            const [colour, solidTo] = key.split('|') as [string, string];
            return <FadeGradient key={id} id={id} colour={colour} solidTo={Number(solidTo)} />;
          })}
        </defs>
      )}
      {rows.map((row, i) =>
        row.kind === 'vague' ? (
          <VagueBand
            key={i}
            gradient={fades.get(fadeKey(row))!}
            cx={at[i]!.x}
            r={r}
            low={yPx(row.low)}
            high={at[i]!.y}
          />
        ) : null,
      )}
      {layers.map((layer, i) => (
        <ShapePath key={i} d={layer.d} paint={layer.paint} />
      ))}
      {active !== null && active < rows.length && mark({ cx: at[active]!.x, payload: { index: active } })}
      <rect
        className="over-time__hit"
        x={area.x}
        y={area.y}
        width={area.width}
        height={area.height}
        fill="transparent"
        onMouseMove={(event) => {
          const index = pointAt(event);
          event.currentTarget.style.cursor = index === null ? '' : 'pointer';
          if (index !== null) onHover(index);
        }}
        onClick={(event) => {
          const index = pointAt(event);
          if (index !== null) onOpen(rows[index]!.id);
        }}
      />
    </g>
  );
}
