import { useId, useState, type ReactNode } from 'react';
import { QUALIFIERS, type Country, type Figure, type ItemStatus, type Topic, type UnitInfo } from '../../model/schema';
import { figureWhen, formatFigureValue, formatNumber, QUALIFIER_WORDS } from '../../model/format';
import type { FigureField } from './review-state';

export interface Vocabulary {
  units: readonly UnitInfo[];
  countries: readonly Country[];
  topics: readonly Topic[];
  /** Units the article brings that the dashboard does not have yet (they come in with their figures). */
  newUnits: ReadonlySet<string>;
  /** A tracked measure's name in words: the label of a figure of that measure. */
  measureName: (measure: string) => string | undefined;
}

interface FigureCardProps {
  figure: Figure;
  selected: boolean;
  problems: Partial<Record<FigureField, string>>;
  vocabulary: Vocabulary;
  onSelect: (id: string) => void;
  onChange: (figure: Figure) => void;
  onStatus: (id: string, status: ItemStatus) => void;
}

const STATUS_WORDS: Record<ItemStatus, string> = { proposed: 'To review', accepted: 'Accepted', rejected: 'Rejected' };

function hasAmount(f: Figure): boolean {
  return f.value !== undefined || (f.low !== undefined && f.high !== undefined);
}

/** One proposed figure: its value, quote and claimant, Accept / Reject, and its fields when selected. */
export function FigureCard(props: FigureCardProps) {
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

function Field({
  label,
  error,
  id,
  children,
  wide,
}: {
  label: string;
  error: string | undefined;
  id: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <div className={`field${wide ? ' field--wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function numberOrUndefined(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** The editable fields of the selected figure; each problem shows next to its field. */
function FigureFields({
  figure,
  problems,
  vocabulary,
  onChange,
}: {
  figure: Figure;
  problems: Partial<Record<FigureField, string>>;
  vocabulary: Vocabulary;
  onChange: (figure: Figure) => void;
}) {
  const base = useId();
  const id = (name: string) => `${base}-${name}`;
  const isRange = figure.value === undefined && (figure.low !== undefined || figure.high !== undefined);
  const set = (patch: Partial<Figure>) => onChange({ ...figure, ...patch });
  const described = (field: FigureField, name: string) =>
    problems[field] ? { 'aria-invalid': true, 'aria-describedby': `${id(name)}-error` } : {};
  const units = vocabulary.units.some((u) => u.id === figure.unit)
    ? vocabulary.units
    : [...vocabulary.units, { id: figure.unit, label: figure.unit, dimension: 'count' }];

  const toggle = (list: readonly string[], item: string) =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

  return (
    <div className="figure-fields">
      <Field label="Label" id={id('label')} error={problems.label} wide>
        <input
          id={id('label')}
          value={figure.label}
          placeholder="In your own words: “Russian oil output”"
          onChange={(e) => set({ label: e.target.value })}
          {...described('label', 'label')}
        />
      </Field>

      <fieldset className="field field--wide figure-fields__amount">
        <legend>Amount</legend>
        {isRange ? (
          <div className="figure-fields__range">
            <label>
              <span>Low</span>
              <input
                type="number"
                step="any"
                value={figure.low ?? ''}
                onChange={(e) => set({ low: numberOrUndefined(e.target.value) })}
                {...described('value', 'value')}
              />
            </label>
            <label>
              <span>High</span>
              <input
                type="number"
                step="any"
                value={figure.high ?? ''}
                onChange={(e) => set({ high: numberOrUndefined(e.target.value) })}
                {...described('value', 'value')}
              />
            </label>
          </div>
        ) : (
          <label className="figure-fields__value">
            <span>Value</span>
            <input
              type="number"
              step="any"
              value={figure.value ?? ''}
              onChange={(e) => set({ value: numberOrUndefined(e.target.value) })}
              {...described('value', 'value')}
            />
          </label>
        )}
        <label className="check">
          <input
            type="checkbox"
            checked={isRange}
            onChange={(e) =>
              e.target.checked
                ? set({ value: undefined, low: figure.value, high: figure.value })
                : set({ value: figure.low ?? figure.high, low: undefined, high: undefined })
            }
          />
          A range
        </label>
        <span className="figure-fields__reads" aria-live="polite">
          {hasAmount(figure) &&
            `Reads: ${isRange ? `${formatNumber(figure.low!)}–${formatNumber(figure.high!)}` : formatNumber(figure.value!)} · stated “${figure.stated}”`}
        </span>
        {problems.value && (
          <p className="field__error" id={`${id('value')}-error`}>
            {problems.value}
          </p>
        )}
      </fieldset>

      <Field label="Unit" id={id('unit')} error={problems.unit}>
        <select
          id={id('unit')}
          value={figure.unit}
          onChange={(e) => set({ unit: e.target.value })}
          {...described('unit', 'unit')}
        >
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.axis ?? u.label}
            </option>
          ))}
        </select>
      </Field>

      <Field label="Qualifier" id={id('qualifier')} error={problems.qualifier}>
        <select
          id={id('qualifier')}
          value={figure.qualifier}
          onChange={(e) => set({ qualifier: e.target.value as Figure['qualifier'] })}
        >
          {QUALIFIERS.map((q) => (
            <option key={q} value={q}>
              {QUALIFIER_WORDS[q]}
            </option>
          ))}
        </select>
      </Field>

      <Field label="Claimant" id={id('claimant')} error={problems.claimant}>
        <input
          id={id('claimant')}
          value={figure.claimant}
          onChange={(e) => set({ claimant: e.target.value })}
          {...described('claimant', 'claimant')}
        />
      </Field>

      <Field label="Date" id={id('date')} error={problems.when}>
        <input
          id={id('date')}
          type="date"
          value={figure.date ?? ''}
          onChange={(e) => set({ date: e.target.value || undefined })}
          {...described('when', 'date')}
        />
      </Field>

      <Field label="or Period" id={id('period')} error={undefined}>
        <input
          id={id('period')}
          value={figure.period ?? ''}
          placeholder="2024, Q1 2025…"
          onChange={(e) => set({ period: e.target.value || undefined })}
        />
      </Field>
      {figure.dateNote && <p className="figure-fields__note field--wide">{figure.dateNote}</p>}

      <fieldset
        className="field field--wide"
        {...(problems.countries ? { 'aria-describedby': `${id('countries')}-error` } : {})}
      >
        <legend>Countries</legend>
        <div className="check-list">
          {vocabulary.countries.map((c) => (
            <label key={c.id} className="check">
              <input
                type="checkbox"
                checked={figure.countries.includes(c.id)}
                onChange={() => set({ countries: toggle(figure.countries, c.id) })}
              />
              {c.name}
            </label>
          ))}
        </div>
        {problems.countries && (
          <p className="field__error" id={`${id('countries')}-error`}>
            {problems.countries}
          </p>
        )}
      </fieldset>

      <fieldset
        className="field field--wide"
        {...(problems.topics ? { 'aria-describedby': `${id('topics')}-error` } : {})}
      >
        <legend>Topics</legend>
        <div className="check-list">
          {vocabulary.topics.map((t) => (
            <label key={t.id} className="check">
              <input
                type="checkbox"
                checked={figure.topics.includes(t.id)}
                onChange={() => set({ topics: toggle(figure.topics, t.id) })}
              />
              {t.label}
            </label>
          ))}
        </div>
        {problems.topics && (
          <p className="field__error" id={`${id('topics')}-error`}>
            {problems.topics}
          </p>
        )}
      </fieldset>

      {(problems.quote || figure.note || figure.reading) && (
        <div className="field--wide figure-fields__notes">
          {problems.quote && <p className="field__error">{problems.quote}</p>}
          {figure.reading && <p>Reading: {figure.reading}</p>}
          {figure.note && <p>Note: {figure.note}</p>}
        </div>
      )}
    </div>
  );
}
