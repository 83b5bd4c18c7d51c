import { useId, useState } from 'react';
import type { Figure, Source } from '../../model/schema';
import { amountParts, figureWhen, formatFigureValue, QUALIFIER_WORDS } from '../../model/format';
import { SourceQuote } from '../../components/source-quote';

interface FigureCardProps {
  figure: Figure;
  source: Source;
  /** Other estimates of the same measure, shown for comparison. */
  compare?: readonly Figure[];
}

/** One sourced number: value, qualifier, unit, period and claimant; its quote one click away. */
export function FigureCard({ figure, source, compare = [] }: FigureCardProps) {
  const [open, setOpen] = useState(false);
  const quoteId = useId();
  const titleId = useId();
  const amount = amountParts(figure);
  const qualifier = figure.qualifier === 'exact' ? null : QUALIFIER_WORDS[figure.qualifier];

  return (
    <article className="figure-card" aria-labelledby={titleId} data-figure-id={figure.id}>
      <h3 className="figure-card__label" id={titleId}>
        {figure.label}
      </h3>
      <p className="figure-card__value" aria-label={formatFigureValue(figure)}>
        {qualifier && <span className="qualifier">{qualifier}</span>}
        <span className="figure-card__number">{amount.number}</span>
        {amount.unit && <span className="figure-card__unit">{amount.unit}</span>}
      </p>
      <dl className="figure-card__meta">
        <dt>When</dt>
        <dd>{figureWhen(figure)}</dd>
        <dt>Claimed by</dt>
        <dd>{figure.claimant}</dd>
        <dt>Precision</dt>
        <dd>{QUALIFIER_WORDS[figure.qualifier]}</dd>
        {figure.derived && (
          <>
            <dt>Derived</dt>
            <dd>{figure.derived.formula}</dd>
          </>
        )}
      </dl>
      {figure.reading && <p className="figure-card__reading">Reading: {figure.reading}.</p>}
      {compare.map((other) => (
        <p className="figure-card__compare" key={other.id}>
          Other estimate: <strong>{formatFigureValue(other)}</strong> ({other.claimant}
          {other.reading ? `; ${other.reading}` : ''})
        </p>
      ))}
      <button
        type="button"
        className="figure-card__toggle"
        aria-expanded={open}
        aria-controls={quoteId}
        onClick={() => setOpen((v) => !v)}
      >
        <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
        Quote and source
      </button>
      <div id={quoteId} hidden={!open}>
        <SourceQuote quote={figure.quote} claimant={figure.claimant} source={source} />
        {figure.note && <p className="figure-card__reading">{figure.note}</p>}
      </div>
    </article>
  );
}
