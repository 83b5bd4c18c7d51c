import { useId, type ReactNode } from 'react';
import type { Figure } from '../../model/dataset/schema';
import {
  amountParts,
  displayValue,
  figureWhen,
  formatFigureValue,
  formatReading,
  formatNumber,
  isVague,
  precisionWords,
  QUALIFIER_WORDS,
} from '../../model/format/format';
import { addedNote } from '../../state/user-data-labels';
import { corroborationWords, type Corroboration } from '../../model/measures/corroboration';
import './key-figures.css';

interface FigureCardProps {
  figure: Figure;
  /** Other estimates of the same measure, shown for comparison. */
  compare?: readonly Figure[];
  /** Lead cards show every detail; the others are compact. */
  lead?: boolean;
  /** The title of the story the figure is from: an added figure says where it came from. */
  storyTitle?: string;
  onOpen: (id: string) => void;
  /** Extra lines under the figure (e.g. its "check against the map"), composed by the app. */
  note?: ReactNode;
  /** Is it a lead figure the analyst pinned (itself or its measure)? With `onPin`: a "Pin as lead"/"Unpin" button. */
  pinned?: boolean;
  onPin?: () => void;
  /** How other sources' estimates of its measure compare: a mark that opens them. */
  corroboration?: Corroboration | undefined;
}

/** How many other estimates a lead card names; the rest are one click away, in the figure's detail. */
export const COMPARE_SHOWN = 3;

/** One sourced number: value, qualifier, unit, period and claimant; its quote and story one click away. */
export function FigureCard({
  figure,
  compare = [],
  lead = false,
  storyTitle,
  onOpen,
  note,
  pinned = false,
  onPin,
  corroboration,
}: FigureCardProps) {
  const titleId = useId();
  const amount = amountParts(figure);
  const qualifier = figure.qualifier === 'exact' ? null : QUALIFIER_WORDS[figure.qualifier];
  const vague = isVague(figure);

  return (
    <article
      className={`figure-card${lead ? ' figure-card--lead' : ''}`}
      aria-labelledby={titleId}
      data-figure-id={figure.id}
    >
      <h3 className="figure-card__label" id={titleId}>
        {figure.label}
      </h3>
      {vague ? (
        // Given in words ("hundreds", "around a fifth"): the words first, the number we read on demand.
        <p className="figure-card__value figure-card__value--words">
          <span className="figure-card__words">{displayValue(figure)}</span>
        </p>
      ) : (
        <p className="figure-card__value" aria-label={formatFigureValue(figure)}>
          {qualifier && <span className="qualifier">{qualifier}</span>}
          <span className="figure-card__number">{amount.number}</span>
          {amount.unit && <span className="figure-card__unit">{amount.unit}</span>}
          {figure.derived && <span className="badge badge--derived">derived</span>}
        </p>
      )}
      {lead ? (
        // A lead figure's attribution on one line, as a newsroom writes it: "IISS, 2024".
        <p className="figure-card__byline">
          <span className="visually-hidden">Claimed by </span>
          {figure.claimant}, <span className="visually-hidden">when: </span>
          {figureWhen(figure)}
          {vague && <span className="figure-card__precision"> · {precisionWords(figure)}</span>}
        </p>
      ) : (
        <dl className="figure-card__meta">
          <div>
            <dt>When</dt>
            <dd>{figureWhen(figure)}</dd>
          </div>
          <div>
            <dt>Claimed by</dt>
            <dd>{figure.claimant}</dd>
          </div>
        </dl>
      )}
      {vague && (
        <details className="figure-card__reading">
          <summary>
            Reading<span className="visually-hidden"> of “{figure.stated}” as a number</span>
          </summary>
          <p>{formatReading(figure)}</p>
        </details>
      )}
      {compare.slice(0, COMPARE_SHOWN).map((other) => (
        <p className="figure-card__compare" key={other.id}>
          Other estimate: <strong>{displayValue(other)}</strong> ({other.claimant})
        </p>
      ))}
      {compare.length > COMPARE_SHOWN && (
        // A team's measure can have thousands of estimates: the card names a few, the figure's detail has them all.
        <p className="figure-card__compare figure-card__compare--more">
          <button type="button" className="link-button" aria-haspopup="dialog" onClick={() => onOpen(figure.id)}>
            {`${formatNumber(compare.length - COMPARE_SHOWN)} more ${compare.length - COMPARE_SHOWN === 1 ? 'estimate' : 'estimates'} `}
            <span className="visually-hidden">of {figure.label}</span>
          </button>
        </p>
      )}
      {corroboration &&
        (corroboration.status === 'single' ? (
          <p className="figure-card__sources">
            <span className="corroboration corroboration--single">One source</span>
          </p>
        ) : (
          <p className="figure-card__sources">
            <button
              type="button"
              className={`corroboration corroboration--${corroboration.status}`}
              aria-haspopup="dialog"
              onClick={() => onOpen(figure.id)}
            >
              {corroborationWords(corroboration)}
              <span className="visually-hidden">: see the estimates of {figure.label}</span>
            </button>
          </p>
        ))}
      {note}
      {figure.addedAt && <p className="figure-card__added">{addedNote(figure.addedAt, storyTitle)}</p>}
      <div className="figure-card__actions">
        <button type="button" className="figure-card__open" aria-haspopup="dialog" onClick={() => onOpen(figure.id)}>
          Quote and source<span className="visually-hidden">: {figure.label}</span>
        </button>
        {onPin && (
          <button
            type="button"
            className={`figure-card__pin${pinned ? ' figure-card__pin--on' : ''}`}
            onClick={onPin}
            title={pinned ? 'Take it off the lead figures' : 'Show it (its newest estimate) among the lead figures'}
          >
            <span aria-hidden="true">{pinned ? '★' : '☆'}</span>{' '}
            <span className="figure-card__pin-words">{pinned ? 'Unpin' : 'Pin as lead'}</span>
            <span className="visually-hidden">: {figure.label}</span>
          </button>
        )}
      </div>
    </article>
  );
}
