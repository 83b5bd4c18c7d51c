import type { Dataset, Figure, Source } from '../../model/dataset/schema';
import { FIELD_WORDS, fieldValueWords } from '../../model/corrections/corrections';
import type { FieldValue } from '../../model/corrections/edits-schema';
import { formatDate, formatFigureValue, sourceByline } from '../../model/format/format';
import { useChoices } from '../../state/store';

/** "about 1,000 casualties a day", with "(derived)" when computed. */
export const valueOf = (f: Figure) => `${formatFigureValue(f)}${f.derived ? ' (derived)' : ''}`;

/** "Unit: tanks → armoured vehicles": a field's change in the words a history uses. */
export function fieldChange(dataset: Dataset, f: { field: string; before: unknown; after: unknown }): string {
  const words = (value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? JSON.stringify(value)
      : fieldValueWords(dataset, f.field, value as FieldValue | undefined);
  return `${FIELD_WORDS[f.field] ?? f.field}: ${words(f.before)} → ${words(f.after)}`;
}

/** Who, where, when: "Western officials · The New York Times, 14 Feb 2025"; or the story first, its title cited. */
export function Byline({
  claimant,
  source,
  title = true,
  titleFirst = false,
}: {
  claimant?: string;
  source: Source | undefined;
  title?: boolean;
  titleFirst?: boolean;
}) {
  if (source && titleFirst) {
    return (
      <span className="since__byline">
        <cite>{source.title}</cite>, {sourceByline(source)},{' '}
        <time dateTime={source.published}>{formatDate(source.published)}</time>
      </span>
    );
  }
  return (
    <span className="since__byline">
      {claimant && <>{claimant} · </>}
      {source ? (
        <>
          {sourceByline(source)},{' '}
          {title && (
            <>
              <cite>{source.title}</cite>,{' '}
            </>
          )}
          <time dateTime={source.published}>{formatDate(source.published)}</time>
        </>
      ) : (
        'source no longer in the dashboard'
      )}
    </span>
  );
}

/** Opens the figure's detail (quote and source) when it is in the dashboard; otherwise shows its quote here. */
export function FigureLink({
  figure,
  inDashboard,
  short = false,
}: {
  figure: Figure;
  inDashboard: boolean;
  short?: boolean;
}) {
  const openFigure = useChoices((s) => s.openFigure);
  if (!inDashboard) return <q className="since__quote">{figure.quote}</q>;
  return (
    <button
      type="button"
      className="button button--quiet since__link"
      aria-label={`Quote and source: ${figure.label}`}
      onClick={() => openFigure(figure.id)}
    >
      {short ? 'Quote' : 'Quote and source'}
    </button>
  );
}

export interface Lookups {
  dataset: Dataset;
  sources: Map<string, Source>;
  figureIds: Set<string>;
}

/** How many measures that moved, and how many new measures, the first screen shows (the rest one click away). */
export const MOVED_SHOWN = 5;
export const NEW_SHOWN = 3;

/** "Show all 12 new measures" / "Show fewer", when there are more than the first screen shows. */
export function MoreButton({
  total,
  limit,
  all,
  onToggle,
  what,
}: {
  total: number;
  limit: number;
  all: boolean;
  onToggle: (all: boolean) => void;
  what: string;
}) {
  if (total <= limit) return null;
  return (
    <button type="button" className="button button--quiet since__more-button" onClick={() => onToggle(!all)}>
      {all ? `Show the first ${limit} ${what}` : `Show all ${total} ${what}`}
    </button>
  );
}
