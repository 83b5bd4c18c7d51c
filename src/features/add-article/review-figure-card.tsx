import { useId, useState } from 'react';
import { type Country, type Figure, type ItemStatus, type Topic, type UnitInfo } from '../../model/dataset/schema';
import { figureWhen, formatFigureValue } from '../../model/format/format';
import type { FigureField } from '../../model/corrections/item-problems';
import { FigureFields } from '../../components/item-fields';

/** What the review's cards and lists choose from and name: units, countries, topics, measures. */
export interface ReviewVocabulary {
  units: readonly UnitInfo[];
  countries: readonly Country[];
  topics: readonly Topic[];
  /** Units the article brings that the dashboard does not have yet (they come in with their figures). */
  newUnits: ReadonlySet<string>;
  /** A tracked measure's name in words: the label of a figure of that measure. */
  measureName: (measure: string) => string | undefined;
}

interface ReviewFigureCardProps {
  figure: Figure;
  selected: boolean;
  problems: Partial<Record<FigureField, string>>;
  vocabulary: ReviewVocabulary;
  onSelect: (id: string) => void;
  onChange: (figure: Figure) => void;
  onStatus: (id: string, status: ItemStatus) => void;
}

const STATUS_WORDS: Record<ItemStatus, string> = { proposed: 'To review', accepted: 'Accepted', rejected: 'Rejected' };

function hasAmount(f: Figure): boolean {
  return f.value !== undefined || (f.low !== undefined && f.high !== undefined);
}

/** One proposed figure in the review: its value, quote and claimant, Accept / Reject, and its fields when selected. */
export function ReviewFigureCard(props: ReviewFigureCardProps) {
  const { figure, selected, problems, vocabulary, onSelect, onChange, onStatus } = props;
  const headId = useId();
  const status = figure.status ?? 'proposed';
  const invalid = Object.keys(problems).length > 0;
  const names = (list: readonly { id: string; name?: string; label?: string }[], ids: readonly string[]) =>
    ids.map((id) => {
      const item = list.find((x) => x.id === id);
      return item?.name ?? item?.label ?? id;
    });

  const newUnit = vocabulary.newUnits.has(figure.unit);
  const suggestion = figure.measureSuggestion;
  const suggested = suggestion ? (vocabulary.measureName(suggestion.measure) ?? suggestion.measure) : undefined;

  return (
    <li
      className={`review-item review-item--${status}${selected ? ' review-item--selected' : ''}`}
      data-item-id={figure.id}
    >
      <div role="group" aria-labelledby={headId} className="review-item__group">
        <div className="review-item__head">
          <button
            type="button"
            id={headId}
            className="review-item__title"
            aria-expanded={selected}
            onClick={() => onSelect(figure.id)}
          >
            {/* The article's own words first; the number we read from them is one click away. */}
            <span className="review-item__value">“{figure.stated}”</span>
            <span className="review-item__label">{figure.label || 'Label to write'}</span>
            <span className="review-item__edit" aria-hidden="true">
              {selected ? 'Close the fields ▴' : 'Check and edit ▾'}
            </span>
          </button>
          <span className={`review-item__status review-item__status--${status}`}>{STATUS_WORDS[status]}</span>
        </div>
        <Reading figure={figure} />
        <blockquote className="review-item__quote">“{figure.quote}”</blockquote>
        <p className="review-item__meta">
          Claimed by {figure.claimant || '—'} · {figure.date || figure.period ? figureWhen(figure) : 'date to enter'} ·{' '}
          {names(vocabulary.countries, figure.countries).join(', ') || 'no country'}
          {newUnit && ` · new unit: ${vocabulary.units.find((u) => u.id === figure.unit)?.label ?? figure.unit}`}
        </p>
        {figure.doubts && figure.doubts.length > 0 && status === 'proposed' && (
          <ul className="review-item__doubts" aria-label="To check">
            {figure.doubts.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
        {suggestion && (
          <div className="review-item__measure">
            <p>
              <strong>May be a new estimate of “{suggested}”</strong>, a measure already tracked. {suggestion.reason}{' '}
              Not linked until you say so.
            </p>
            <div className="review-item__actions">
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  const { measureSuggestion: _s, ...rest } = figure;
                  onChange({ ...rest, measure: suggestion.measure });
                }}
              >
                Link to measure
              </button>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  const { measureSuggestion: _s, ...rest } = figure;
                  onChange(rest);
                }}
              >
                Keep separate
              </button>
            </div>
          </div>
        )}
        {figure.measure !== figure.id && !suggestion && vocabulary.measureName(figure.measure) && (
          <p className="review-item__meta">Linked to the measure “{vocabulary.measureName(figure.measure)}”.</p>
        )}
        <div className="review-item__actions">
          <button
            type="button"
            className="button button--accept"
            aria-pressed={status === 'accepted'}
            onClick={() => onStatus(figure.id, status === 'accepted' ? 'proposed' : 'accepted')}
          >
            Accept
          </button>
          <button
            type="button"
            className="button button--quiet button--reject"
            aria-pressed={status === 'rejected'}
            onClick={() => onStatus(figure.id, status === 'rejected' ? 'proposed' : 'rejected')}
          >
            Reject
          </button>
          {invalid && status !== 'rejected' && (
            <span className="review-item__problem">
              {selected ? 'Fix the marked fields to accept it.' : 'Needs a fix before it can be accepted.'}
            </span>
          )}
        </div>
        {selected && <FigureFields figure={figure} problems={problems} vocabulary={vocabulary} onChange={onChange} />}
      </div>
    </li>
  );
}

/** "Reading": the number, unit and qualifier read from the stated words, shown on demand. */
function Reading({ figure }: { figure: Figure }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!hasAmount(figure)) return <p className="review-item__reading">Number to enter</p>;
  return (
    <div className="review-item__reading">
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        Reading
      </button>
      <span id={id} hidden={!open}>
        {' '}
        read as {formatFigureValue(figure)}
        {figure.reading ? ` (${figure.reading}: a fixed reading of words, not a measurement)` : ''}
        {figure.value !== undefined && figure.value < 0 ? '; a fall, stored as a negative change' : ''}
      </span>
    </div>
  );
}
