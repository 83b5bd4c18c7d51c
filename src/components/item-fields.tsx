/**
 * The fields of a figure, an actor, an event or a place, as the analyst edits them: in the review of an article
 * and when correcting an item from its detail ("Edit"). Each problem shows next to its field.
 */
import { useId, type ReactNode } from 'react';
import {
  ACTOR_KINDS,
  QUALIFIERS,
  type Actor,
  type Country,
  type Event,
  type Figure,
  type Place,
  type Topic,
  type UnitInfo,
} from '../model/dataset/schema';
import { formatNumber, QUALIFIER_WORDS } from '../model/format/format';
import type { EntityKind, FigureField } from '../model/corrections/item-problems';
import './item-fields.css';

/** The lists the fields choose from. */
export interface FieldVocabulary {
  units: readonly UnitInfo[];
  countries: readonly Country[];
  topics: readonly Topic[];
}

type Editable = Actor | Event | Place;

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

/** A labelled field: the control is given the id its label points at, and its error under it. */
function LabelledField({
  label,
  error,
  children,
}: {
  label: string;
  error: string | undefined;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** Marks a control invalid and points it at its error. */
const invalid = (id: string, error: string | undefined) =>
  error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};

const numberOr = (text: string, fallback: number) => {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : fallback;
};

/** The fields of an actor, event or place; each problem shows under its field. */
export function EntityFields({
  kind,
  item,
  problems,
  vocabulary,
  onChange,
}: {
  kind: EntityKind;
  item: Editable;
  problems: Record<string, string>;
  vocabulary: Pick<FieldVocabulary, 'countries'>;
  onChange: (item: Editable) => void;
}) {
  const set = (patch: Partial<Actor> | Partial<Event> | Partial<Place>) => onChange({ ...item, ...patch } as Editable);
  const countryOptions = (
    <>
      {vocabulary.countries.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </>
  );
  if (kind === 'actors') {
    const a = item as Actor;
    return (
      <div className="figure-fields">
        <LabelledField label="Name" error={problems['name']}>
          {(id) => (
            <input
              id={id}
              {...invalid(id, problems['name'])}
              value={a.name}
              onChange={(e) => set({ name: e.target.value })}
            />
          )}
        </LabelledField>
        <LabelledField label="Kind" error={problems['kind']}>
          {(id) => (
            <select
              id={id}
              {...invalid(id, problems['kind'])}
              value={a.kind}
              onChange={(e) => set({ kind: e.target.value as Actor['kind'] })}
            >
              {ACTOR_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
        <LabelledField label="Country" error={problems['country']}>
          {(id) => (
            <select
              id={id}
              {...invalid(id, problems['country'])}
              value={a.country ?? ''}
              onChange={(e) => set({ country: e.target.value || null })}
            >
              <option value="">None (international)</option>
              {countryOptions}
            </select>
          )}
        </LabelledField>
        <LabelledField label="Role, in your words" error={problems['role']}>
          {(id) => (
            <input
              id={id}
              {...invalid(id, problems['role'])}
              value={a.role}
              onChange={(e) => set({ role: e.target.value })}
            />
          )}
        </LabelledField>
      </div>
    );
  }
  if (kind === 'events') {
    const e = item as Event;
    return (
      <div className="figure-fields">
        <LabelledField label="Title" error={problems['title']}>
          {(id) => (
            <input
              id={id}
              {...invalid(id, problems['title'])}
              value={e.title}
              onChange={(ev) => set({ title: ev.target.value })}
            />
          )}
        </LabelledField>
        <LabelledField label="Date (YYYY, YYYY-MM or YYYY-MM-DD)" error={problems['date']}>
          {(id) => (
            <input
              id={id}
              {...invalid(id, problems['date'])}
              value={e.date}
              onChange={(ev) => set({ date: ev.target.value })}
            />
          )}
        </LabelledField>
        <LabelledField label="Ends (optional)" error={problems['endDate']}>
          {(id) => (
            <input
              id={id}
              {...invalid(id, problems['endDate'])}
              value={e.endDate ?? ''}
              onChange={(ev) => {
                const { endDate: _end, ...rest } = e;
                onChange(ev.target.value ? { ...rest, endDate: ev.target.value } : rest);
              }}
            />
          )}
        </LabelledField>
      </div>
    );
  }
  const p = item as Place;
  return (
    <div className="figure-fields">
      <LabelledField label="Name" error={problems['name']}>
        {(id) => (
          <input
            id={id}
            {...invalid(id, problems['name'])}
            value={p.name}
            onChange={(e) => set({ name: e.target.value })}
          />
        )}
      </LabelledField>
      <LabelledField label="Country" error={problems['country']}>
        {(id) => (
          <select
            id={id}
            {...invalid(id, problems['country'])}
            value={p.country}
            onChange={(e) => set({ country: e.target.value })}
          >
            {countryOptions}
          </select>
        )}
      </LabelledField>
      <LabelledField label="Latitude" error={problems['lat']}>
        {(id) => (
          <input
            id={id}
            {...invalid(id, problems['lat'])}
            type="number"
            step="any"
            value={p.lat}
            onChange={(e) => set({ lat: numberOr(e.target.value, p.lat) })}
          />
        )}
      </LabelledField>
      <LabelledField label="Longitude" error={problems['lon']}>
        {(id) => (
          <input
            id={id}
            {...invalid(id, problems['lon'])}
            type="number"
            step="any"
            value={p.lon}
            onChange={(e) => set({ lon: numberOr(e.target.value, p.lon) })}
          />
        )}
      </LabelledField>
    </div>
  );
}
