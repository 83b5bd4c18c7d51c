/**
 * Reads a file the analyst chose or dropped: checked first (size, PDF, binary, type), then read as text;
 * HTML is reduced to its readable text here, on the main thread, with DOMParser. DOMParser builds an inert
 * document: its scripts never run and nothing of it is rendered.
 */
import { checkArticleInput, markdownToText, readableText } from './engine-client';

export type ReadFile =
  | { ok: true; text: string; from: 'text' | 'markdown' | 'html'; title?: string; fileName: string }
  | { ok: false; message: string };

/** Enough of the file's start to tell a PDF or binary file from text without reading a big file twice. */
const SNIFF = 64 * 1024;

/**
 * The HTML without inline event handlers (onerror=…). Nothing in a parsed document runs anyway, but the
 * browser reports each handler it blocks under the page's Content-Security-Policy as a console error.
 */
export function withoutInlineHandlers(html: string): string {
  return html.replace(/<[a-zA-Z][^>]*>/g, (tag) => tag.replace(/\s+on[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, ''));
}

/** The readable text and title of an HTML page, read from an inert document that is never rendered. */
function htmlToText(html: string): { title?: string; text: string } {
  return readableText(new DOMParser().parseFromString(withoutInlineHandlers(html), 'text/html'));
}

export async function readArticleFile(file: File): Promise<ReadFile> {
  const fileName = file.name;
  const bytes = new Uint8Array(await file.slice(0, SNIFF).arrayBuffer());
  const sniffed = checkArticleInput({ fileName, size: file.size, bytes });
  if (!sniffed.ok) return sniffed;
  const raw = await file.text();
  const checked = checkArticleInput({ fileName, size: file.size, text: raw });
  if (!checked.ok) return checked;
  if (checked.from === 'markdown') {
    // The text stays as written; the title is the first line as a reader sees it ("# Headline" → "Headline").
    const title = markdownToText(raw).split('\n', 1)[0]?.trim();
    return { ok: true, text: raw, from: 'markdown', fileName, ...(title ? { title } : {}) };
  }
  if (checked.from !== 'html') return { ok: true, text: raw, from: checked.from, fileName };
  const { title, text } = htmlToText(raw);
  if (!text.trim()) return { ok: false, message: `${fileName}: the page has no readable text.` };
  return { ok: true, text, from: 'html', title, fileName };
}

export type Prepared = { ok: true; text: string; from: 'text' | 'markdown' | 'html' } | { ok: false; message: string };

/**
 * The text the engine reads, from what is in "Article text": checked again (pasted text can be binary
 * junk or a PDF's bytes), pasted HTML reduced to its readable text, Markdown to plain text.
 */
export function prepareArticle(text: string, from: 'text' | 'markdown' | 'html'): Prepared {
  const checked = checkArticleInput({ text });
  if (!checked.ok) return checked;
  if (checked.from === 'html') {
    const reduced = htmlToText(text).text;
    return reduced.trim()
      ? { ok: true, text: reduced, from: 'html' }
      : { ok: false, message: 'The page has no readable text.' };
  }
  if (checked.from === 'markdown' || from === 'markdown')
    return { ok: true, text: markdownToText(text), from: 'markdown' };
  return { ok: true, text, from };
}
