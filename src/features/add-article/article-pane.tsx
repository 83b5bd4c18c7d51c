import { useEffect, useMemo, useRef, useState } from 'react';
import type { ItemStatus } from '../../model/dataset/schema';
import { quoteSpans, segmentText } from './marks';

interface ArticlePaneProps {
  text: string;
  figures: readonly { id: string; quote: string; status?: ItemStatus }[];
  selected: string | null;
  onSelect: (id: string) => void;
  /** The analyst selected words the engine missed: they become a new figure's quote. */
  onAddFromSelection: (quote: string) => void;
}

const MAX_WORDS = 40;

/** The words selected inside `pane`, or "" when the selection is elsewhere or empty. */
function selectedWords(pane: HTMLElement | null): string {
  const selection = window.getSelection();
  if (!pane || !selection || selection.isCollapsed || selection.rangeCount === 0) return '';
  const range = selection.getRangeAt(0);
  if (!pane.contains(range.startContainer) || !pane.contains(range.endContainer)) return '';
  return selection.toString().trim();
}

/**
 * The article as plain text (never HTML), each proposed figure's quote highlighted where it stands.
 * A click on a highlight selects its figure; selecting a figure in the list scrolls its highlight into view.
 */
export function ArticlePane({ text, figures, selected, onSelect, onAddFromSelection }: ArticlePaneProps) {
  const textRef = useRef<HTMLDivElement>(null);
  const lastSelection = useRef('');
  const [hint, setHint] = useState<string | null>(null);
  const segments = useMemo(() => segmentText(text, quoteSpans(text, figures)), [text, figures]);
  const status = useMemo(() => new Map(figures.map((f) => [f.id, f.status ?? 'proposed'])), [figures]);

  // Touch screens clear the selection when the button is tapped: remember the last one made in the article.
  useEffect(() => {
    const remember = () => {
      const words = selectedWords(textRef.current);
      if (words) lastSelection.current = words;
    };
    document.addEventListener('selectionchange', remember);
    return () => document.removeEventListener('selectionchange', remember);
  }, []);

  useEffect(() => {
    if (!selected) return;
    const mark = textRef.current?.querySelector<HTMLElement>(`mark[data-ids~="${CSS.escape(selected)}"]`);
    mark?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [selected]);

  const addFromSelection = () => {
    const words = selectedWords(textRef.current) || lastSelection.current;
    lastSelection.current = '';
    if (!words) {
      setHint('First select, in the article, the words that state the number.');
      return;
    }
    if (words.split(/\s+/).length > MAX_WORDS) {
      setHint('Select a shorter passage: the clause that states the number (at most about 30 words).');
      return;
    }
    if (!text.includes(words)) {
      setHint('Select words inside the article only.');
      return;
    }
    setHint(null);
    window.getSelection()?.removeAllRanges();
    onAddFromSelection(words);
  };

  return (
    <section className="review__article" aria-label="Article">
      <div className="review__pane-bar">
        <h3 className="review__pane-title">The article</h3>
        <button type="button" className="button button--quiet" onClick={addFromSelection}>
          Add figure from selection
        </button>
      </div>
      <p className={`review__hint${hint ? '' : ' review__hint--default'}`} role="status">
        {hint ??
          'Highlighted: the quotes of proposed figures. Missed one? Select its words, then “Add figure from selection”.'}
      </p>
      <div className="review__text" ref={textRef}>
        {segments.map((segment) => {
          if (segment.ids.length === 0) return <span key={segment.start}>{segment.text}</span>;
          const owner = segment.ids.includes(selected ?? '') ? selected! : segment.ids[0]!;
          return (
            <mark
              key={segment.start}
              data-ids={segment.ids.join(' ')}
              className={`quote-mark quote-mark--${status.get(owner)}${segment.ids.includes(selected ?? '') ? ' quote-mark--selected' : ''}`}
              onClick={() => {
                if (!window.getSelection()?.isCollapsed) return;
                // Clicking again on a stretch shared by several figures cycles through them.
                const at = segment.ids.indexOf(selected ?? '');
                onSelect(segment.ids[(at + 1) % segment.ids.length]!);
              }}
            >
              {segment.text}
            </mark>
          );
        })}
      </div>
    </section>
  );
}
