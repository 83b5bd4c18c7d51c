import { useEffect, useState, type MouseEvent } from 'react';
import { DetailDialog } from '../../components/detail-dialog';
import { KeyboardHelp } from './keyboard-help';
import { focusContent, focusRegion, REGION_TARGETS, shortcutFor } from './regions';
import './keyboard.css';

const STORAGE_KEY = 'geobrief-shortcuts';

function readEnabled(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}

function saveEnabled(on: boolean) {
  try {
    if (on) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, 'off');
  } catch {
    // Private mode or storage refused: the choice holds for this visit.
  }
}

function focusSearch() {
  const filters = document.getElementById('region-filters')?.closest('section');
  filters?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
}

/**
 * The first stops of the page: "Skip to content", a link to each region and the keyboard help. They show
 * only when focused. Also listens for the region shortcuts (1–7, "/" and "?") described in that help.
 */
export function SkipLinks() {
  const [helpOpen, setHelpOpen] = useState(false);
  const [enabled, setEnabled] = useState(readEnabled);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      const action = shortcutFor(
        {
          key: e.key,
          altKey: e.altKey,
          ctrlKey: e.ctrlKey,
          metaKey: e.metaKey,
          target: target && {
            tagName: target.tagName,
            isContentEditable: target.isContentEditable,
            type: target instanceof HTMLInputElement ? target.type : undefined,
          },
        },
        enabled,
      );
      if (!action) return;
      e.preventDefault();
      if (action.type === 'help') setHelpOpen(true);
      else if (action.type === 'search') focusSearch();
      else focusRegion(action.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);

  const go = (id: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (focusRegion(id)) e.preventDefault();
  };
  const goToContent = (e: MouseEvent<HTMLAnchorElement>) => {
    if (focusContent()) e.preventDefault();
  };

  return (
    <>
      <nav className="skip-links" aria-label="Skip links">
        <ul>
          <li>
            <a href="#main" onClick={goToContent}>
              Skip to content
            </a>
          </li>
          {REGION_TARGETS.slice(1).map((r) => (
            <li key={r.id}>
              <a href={`#region-${r.id}`} onClick={go(r.id)}>
                Skip to {r.title}
              </a>
            </li>
          ))}
          <li>
            <button type="button" className="link-button" onClick={() => setHelpOpen(true)}>
              Keyboard shortcuts (?)
            </button>
          </li>
        </ul>
      </nav>
      <DetailDialog open={helpOpen} title="Keyboard shortcuts" onClose={() => setHelpOpen(false)}>
        <KeyboardHelp
          enabled={enabled}
          onToggle={(on) => {
            setEnabled(on);
            saveEnabled(on);
          }}
        />
      </DetailDialog>
    </>
  );
}
