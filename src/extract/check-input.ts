/**
 * Checks what the analyst brings in before any extraction runs: used by the "Add article" dialog and the CLI.
 * Plain messages, one problem each; nothing here reads files or the DOM.
 */

/** Largest article accepted, in bytes (5 MB). */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

const FORMATS: Record<string, 'text' | 'markdown' | 'html'> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
};

export type InputCheck = { ok: true; from: 'text' | 'markdown' | 'html' } | { ok: false; message: string };

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Share of characters that are control characters other than tab, newline and carriage return. */
function controlShare(text: string): number {
  if (text.length === 0) return 0;
  const sample = text.slice(0, 64 * 1024);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  return control / sample.length;
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text);
}

function looksLikeMarkdown(text: string): boolean {
  return /^(?:#{1,6} \S|\* \S|- \S|> \S)/m.test(text) && /(?:^#{1,6} |\[[^\]]+\]\([^)]+\)|\*\*[^*]+\*\*)/m.test(text);
}

/**
 * Whether the input can be read as an article, and as what. `bytes` (a file's first bytes or all of them)
 * lets binary and PDF files be told apart from text; `size` is the file's size when only part was read.
 */
export function checkArticleInput(raw: {
  text?: string;
  bytes?: Uint8Array;
  fileName?: string;
  size?: number;
}): InputCheck {
  const size =
    raw.size ?? raw.bytes?.length ?? (raw.text === undefined ? 0 : new TextEncoder().encode(raw.text).length);
  const name = raw.fileName?.trim();
  if (size > MAX_ARTICLE_BYTES) {
    return {
      ok: false,
      message: `This ${name ? `file (${name})` : 'text'} is ${megabytes(size)}; articles of up to 5 MB can be read.`,
    };
  }
  const bytes = raw.bytes;
  if (bytes && bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-') {
    return {
      ok: false,
      message: `${name ?? 'This file'} is a PDF. Copy the article's text from it and paste it, or save it as .txt or .html.`,
    };
  }
  if (raw.text !== undefined && raw.text.trimStart().startsWith('%PDF-')) {
    return { ok: false, message: 'This is a PDF file. Copy the article text from it and paste it instead.' };
  }
  if (bytes && bytes.subarray(0, 64 * 1024).includes(0)) {
    return { ok: false, message: `${name ?? 'This file'} is not a text file (it holds binary data).` };
  }
  let from: 'text' | 'markdown' | 'html' | undefined;
  if (name) {
    const ext = extensionOf(name);
    from = FORMATS[ext];
    if (!from) {
      return {
        ok: false,
        message: `${name}: ${ext ? `.${ext} files are` : 'a file without an extension is'} not supported; use a .txt, .md or .html file.`,
      };
    }
  }
  const text = raw.text ?? (bytes ? new TextDecoder('utf-8', { fatal: false }).decode(bytes) : '');
  if (text.includes('\u0000') || controlShare(text) > 0.02) {
    return { ok: false, message: `${name ?? 'This text'} is not readable text (it holds binary data).` };
  }
  if (text.trim().length === 0) {
    return {
      ok: false,
      message: name ? `${name} is empty.` : 'There is no text to read: paste an article or choose a file.',
    };
  }
  if (!from) from = looksLikeHtml(text) ? 'html' : looksLikeMarkdown(text) ? 'markdown' : 'text';
  return { ok: true, from };
}
