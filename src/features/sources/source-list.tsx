import type { Dataset } from '../../model/schema';
import { formatDate, sourceByline } from '../../model/format';
import { selectSourceUses } from '../../model/selectors';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The stories every number and quote comes from, grouped by publisher. */
export function SourceList({ dataset }: { dataset: Dataset }) {
  const groups = selectSourceUses(dataset);
  return (
    <>
      {[...groups].map(([publisher, uses]) => (
        <div className="source-group" key={publisher}>
          <h3>
            {publisher}
            {uses[0] && uses[0].source.outlet !== publisher ? `, compiled by ${uses[0].source.outlet}` : ''}
          </h3>
          <ul className="source-list">
            {uses.map(({ source, figures, statements, events }) => (
              <li key={source.id} data-source-id={source.id}>
                <cite>{source.title}</cite>
                <span className="source-list__meta">
                  {sourceByline(source)} · <time dateTime={source.published}>{formatDate(source.published)}</time> ·{' '}
                  {plural(figures, 'figure')}, {plural(statements, 'quote')}, {plural(events, 'event')}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <p className="fine-print">
        Every number on this page is stated in one of these stories; its verbatim quote is one click away. Front line:
        DeepStateMap.live (situation 13 Feb 2025).
      </p>
    </>
  );
}
