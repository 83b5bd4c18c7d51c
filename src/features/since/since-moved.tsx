import { useId, useState } from 'react';
import {
  changeWords,
  type ClaimantMove,
  type MeasureMove,
  type SinceSummary,
} from '../../model/briefing/since-summary';
import type { Figure } from '../../model/dataset/schema';
import { plural } from '../../model/format/format';
import { FigureLink, MoreButton, NEW_SHOWN, valueOf, type Lookups } from './since-common';

/** The change of one claimant's estimate in words: "+25 %", "new claimant", "in another unit". */
function moveWords(move: ClaimantMove): string {
  if (move.change !== undefined) return changeWords(move.change);
  if (!move.then) return 'new claimant';
  return move.noChange ?? '—';
}

/** "about 1,000 casualties a day (Western officials)". */
const valueBy = (f: Figure) => `${valueOf(f)} (${f.claimant})`;

/**
 * The measures that moved, one row group each: per claimant then → now and the change, and what the briefing
 * held from the other claimants. A table on a wide screen, stacked rows on a phone.
 */
export function MovedTable({
  moved,
  lookups,
  shown,
}: {
  moved: readonly MeasureMove[];
  lookups: Lookups;
  /** How many measures show on screen (all print). */
  shown: number;
}) {
  return (
    <table className="since__table since__moved">
      <caption className="visually-hidden">
        Measures with new estimates or corrected values, the largest move first
      </caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col">Claimant</th>
          <th scope="col">Then</th>
          <th scope="col">Now</th>
          <th scope="col">Change</th>
          <th scope="col">
            <span className="visually-hidden">Quote and source</span>
          </th>
        </tr>
      </thead>
      {moved.map((m, index) => (
        <tbody
          key={m.measure}
          data-measure={m.measure}
          className={index >= shown ? 'since__more' : undefined}
          hidden={index >= shown}
        >
          {m.moves.map((move, i) => (
            <tr key={move.now.id} data-figure-id={move.now.id}>
              {i === 0 && (
                <th
                  scope="rowgroup"
                  rowSpan={m.moves.length + (m.earlier.length > 0 ? 1 : 0)}
                  className="since__measure-name"
                >
                  {m.label}
                  {m.corrected && <span className="since__muted"> (corrected)</span>}
                </th>
              )}
              <td data-label="Claimant">{move.claimant}</td>
              <td data-label="Then" className="since__value">
                {move.then ? valueOf(move.then) : <span className="since__muted">—</span>}
              </td>
              <td data-label="Now" className="since__value">
                <strong>{valueOf(move.now)}</strong>
              </td>
              <td
                data-label="Change"
                className={`since__change${move.change !== undefined ? '' : ' since__muted'}`}
                data-change={move.change !== undefined ? Math.sign(move.change) : undefined}
              >
                {moveWords(move)}
              </td>
              <td>
                <FigureLink figure={move.now} inDashboard={lookups.figureIds.has(move.now.id)} short />
              </td>
            </tr>
          ))}
          {m.earlier.length > 0 && (
            <tr className="since__earlier">
              <td colSpan={5}>
                <span className="since__muted">In the briefing: </span>
                {m.earlier.map((f, i) => (
                  <span key={f.id} data-figure-id={f.id}>
                    {i > 0 && '; '}
                    {valueBy(f)}
                  </span>
                ))}
              </td>
            </tr>
          )}
        </tbody>
      ))}
    </table>
  );
}

/** Measures of the registry with figures now and none in the briefing: the newest value of each. */
export function NewMeasures({ measures, lookups }: { measures: SinceSummary['newMeasures']; lookups: Lookups }) {
  const id = useId();
  const [all, setAll] = useState(false);
  if (measures.length === 0) return null;
  const shown = all ? measures.length : NEW_SHOWN;
  return (
    <section className="since__section" aria-labelledby={id}>
      <div className="since__section-head">
        <h3 id={id}>
          New measures <span className="since__count">({measures.length})</span>
        </h3>
        <MoreButton total={measures.length} limit={NEW_SHOWN} all={all} onToggle={setAll} what="new measures" />
      </div>
      <ul className="since__compact" aria-labelledby={id}>
        {measures.map((m, index) => {
          const newest = m.figures.at(-1)!;
          return (
            <li
              key={m.measure}
              data-measure={m.measure}
              data-figure-id={newest.id}
              className={index >= shown ? 'since__more' : undefined}
              hidden={index >= shown}
            >
              <span className="since__measure-name">{m.label}</span>:{' '}
              <strong className="since__value">{valueOf(newest)}</strong>{' '}
              <span className="since__muted">
                ({newest.claimant}
                {m.figures.length > 1 ? `; ${plural(m.figures.length - 1, 'other figure')}` : ''})
              </span>{' '}
              <FigureLink figure={newest} inDashboard={lookups.figureIds.has(newest.id)} short />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
