import { formatDate } from '../../../model/format/format';
import { km2ToSqMi } from '../../../model/frontline/frontline';
import {
  MARK_WORDS,
  formatKm2,
  formatSqMi,
  type AreaPoint,
  type GainBar,
} from '../../../model/frontline/frontline-series';

function signed(km2: number): string {
  return `${km2 >= 0 ? '+' : ''}${formatKm2(km2)}`;
}

/** The day under the pointer or the keyboard's focus, in words (the readout and the live region). */
export function dayWords(point: AreaPoint): { label: string; value: string; flags: string[] } {
  return {
    label: `Situation ${formatDate(point.date)}`,
    value:
      point.areaKm2 === null
        ? 'No file for this day (gap)'
        : `${formatKm2(point.areaKm2)} · ${formatSqMi(km2ToSqMi(point.areaKm2))}`,
    flags: point.flags.map((flag) => MARK_WORDS[flag]),
  };
}

/** The month under the pointer or the keyboard's focus, in words. */
export function monthWords(bar: GainBar): { label: string; value: string; flags: string[]; span: string } {
  return {
    label: `${bar.label}, net gain`,
    value: `${signed(bar.gainKm2)} · ${bar.gainSqMi >= 0 ? '+' : ''}${formatSqMi(bar.gainSqMi)}`,
    span: `${formatDate(bar.from)} to ${formatDate(bar.to)} (${bar.days} days)`,
    flags: bar.flags,
  };
}

export interface ReadoutProps {
  /** Which panel (data-readout). */
  panel: 'area' | 'gains';
  words: { label: string; value: string; flags: string[]; span?: string } | null;
  hint: string;
}

/**
 * The readout line under a panel: what the pointer, a tap or the keyboard picked, or how to pick one. It keeps its
 * place when empty, so the page never jumps as the pointer crosses the chart, and it never covers the drawing.
 */
export function Readout({ panel, words, hint }: ReadoutProps) {
  return (
    <div className={`frontline-readout${words ? '' : ' frontline-readout--empty'}`} data-readout={panel}>
      {words ? (
        <p>
          <span className="frontline-readout__label">{words.label}:</span>{' '}
          <span className="frontline-readout__value">{words.value}</span>
          {words.span && <span className="frontline-readout__note"> · {words.span}</span>}
          {words.flags.map((flag) => (
            <span key={flag} className="frontline-readout__flag">
              {' '}
              · {flag}
            </span>
          ))}
        </p>
      ) : (
        <p className="frontline-readout__hint">{hint}</p>
      )}
    </div>
  );
}

/** The live region: speaks the picked point only while the keyboard is on the chart. */
export function Spoken({ words, on }: { words: ReadoutProps['words']; on: boolean }) {
  const text =
    on && words
      ? `${words.label}: ${words.value}${words.span ? `, ${words.span}` : ''}${words.flags.map((f) => `. ${f}`).join('')}.`
      : '';
  return (
    <p className="visually-hidden" aria-live="polite">
      {text}
    </p>
  );
}
