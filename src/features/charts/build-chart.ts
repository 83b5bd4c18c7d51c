/**
 * A chart's model from its spec and the figures that pass the filters: bar panels (see `panelKey`), or
 * an over-time drawing. Pure.
 */
import type { Figure, Source } from '../../model/dataset/schema';
import { axisWords, sourceByline, unitInfo } from '../../model/format/format';
import { measureLabel, panelKey, type ChartSpec } from './chart-specs';
import { buildPanel, type ChartModel } from './series';
import { buildOverTime } from './over-time';

/** Money amounts of an added panel spanning two orders of magnitude or more go on a log scale. */
function autoScale(figures: readonly Figure[]): 'linear' | 'log' {
  const values = figures.flatMap((f) => (f.value !== undefined ? [f.value] : [f.low ?? 0, f.high ?? 0]));
  if (values.length < 2 || values.some((v) => v <= 0)) return 'linear';
  if (unitInfo(figures[0]!.unit).dimension !== 'money') return 'linear';
  return Math.max(...values) / Math.min(...values) >= 100 ? 'log' : 'linear';
}

/** The newest publication date of the stories behind some figures: what a chart of them is "as of". */
export function figuresAsOf(figures: readonly Figure[], sources: ReadonlyMap<string, Source>): string {
  let newest = '';
  for (const f of figures) {
    const published = sources.get(f.sourceId)?.published ?? '';
    if (published > newest) newest = published;
  }
  return newest;
}

/** The chart's panels from the figures that pass the filters (see `panelKey`); empty when none do. */
export function buildChart(spec: ChartSpec, figures: readonly Figure[], sources: readonly Source[]): ChartModel {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const chosen = spec.measures.flatMap((m) => figures.filter((f) => f.measure === m));
  const publishers = [
    ...new Set(
      chosen
        .map((f) => byId.get(f.sourceId))
        .filter((s) => s !== undefined)
        .map(sourceByline),
    ),
  ];
  const common = { spec, sourceLine: publishers.join('; '), asOf: figuresAsOf(chosen, byId) };
  if (spec.kind === 'over-time') {
    const overTime = buildOverTime(chosen, byId);
    return { ...common, panels: [], notDrawn: 0, ...(overTime ? { overTime } : {}) };
  }
  const groups = new Map<string, Figure[]>();
  for (const f of chosen) {
    const key = panelKey(spec, f);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  // The chart's own measures first, in its order; then the panels of added figures, the fullest first
  // (a comparison before a lone figure), as many as keep the chart readable and on one printed page.
  const isOwn = (list: Figure[]) => !(spec.added?.includes(list[0]!.measure) ?? false);
  const own = [...groups].filter(([, list]) => isOwn(list));
  const added = [...groups].filter(([, list]) => !isOwn(list)).sort((a, b) => b[1].length - a[1].length);
  const room = Math.max(0, MAX_PANELS - own.length);
  const kept = [...own, ...added.slice(0, room)];
  const left = added.slice(room);
  const panels = kept.map(([key, list]) => {
    const unit = list[0]!.unit;
    const measures = new Set(list.map((f) => f.measure));
    const single = measures.size === 1 && !key.startsWith('group:');
    return buildPanel(unit, list, spec, byId, {
      // A panel of one measure is headed by the measure and its bars say who estimates it.
      ...(single
        ? { title: measureLabel(list), rowLabel: 'claimant' as const }
        : { title: capitalise(axisWords(unit)), rowLabel: 'label' as const }),
      ...(!isOwn(list) && spec.scale !== 'log' ? { scale: autoScale(list) } : {}),
    });
  });
  return { ...common, panels, notDrawn: left.reduce((n, [, list]) => n + list.length, 0) };
}

/** A chart draws at most this many panels; figures of further panels are said, and stay under Key figures. */
export const MAX_PANELS = 6;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Does the chart have anything to draw? */
export function hasContent(model: ChartModel): boolean {
  return model.panels.length > 0 || (model.overTime?.rows.length ?? 0) > 0;
}
