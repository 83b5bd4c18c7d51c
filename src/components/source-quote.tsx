import type { Source } from '../model/dataset/schema';
import { formatDate, sourceByline } from '../model/format/format';

interface SourceQuoteProps {
  quote: string;
  /** Who makes the claim or says the words. */
  claimant: string;
  source: Source;
  id?: string;
}

/** A verbatim quote with its attribution: who, in which story, published by whom and when. */
export function SourceQuote({ quote, claimant, source, id }: SourceQuoteProps) {
  return (
    <figure className="source-quote" id={id}>
      <blockquote>“{quote}”</blockquote>
      <figcaption>
        {claimant}, in <cite>{source.title}</cite> ({sourceByline(source)},{' '}
        <time dateTime={source.published}>{formatDate(source.published)}</time>)
      </figcaption>
    </figure>
  );
}
