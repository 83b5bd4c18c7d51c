import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Dataset } from '../../model/dataset/schema';
import type { Pack } from '../../model/pack/pack-schema';
import { acceptedItems } from '../../model/pack/lifecycle';
import { formatDate, plural } from '../../model/format/format';
import { importData, useUserData, type ImportResult, type StorageStatus, type StoredPack } from '../../state/user-data';
import { removePack } from '../../state/pack-actions';
import { addedOn } from '../../state/user-data-labels';
import { downloadDataFile } from './export-file';
import { useEditProblems } from '../../state/merged';
import type { ComponentType } from 'react';
import './your-data.css';

/** Larger files are refused before reading: a data pack of a hundred articles is a few megabytes. */
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** The panel's width on a wide screen (30rem, as in your-data.css). */
const PANEL_WIDTH_PX = 480;

/** "2 figures, 1 actor, 1 event, 1 quote": what an added pack brings to the dashboard. */
export function addedSummary(pack: Pack): string {
  const kept = acceptedItems(pack);
  const parts = [
    plural(kept.figures.length, 'figure'),
    kept.actors.length > 0 && plural(kept.actors.length, 'actor'),
    kept.events.length > 0 && plural(kept.events.length, 'event'),
    kept.places.length > 0 && plural(kept.places.length, 'place'),
    kept.statements.length > 0 && plural(kept.statements.length, 'quote'),
  ].filter((p): p is string => typeof p === 'string');
  return parts.join(', ');
}

/** "3 of 7 reviewed": how far the review of a draft went. */
function reviewSummary(pack: Pack): string {
  const items = [...pack.figures, ...pack.actors, ...pack.events, ...pack.places, ...pack.statements];
  const reviewed = items.filter((i) => i.status === 'accepted' || i.status === 'rejected').length;
  return `${reviewed} of ${plural(items.length, 'item')} reviewed`;
}

function statusWords(status: StorageStatus): string {
  switch (status.kind) {
    case 'loading':
      return 'Reading what this browser kept…';
    case 'ok':
      return 'Saved in this browser as you go.';
    case 'unavailable':
    case 'error':
      return `Not saved in this browser: ${status.message.replace(/\.$/, '')}. What you add stays until this tab closes; export a data pack to keep it.`;
  }
}

/** One kept article, with "Remove" (or "Discard") asking once more before it acts. */
function KeptPack({ stored, onResume }: { stored: StoredPack; onResume: (id: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const { source } = stored.pack;
  const isDraft = stored.state === 'draft';

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  return (
    <li className="your-data__pack" data-pack-id={stored.id}>
      <cite>{source.title}</cite>
      <span className="your-data__meta">
        {source.publisher} · <time dateTime={source.published}>{formatDate(source.published)}</time> ·{' '}
        {isDraft ? reviewSummary(stored.pack) : addedSummary(stored.pack)}
        {!isDraft && source.addedAt && <> · added {addedOn(source.addedAt)}</>}
      </span>
      {confirming ? (
        <span className="your-data__confirm" role="group" aria-label={`Confirm removing ${source.title}`}>
          <span>
            {isDraft ? 'Discard this draft and its review?' : 'Remove this article and its items from the dashboard?'}
          </span>
          <button
            ref={confirmRef}
            type="button"
            className="button button--danger"
            onClick={() => void removePack(stored.id)}
          >
            {isDraft ? 'Discard draft' : 'Yes, remove'}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <span className="your-data__pack-actions">
          {isDraft && (
            <button
              type="button"
              className="button"
              aria-label={`Resume review: ${source.title}`}
              onClick={() => onResume(stored.id)}
            >
              Resume review
            </button>
          )}
          <button
            type="button"
            className="button button--quiet"
            aria-label={`${isDraft ? 'Discard' : 'Remove'}: ${source.title}`}
            onClick={() => setConfirming(true)}
          >
            {isDraft ? 'Discard' : 'Remove'}
          </button>
        </span>
      )}
    </li>
  );
}

type Report = { fileName: string; result: ImportResult };

/** What an import did: which packs went in, what was skipped and why, every problem by item and field. */
function ImportReport({ report }: { report: Report }) {
  const { fileName, result } = report;
  const briefings = result.importedBriefings ?? [];
  return (
    <div className={`your-data__report${result.errors.length > 0 ? ' your-data__report--problems' : ''}`}>
      <p className="your-data__report-lead">
        {result.imported > 0 &&
          `Imported ${plural(result.imported, 'article')} from “${fileName}”: ${result.importedTitles.join('; ')}.`}
        {briefings.length > 0 &&
          ` Imported ${plural(briefings.length, 'briefing')}${result.imported > 0 ? '' : ` from “${fileName}”`}: ${briefings.map((n) => `“${n}”`).join('; ')}.`}
        {result.imported === 0 && briefings.length === 0 && `Nothing was imported from “${fileName}”.`}
      </p>
      {result.skipped.length > 0 && (
        <>
          <p>Skipped, already there:</p>
          <ul>
            {result.skipped.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {result.errors.length > 0 && (
        <>
          <p>
            {result.imported > 0 ? 'Not imported, because of these problems:' : 'Problems found (nothing was changed):'}
          </p>
          <ul className="your-data__errors">
            {result.errors.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/**
 * "Your data" in the header: a disclosure panel to export and import data packs, the articles the analyst
 * added (with "Remove"), the drafts in review (with "Resume review") and whether this browser keeps them.
 * Esc or a click outside closes it and focus returns to the button. `base` is the shipped dataset: imports are
 * checked against it and the articles already added.
 */
/**
 * `Briefings` lists the saved briefings inside the menu (the app passes the saved-briefings feature's list);
 * opening a comparison from it closes the menu.
 */
export function YourDataMenu({
  base,
  Briefings,
}: {
  base: Dataset;
  Briefings?: ComponentType<{ onCompare: () => void }>;
}) {
  const [open, setOpen] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  /** Corrections that wait for their item (say, of an article since removed): kept, shown, never dropped. */
  const editProblems = useEditProblems(base);
  /** Which edge of the button the panel lines up with, so that it stays on screen wherever the header puts it. */
  const [align, setAlign] = useState<'start' | 'end'>('start');
  const panelId = useId();
  const headingId = useId();
  const statusId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const status = useUserData((s) => s.status);
  const setResumeDraft = useUserData((s) => s.setResumeDraft);
  const added = useUserData(useShallow((s) => s.packs.filter((p) => p.state === 'added')));
  const drafts = useUserData(useShallow((s) => s.packs.filter((p) => p.state === 'draft')));
  const notSaved = status.kind === 'unavailable' || status.kind === 'error';

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) toggleRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    headingRef.current?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    // Esc closes from inside the panel, and from nowhere in particular (focus on the page after a file was chosen).
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const focus = document.activeElement;
      if (focus === null || focus === document.body || rootRef.current?.contains(focus)) {
        event.preventDefault();
        setOpen(false);
        toggleRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setNotice('');
    if (file.size > MAX_IMPORT_BYTES) {
      setReport({
        fileName: file.name,
        result: {
          imported: 0,
          importedTitles: [],
          skipped: [],
          errors: [`The file is ${Math.round(file.size / 1024 / 1024)} MB; a data pack is at most 50 MB.`],
        },
      });
      return;
    }
    setBusy(true);
    try {
      const result = await importData(await file.text(), base);
      setReport({ fileName: file.name, result });
    } catch (error) {
      setReport({
        fileName: file.name,
        result: {
          imported: 0,
          importedTitles: [],
          skipped: [],
          errors: [`The file could not be read: ${String(error)}`],
        },
      });
    } finally {
      setBusy(false);
    }
  };

  const onExport = () => {
    const { fileName, packs, briefings } = downloadDataFile();
    setReport(null);
    setNotice(
      `Exported ${plural(packs, 'article')}${briefings > 0 ? ` and ${plural(briefings, 'briefing')}` : ''} to ${fileName}.`,
    );
  };

  const onResume = (id: string) => {
    setResumeDraft(id);
    close(false);
  };

  return (
    <div className="your-data" ref={rootRef}>
      <button
        ref={toggleRef}
        type="button"
        className="button button--quiet your-data__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        aria-describedby={statusId}
        onClick={(event) => {
          const { left } = event.currentTarget.getBoundingClientRect();
          setAlign(left + PANEL_WIDTH_PX > window.innerWidth ? 'end' : 'start');
          setOpen((o) => !o);
        }}
      >
        Your data
        {added.length + drafts.length > 0 && (
          <span className="your-data__count" aria-hidden="true">
            {added.length + drafts.length}
          </span>
        )}
        {notSaved && (
          <span className="your-data__warning" aria-hidden="true">
            !
          </span>
        )}
      </button>
      <span id={statusId} hidden>
        {plural(added.length, 'added article')}, {plural(drafts.length, 'draft')}. {statusWords(status)}
      </span>
      <div
        id={panelId}
        className={`your-data__panel your-data__panel--${align}`}
        role="dialog"
        aria-modal="false"
        aria-labelledby={headingId}
        hidden={!open}
      >
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          Your data
        </h2>
        <p className={`your-data__status${notSaved ? ' your-data__status--problem' : ''}`}>{statusWords(status)}</p>
        {editProblems.length > 0 && (
          <div className="your-data__report your-data__report--problems" role="status">
            <p>Corrections kept but not applied:</p>
            <ul>
              {editProblems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        )}

        <div className="your-data__actions">
          <button type="button" className="button" onClick={onExport}>
            Export data pack
          </button>
          <button
            type="button"
            className="button button--quiet"
            disabled={busy}
            onClick={() => inputRef.current?.click()}
          >
            Import data pack
          </button>
          <input
            ref={inputRef}
            type="file"
            accept=".json,application/json"
            hidden
            tabIndex={-1}
            data-testid="import-data-pack"
            onChange={(e) => void onImport(e)}
          />
        </div>
        <div role="status" className="your-data__result">
          {busy && <p>Checking the file…</p>}
          {notice && <p>{notice}</p>}
          {report && <ImportReport report={report} />}
        </div>

        <h3 className="your-data__subheading">Added articles</h3>
        {added.length > 0 ? (
          <ul className="your-data__list" aria-label="Added articles">
            {added.map((p) => (
              <KeptPack key={p.id} stored={p} onResume={onResume} />
            ))}
          </ul>
        ) : (
          <p className="your-data__empty">
            None yet. “Add article” brings one in; “Import data pack” brings back an exported file.
          </p>
        )}

        {drafts.length > 0 && (
          <>
            <h3 className="your-data__subheading">Drafts in review</h3>
            <ul className="your-data__list" aria-label="Drafts in review">
              {drafts.map((p) => (
                <KeptPack key={p.id} stored={p} onResume={onResume} />
              ))}
            </ul>
          </>
        )}

        {Briefings && <Briefings onCompare={() => close(false)} />}
      </div>
    </div>
  );
}
