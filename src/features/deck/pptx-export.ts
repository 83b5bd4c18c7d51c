/**
 * "Download PowerPoint": the deck as a .pptx, one slide per deck slide, in the deck's order. Loaded only when
 * the button is pressed, with pptxgenjs (and its JSZip): the library made for writing PowerPoint in a browser.
 * Everything comes from the page: no request is made, pictures are data URLs.
 */
import { download } from '../../components/export-image';
import { formatDate } from '../../model/format/format';
import type { BriefSlide } from './deck';
import type { SlideSpec } from './slide-spec';
import { readSlide } from './pptx-read';
import { keepFirstParagraphProperties, notesAsParagraphs, writeDeck } from './pptx-write';

const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
/** How long to wait for slides still loading their chart or map before exporting what is there. */
const READY_WITHIN_MS = 20_000;

/** Is some slide still loading (a chart's code, the map, the front-line series, a check against the map)? */
function loading(root: Element): boolean {
  if (root.querySelector('.slide [data-pending], .slide [aria-busy="true"]')) return true;
  return [...root.querySelectorAll('.slide__body p')].some((p) =>
    /^(Loading|Checking)\b.*…$/.test(p.textContent?.trim() ?? ''),
  );
}

async function slidesReady(root: Element) {
  const until = Date.now() + READY_WITHIN_MS;
  while (loading(root) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
}

export interface DeckExport {
  slides: readonly BriefSlide[];
  asOf: string;
  subject: string;
  /** The deck, with every slide in the DOM. */
  root: HTMLElement;
}

/** What goes on each slide: its title, footer, notes and body as read from the page. */
export async function deckSpecs({ slides, asOf, root }: DeckExport): Promise<SlideSpec[]> {
  await slidesReady(root);
  const specs: SlideSpec[] = [];
  for (const slide of slides) {
    const section = root.querySelector<HTMLElement>(`.slide[data-slide-id="${CSS.escape(slide.id)}"]`);
    if (!section) throw new Error(`the slide “${slide.title}” is not on the page`);
    specs.push({
      title: slide.title,
      footer: `As of ${formatDate(asOf)} · ${slide.sources}`,
      notes: slide.notes,
      blocks: await readSlide(section),
    });
  }
  return specs;
}

/** Build the .pptx and hand it to the browser as `briefing-<as-of date>.pptx`. */
export async function exportPptx(deck: DeckExport): Promise<void> {
  const specs = await deckSpecs(deck);
  const [{ default: PptxGenJS }, { default: JSZip }] = await Promise.all([import('pptxgenjs'), import('jszip')]);
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = `Briefing · ${deck.subject}`;
  pptx.subject = `As of ${formatDate(deck.asOf)}`;
  pptx.theme = { headFontFace: 'Arial', bodyFontFace: 'Arial' };
  writeDeck(pptx, specs);
  const written = (await pptx.write({ outputType: 'arraybuffer' })) as ArrayBuffer;
  const zip = await JSZip.loadAsync(written);
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/(slides|notesSlides)\/[^/]+\.xml$/.test(n))) {
    const xml = keepFirstParagraphProperties(await zip.file(name)!.async('string'));
    zip.file(name, name.includes('notesSlides') ? notesAsParagraphs(xml) : xml);
  }
  const blob = await zip.generateAsync({ type: 'blob', mimeType: PPTX_TYPE, compression: 'DEFLATE' });
  download(blob, `briefing-${deck.asOf}.pptx`);
}
