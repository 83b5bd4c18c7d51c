import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makePack, shippedDataset } from '../../model/pack/pack.fixtures';
import type { Pack } from '../../model/pack/pack-schema';
import type { StoredPack } from './storage-adapter';
import type { ExtractFn } from './engine-client';

const storage = vi.hoisted(() => ({
  saved: [] as Pack[],
  added: [] as Pack[],
  removed: [] as string[],
  drafts: [] as StoredPack[],
}));

vi.mock('./storage-adapter', () => ({
  saveDraft: async (pack: Pack) => void storage.saved.push(pack),
  addToDashboard: async (pack: Pack) => void storage.added.push(pack),
  removePack: async (id: string) => void storage.removed.push(id),
  useDrafts: () => storage.drafts,
  unsavedReason: () => null,
}));

const { AddArticleDialog } = await import('./add-article-dialog');

const dataset = shippedDataset();

/** The fixture pack as the engine proposes it: every item proposed. */
function proposedPack(overrides: Partial<Pack> = {}): Pack {
  const pack = makePack(overrides);
  const p = <T extends object>(items: T[]) => items.map((item) => ({ ...item, status: 'proposed' as const }));
  return {
    ...pack,
    figures: p(pack.figures),
    actors: p(pack.actors),
    events: p(pack.events),
    places: p(pack.places),
    statements: p(pack.statements),
  };
}

function setup(extract: ExtractFn, props: { resumeId?: string } = {}) {
  const onAdded = vi.fn();
  const onClose = vi.fn();
  render(
    <AddArticleDialog
      dataset={dataset}
      open
      onClose={onClose}
      onAdded={onAdded}
      extract={extract}
      today="2026-11-22"
      {...props}
    />,
  );
  const dialog = screen.getByRole('dialog', { name: 'Add article' });
  return { dialog, onAdded, onClose, user: userEvent.setup() };
}

async function fillForm(dialog: HTMLElement, text = makePack().article.text) {
  fireEvent.change(within(dialog).getByRole('textbox', { name: 'Article text' }), { target: { value: text } });
  fireEvent.change(within(dialog).getByLabelText('Published'), { target: { value: '2025-02-12' } });
  fireEvent.change(within(dialog).getByRole('textbox', { name: 'Publisher' }), { target: { value: 'Reuters' } });
}

function file(name: string, content: BlobPart, type = ''): File {
  return new File([content], name, { type });
}

beforeEach(() => {
  storage.saved = [];
  storage.added = [];
  storage.removed = [];
  storage.drafts = [];
});

describe('Add article: the form', () => {
  it('starts with today as "Published", says what will happen, and prefills the title from a pasted headline', async () => {
    const { dialog } = setup(vi.fn<ExtractFn>());
    expect(within(dialog).getByLabelText('Published')).toHaveValue('2026-11-22');
    expect(dialog).toHaveTextContent('nothing is added until you accept it');
    await fillForm(dialog);
    expect(within(dialog).getByRole('textbox', { name: 'Title' })).toHaveValue(
      'Russia able to fight on in Ukraine for another year, say military experts',
    );
  });

  it('says plainly that the text is empty and runs nothing', async () => {
    const extract = vi.fn<ExtractFn>();
    const { dialog, user } = setup(extract);
    await user.click(within(dialog).getByRole('button', { name: 'Find figures' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'Paste the article’s text, or choose or drop a file, first.',
    );
    expect(within(dialog).getByRole('textbox', { name: 'Publisher' })).toHaveAttribute('aria-invalid', 'true');
    expect(extract).not.toHaveBeenCalled();
  });

  it('refuses a PDF, a binary file and a file over 5 MB, keeping the text already typed', async () => {
    const { dialog } = setup(vi.fn<ExtractFn>());
    // The picker's `accept` would hide these files; a drop or "All files" in the chooser lets them through.
    const user = userEvent.setup({ applyAccept: false });
    const box = within(dialog).getByRole('textbox', { name: 'Article text' });
    await user.type(box, 'My notes so far');
    const picker = within(dialog).getByLabelText('Article file');

    await user.upload(picker, file('report.pdf', '%PDF-1.7\n%âãÏÓ\n1 0 obj'));
    expect(await within(dialog).findByText(/report\.pdf is a PDF/)).toBeInTheDocument();
    expect(box).toHaveValue('My notes so far');

    await user.upload(picker, file('notes.txt', new Uint8Array([0x48, 0x69, 0, 1, 2, 0, 0xff])));
    expect(await within(dialog).findByText(/notes\.txt is not a text file/)).toBeInTheDocument();
    expect(box).toHaveValue('My notes so far');

    await user.upload(picker, file('huge.txt', 'a'.repeat(5 * 1024 * 1024 + 1)));
    expect(
      await within(dialog).findByText(/huge\.txt\) is 5\.0 MB; articles of up to 5 MB can be read/),
    ).toBeInTheDocument();
    expect(box).toHaveValue('My notes so far');
  });

  it('reads an HTML file as text only: no markup, no script run, the title from the page', async () => {
    const { dialog, user } = setup(vi.fn<ExtractFn>());
    const html = `<!doctype html><html><head><title>Oil output to fall</title>
      <script>window.__ran = true</script></head>
      <body><article><h1>Oil output to fall</h1><p>Output could slip below nine million barrels per day.</p>
      <img src="x" onerror="window.__ran = true"><script>document.body.innerHTML = 'hacked'</script></article></body></html>`;
    await user.upload(within(dialog).getByLabelText('Article file'), file('story.html', html, 'text/html'));
    const box = within(dialog).getByRole('textbox', { name: 'Article text' });
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toContain('nine million barrels per day'));
    expect((box as HTMLTextAreaElement).value).not.toMatch(/<|script|hacked|__ran/);
    expect(within(dialog).getByRole('textbox', { name: 'Title' })).toHaveValue('Oil output to fall');
    expect(dialog).toHaveTextContent('From story.html: the page’s readable text, without its markup or scripts.');
    expect((window as { __ran?: boolean }).__ran).toBeUndefined();
    // The replaced text can be brought back.
    expect(within(dialog).queryByRole('button', { name: 'Bring back the text you had' })).toBeNull();
  });

  it('takes a dropped .md file, and can bring back the text it replaced', async () => {
    const { dialog, user } = setup(vi.fn<ExtractFn>());
    const box = within(dialog).getByRole('textbox', { name: 'Article text' });
    await user.type(box, 'Draft notes');
    const form = box.closest('form')!;
    const dropped = file('story.md', '# Oil output may slip\n\nProduction could slip below **nine million** bpd.');
    fireEvent.dragOver(form, { dataTransfer: { files: [dropped] } });
    fireEvent.drop(form, { dataTransfer: { files: [dropped] } });
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toContain('**nine million**'));
    expect(within(dialog).getByRole('textbox', { name: 'Title' })).toHaveValue('Oil output may slip');
    await user.click(within(dialog).getByRole('button', { name: 'Bring back the text you had' }));
    expect(box).toHaveValue('Draft notes');
  });

  it('shows progress with its stage, keeps the page usable, and Cancel stops with the text kept', async () => {
    let report: ((f: number, s: string) => void) | undefined;
    const extract = vi.fn<ExtractFn>(
      (_input, _dataset, onProgress, signal) =>
        new Promise((_resolve, reject) => {
          report = onProgress;
          signal.addEventListener('abort', () => reject(new DOMException('Stopped', 'AbortError')));
        }),
    );
    const { dialog, user } = setup(extract);
    await fillForm(dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Find figures' }));
    act(() => report?.(0.4, 'Reading numbers and units'));
    const bar = within(dialog).getByRole('progressbar', { name: 'Finding figures' });
    expect(bar).toHaveAttribute('aria-valuenow', '40');
    expect(bar).toHaveAttribute('aria-valuetext', '40%: Reading numbers and units');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(await within(dialog).findByText(/Stopped\. Your text is kept/)).toBeInTheDocument();
    expect(within(dialog).queryByRole('progressbar')).toBeNull();
    expect(within(dialog).getByRole('textbox', { name: 'Article text' })).toHaveValue(makePack().article.text);
    expect(extract.mock.calls[0]![0]).toMatchObject({ published: '2025-02-12', publisher: 'Reuters', from: 'text' });
  });

  it('says when the worker fails, and keeps the text', async () => {
    const { dialog, user } = setup(vi.fn<ExtractFn>(async () => Promise.reject(new Error('the worker crashed'))));
    await fillForm(dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Find figures' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The extraction failed: the worker crashed. Your text is kept: try again.',
    );
    expect(within(dialog).getByRole('textbox', { name: 'Article text' })).toHaveValue(makePack().article.text);
  });

  it('says "No figures found in this text" with the engine’s note (non-English text)', async () => {
    const empty = proposedPack({
      figures: [],
      actors: [],
      events: [],
      places: [],
      statements: [],
      notes: ['The text does not look like English: nothing was extracted.'],
    });
    const { dialog, user } = setup(vi.fn<ExtractFn>(async () => empty));
    await fillForm(dialog, 'Россия может сократить добычу нефти в ближайшие месяцы.');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Title' }), { target: { value: 'Нефть' } });
    await user.click(within(dialog).getByRole('button', { name: 'Find figures' }));
    const alert = await within(dialog).findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('No figures found in this text'));
    expect(alert).toHaveTextContent('The text does not look like English');
    expect(within(dialog).getByRole('textbox', { name: 'Article text' })).toHaveValue(
      'Россия может сократить добычу нефти в ближайшие месяцы.',
    );
  });

  it('ignores progress the worker reports after its answer', async () => {
    let report: ((f: number, s: string) => void) | undefined;
    const extract = vi.fn<ExtractFn>(async (_input, _dataset, onProgress) => {
      report = onProgress;
      return proposedPack({ figures: [], actors: [], events: [], places: [], statements: [] });
    });
    const { dialog, user } = setup(extract);
    await fillForm(dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Find figures' }));
    await within(dialog).findByText(/No figures found in this text/);
    // The worker's last progress message comes in after its answer.
    act(() => report?.(1, 'Done'));
    expect(within(dialog).queryByRole('progressbar')).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Find figures' })).toBeInTheDocument();
  });
});

describe('Add article: the review', () => {
  async function reviewOf(pack = proposedPack()) {
    const ctx = setup(vi.fn<ExtractFn>(async () => pack));
    await fillForm(ctx.dialog);
    await ctx.user.click(within(ctx.dialog).getByRole('button', { name: 'Find figures' }));
    await within(ctx.dialog).findByRole('region', { name: 'Proposed items' });
    return ctx;
  }

  it('highlights each figure’s quote in the article; a click on a highlight selects the figure', async () => {
    const { dialog, user } = await reviewOf();
    const article = within(dialog).getByRole('region', { name: 'Article' });
    const marks = article.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual([
      'a war of attrition now nearing its three-year mark',
      'Ukraine’s Defence Ministry this week launched a recruitment drive to attract 18-to-24-year-olds',
    ]);
    const second = within(dialog).getByRole('group', { name: /“18-to-24-year-olds”/ });
    expect(within(second).getByRole('button', { name: /“18-to-24-year-olds”/ })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    await user.click(marks[1]!);
    expect(within(second).getByRole('button', { name: /“18-to-24-year-olds”/ })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    expect(marks[1]).toHaveClass('quote-mark--selected');
  });

  it('keeps "Add to dashboard" disabled with a reason until an item is accepted; adds and reports', async () => {
    const { dialog, user, onAdded } = await reviewOf();
    const add = within(dialog).getByRole('button', { name: 'Add to dashboard' });
    expect(add).toBeDisabled();
    expect(add).toHaveAccessibleDescription('Accept at least one item to add it to the dashboard.');

    const first = within(dialog).getByRole('group', { name: /“three-year”/ });
    const accept = within(first).getByRole('button', { name: 'Accept' });
    accept.focus();
    await user.keyboard('{Enter}');
    expect(accept).toHaveAttribute('aria-pressed', 'true');
    expect(accept).toHaveFocus();
    expect(within(first).getByText('Accepted')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Accept all' }));
    expect(add).toBeEnabled();
    await user.click(add);
    await waitFor(() =>
      expect(onAdded).toHaveBeenCalledWith(
        'Added 2 figures from “Russia able to fight on in Ukraine for another year, say military experts”.',
      ),
    );
    const added = storage.added[0]!;
    expect(added.figures.map((f) => f.status)).toEqual(['accepted', 'accepted']);
    expect(added.actors[0]!.status).toBe('accepted');
  });

  it('rejects an item with aria-pressed, and autosaves the draft', async () => {
    const { dialog, user } = await reviewOf();
    const first = within(dialog).getByRole('group', { name: /“three-year”/ });
    await user.click(within(first).getByRole('button', { name: 'Reject' }));
    expect(within(first).getByRole('button', { name: 'Reject' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(storage.saved.at(-1)?.figures[0]!.status).toBe('rejected'));
    expect(await within(dialog).findByText(/Draft saved/)).toBeInTheDocument();
  });

  it('validates edits next to the field and will not accept an invalid figure', async () => {
    const { dialog, user } = await reviewOf();
    const first = within(dialog).getByRole('group', { name: /“three-year”/ });
    await user.click(within(first).getByRole('button', { name: /“three-year”/ }));
    const label = within(first).getByRole('textbox', { name: 'Label' });
    fireEvent.change(label, { target: { value: '' } });
    expect(label).toHaveAttribute('aria-invalid', 'true');
    expect(label).toHaveAccessibleDescription('Give the figure a short label in your own words.');
    await user.click(within(first).getByRole('checkbox', { name: 'Military balance' }));
    expect(within(first).getByText('Choose at least one topic.')).toBeInTheDocument();
    await user.click(within(first).getByRole('button', { name: 'Accept' }));
    expect(within(first).getByRole('button', { name: 'Accept' })).toHaveAttribute('aria-pressed', 'false');
    expect(within(first).getByText('Fix the marked fields to accept it.')).toBeInTheDocument();

    fireEvent.change(label, { target: { value: 'Length of the war' } });
    await user.click(within(first).getByRole('checkbox', { name: 'Military balance' }));
    await user.selectOptions(within(first).getByRole('combobox', { name: 'Qualifier' }), 'about');
    await user.click(within(first).getByRole('button', { name: 'Accept' }));
    expect(within(first).getByRole('button', { name: 'Accept' })).toHaveAttribute('aria-pressed', 'true');
    // The article's words come first; the number read from them is behind "Reading".
    const reading = within(first).getByRole('button', { name: 'Reading' });
    expect(reading).toHaveAttribute('aria-expanded', 'false');
    await user.click(reading);
    expect(reading).toHaveAttribute('aria-expanded', 'true');
    expect(within(first).getByText(/read as about 3 years/)).toBeVisible();
  });

  it('adds a figure the engine missed from words selected in the article', async () => {
    const { dialog, user } = await reviewOf();
    const article = within(dialog).getByRole('region', { name: 'Article' });
    const quote = 'Moscow lost 1,400 tanks in 2024';
    const node = [...article.querySelectorAll('span')].find((s) => s.textContent?.includes(quote))!.firstChild!;
    const at = node.textContent!.indexOf(quote);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + quote.length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    await user.click(within(article).getByRole('button', { name: 'Add figure from selection' }));

    const added = within(dialog).getByRole('group', { name: /^“1,400”/ });
    expect(within(added).getByText(`“${quote}”`)).toBeInTheDocument();
    expect(within(added).getByRole('spinbutton', { name: 'Value' })).toHaveValue(1400);
    expect(within(added).getByRole('combobox', { name: 'Unit' })).toHaveValue('tanks');
    // The label takes the focus in the next frame, once the new card is drawn.
    await waitFor(() => expect(within(added).getByRole('textbox', { name: 'Label' })).toHaveFocus());
    await user.keyboard('Russian tanks lost');
    await user.click(within(added).getByRole('button', { name: 'Accept' }));
    expect(within(added).getByRole('button', { name: 'Accept' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('asks for a selection first when nothing is selected', async () => {
    const { dialog, user } = await reviewOf();
    window.getSelection()!.removeAllRanges();
    await user.click(within(dialog).getByRole('button', { name: 'Add figure from selection' }));
    expect(
      within(dialog).getByText(/First select, in the article, the words that state the number/),
    ).toBeInTheDocument();
  });

  it('offers to resume a draft, and opens one asked for by id', async () => {
    const draft = proposedPack();
    storage.drafts = [{ id: draft.source.id, pack: draft, state: 'draft', updatedAt: '2026-11-22T10:00:00Z' }];
    const { dialog, user } = setup(vi.fn<ExtractFn>());
    const drafts = within(dialog).getByRole('group', { name: 'Drafts in review' });
    expect(drafts).toHaveTextContent('Russia able to fight on');
    await user.click(within(drafts).getByRole('button', { name: 'Resume review' }));
    expect(within(dialog).getByRole('region', { name: 'Proposed items' })).toBeInTheDocument();
  });

  it('opens straight into the draft named by resumeId', async () => {
    const draft = proposedPack();
    storage.drafts = [{ id: draft.source.id, pack: draft, state: 'draft', updatedAt: '2026-11-22T10:00:00Z' }];
    const { dialog } = setup(vi.fn<ExtractFn>(), { resumeId: draft.source.id });
    expect(await within(dialog).findByRole('region', { name: 'Proposed items' })).toBeInTheDocument();
  });
});

describe('Add article: a suggested measure', () => {
  it('shows why it is suggested, links only when asked, and the figure keeps a measure of its own otherwise', async () => {
    const base = proposedPack();
    const figure = {
      ...base.figures[0]!,
      measure: base.figures[0]!.id,
      measureSuggestion: {
        measure: 'war-duration',
        reason: 'Same unit (years), same country (UA), same scope (at a date).',
      },
    };
    const pack = { ...base, figures: [figure, base.figures[1]!] };
    const { dialog, user } = setup(vi.fn<ExtractFn>(async () => pack));
    await fillForm(dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Find figures' }));
    const first = await within(dialog).findByRole('group', { name: /“three-year”/ });
    expect(within(first).getByText(/May be a new estimate of “Length of the war in Ukraine”/)).toBeInTheDocument();
    expect(within(first).getByText(/Same unit \(years\)/)).toBeInTheDocument();
    await user.click(within(first).getByRole('button', { name: 'Link to measure' }));
    expect(within(first).queryByRole('button', { name: 'Link to measure' })).toBeNull();
    expect(within(first).getByText(/Linked to the measure “Length of the war in Ukraine”/)).toBeInTheDocument();
    await waitFor(() => expect(storage.saved.at(-1)?.figures[0]!.measure).toBe('war-duration'));
    expect(storage.saved.at(-1)?.figures[0]!.measureSuggestion).toBeUndefined();
  });
});
