/**
 * Reduces an HTML article to its readable text with Mozilla's Readability. No DOM globals: the caller
 * passes a Document (DOMParser in the page, jsdom in Node), which is cloned and never rendered; scripts,
 * styles and embedded content are removed before anything reads it, so nothing in it ever runs.
 */
import { Readability } from '@mozilla/readability';

const DROPPED = 'script, style, noscript, template, iframe, object, embed, svg, canvas, form, button, nav, footer';
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

/** The text of a node, with a line break after every block (paragraph, heading, list item…). */
function blockText(root: Node): string {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      out.push((node.nodeValue ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    const block = BLOCKS.has(tag);
    if (block) out.push('\n');
    node.childNodes.forEach(walk);
    if (block) out.push('\n');
  };
  walk(root);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** The article's title (when the page names one) and its readable text, paragraphs separated by blank lines. */
export function readableText(doc: Document): { title?: string; text: string } {
  const copy = doc.cloneNode(true) as Document;
  copy.querySelectorAll(DROPPED).forEach((el) => el.remove());
  const bodyCopy = copy.body ? (copy.body.cloneNode(true) as HTMLElement) : null;
  const pageTitle = copy.title.trim() || undefined;
  let article: ReturnType<Readability<Node>['parse']>;
  try {
    article = new Readability<Node>(copy, { serializer: (node) => node }).parse();
  } catch {
    article = null;
  }
  const content = article?.content;
  const text = content ? blockText(content) : '';
  if (text.length > 0) {
    const title = article?.title?.trim() || pageTitle;
    return title ? { title, text } : { text };
  }
  // Readability found no article (a short page): fall back to the text of the whole body.
  const fallback = bodyCopy ? blockText(bodyCopy) : '';
  return pageTitle ? { title: pageTitle, text: fallback } : { text: fallback };
}
