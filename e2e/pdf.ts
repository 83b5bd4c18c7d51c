/**
 * A PDF's pages and text, read with pdf.js (a devDependency, so the check runs on every machine): for the
 * journeys that print.
 */
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  /** Page sizes in pt. */
  pages: { width: number; height: number }[];
  /** Each page's text, its pieces in the order the PDF draws them. */
  text: string[];
  /** Each piece of text with where it starts and ends across its page (pt). */
  pieces: { page: number; str: string; left: number; right: number }[];
}

/** A PDF's pages and text, read with pdf.js (no system tool needed). */
export async function readPdf(path: string): Promise<PdfText> {
  const data = new Uint8Array(readFileSync(path));
  const doc = await getDocument({ data, isEvalSupported: false, useSystemFonts: false }).promise;
  const result: PdfText = { pages: [], text: [], pieces: [] };
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    result.pages.push({ width, height });
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : ' ');
      const left = item.transform[4] as number;
      result.pieces.push({ page: n, str: item.str, left, right: left + item.width });
    }
    result.text.push(text);
  }
  await doc.destroy();
  return result;
}
