/** The fields of a figure, as the analyst edits them (see item-fields). */
import { useId, type ReactNode } from 'react';
import { QUALIFIERS, type Figure } from '../model/dataset/schema';
import { formatNumber, QUALIFIER_WORDS } from '../model/format/format';
import type { FigureField } from '../model/corrections/item-problems';
import './item-fields.css';
import type { FieldVocabulary } from './item-fields';

function hasAmount(f: Figure): boolean {
  return f.value !== undefined || (f.low !== undefined && f.high !== undefined);
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
export function FigureFields({
  figure,
  problems,
  vocabulary,
  onChange,
}: {
  figure: Figure;
  problems: Partial<Record<FigureField, string>>;
  vocabulary: FieldVocabulary;
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
