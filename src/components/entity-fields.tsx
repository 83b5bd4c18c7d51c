/** The fields of an actor, an event or a place, as the analyst edits them (see item-fields). */
import { useId, type ReactNode } from 'react';
import { ACTOR_KINDS, type Actor, type Event, type Place } from '../model/dataset/schema';
import type { EntityKind } from '../model/corrections/item-problems';
import './item-fields.css';
import type { FieldVocabulary } from './item-fields';

type Editable = Actor | Event | Place;

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
