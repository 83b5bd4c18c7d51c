/**
 * What a slide (and the printed handout) shows of the lists: figures, actors, events and stories, laid out
 * to be read from the back of a room. Plain presentation: the rows are computed by the caller from the
 * dataset and the filters; nothing here filters, sorts or counts.
 */
import type { Figure } from '../../model/dataset/schema';
import { figureWhen, formatDate, plural } from '../../model/format/format';
import { slideValue, type ActorRow, type EventRow, type StoryRow } from '../../model/deck/deck';

/** The opening slide: what the briefing covers and the stories it draws on. */
export function TitleSlideContent({
  lead,
  figureCount,
  eventCount,
  stories,
}: {
  lead: string;
  figureCount: number;
  eventCount: number;
  stories: readonly StoryRow[];
}) {
  return (
    <div className="title-slide">
      <p className="title-slide__lead">{lead}</p>
      <p className="title-slide__counts">
        {plural(figureCount, 'sourced figure')} · {plural(eventCount, 'dated event')} ·{' '}
        {stories.length === 1 ? '1 story' : `${stories.length} stories`}
      </p>
      {stories.length === 0 ? (
        <p>No story has a figure or an event under these filters.</p>
      ) : (
        <ul className="title-slide__stories" aria-label="Stories this briefing draws on">
          {stories.map((s) => (
            <li key={s.id}>
              {s.byline}, <cite>{s.title}</cite>, {formatDate(s.published)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Lead figures as large cards, or the others as rows: label, value (or the source's words), who claims it. */
export function FigureSlideContent({ figures, cards }: { figures: readonly Figure[]; cards: boolean }) {
  if (cards) {
    return (
      <ul className="slide-figures slide-figures--cards">
        {figures.map((f) => (
          <li key={f.id} className="slide-figure" data-figure-id={f.id}>
            <span className="slide-figure__label">{f.label}</span>
            <strong className="slide-figure__value">{slideValue(f)}</strong>
            <q className="slide-figure__quote">{f.quote}</q>
            <span className="slide-figure__meta">
              {figureWhen(f)} · {f.claimant}
            </span>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <table className="slide-table slide-figures">
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col">Value</th>
          <th scope="col">Claimed by</th>
        </tr>
      </thead>
      <tbody>
        {figures.map((f) => (
          <tr key={f.id} data-figure-id={f.id}>
            <th scope="row">
              {f.label}
              <span className="slide-table__sub"> · {figureWhen(f)}</span>
            </th>
            <td className="slide-table__value">{slideValue(f)}</td>
            <td>{f.claimant}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Actors as a compact table: who, kind and country, role, and what they appear in under the filters. */
export function ActorTable({ actors, caption }: { actors: readonly ActorRow[]; caption?: string }) {
  return (
    <table className="slide-table slide-actors">
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">Actor</th>
          <th scope="col">Role</th>
          <th scope="col">In this briefing</th>
        </tr>
      </thead>
      <tbody>
        {actors.map((a) => (
          <tr key={a.id} data-actor-id={a.id}>
            <th scope="row">
              <span className="slide-actors__name">{a.name}</span>
              <span className="slide-table__sub">{a.kind}</span>
            </th>
            <td>{a.role}</td>
            <td className="slide-table__counts">
              {plural(a.figures, 'figure')}, {plural(a.events, 'event')}, {plural(a.statements, 'quote')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Events in date order: when, what, who. */
export function EventTable({ events, caption }: { events: readonly EventRow[]; caption?: string }) {
  return (
    <table className="slide-table slide-events">
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Event</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id} data-event-id={e.id}>
            <td className="slide-events__date">{e.date}</td>
            <th scope="row">
              <span className="slide-events__title">{e.title}</span>
              {e.who.length > 0 && <span className="slide-table__sub">Who: {e.who.join(', ')}</span>}
            </th>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The stories, with what each supplies under the filters. */
export function StoryTable({ stories }: { stories: readonly StoryRow[] }) {
  return (
    <table className="slide-table slide-stories">
      <thead>
        <tr>
          <th scope="col">Story</th>
          <th scope="col">Published</th>
          <th scope="col">Supplies</th>
        </tr>
      </thead>
      <tbody>
        {stories.map((s) => (
          <tr key={s.id} data-source-id={s.id}>
            <th scope="row">
              <cite>{s.title}</cite>
              <span className="slide-table__sub">{s.byline}</span>
            </th>
            <td>{formatDate(s.published)}</td>
            <td className="slide-table__counts">
              {plural(s.figures, 'figure')}, {plural(s.events, 'event')}, {plural(s.statements, 'quote')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
