/**
 * Keeps the store and the address bar in step. The only module that touches `location` and `history`.
 * - On start: the URL's choices replace the defaults; unknown values get one console warning.
 * - A user's choice pushes a history entry, so Back and Forward step through filter states;
 *   consecutive edits of the search text, and moves between slides, replace the entry instead, so
 *   typing or presenting does not flood history.
 * - Back/Forward (popstate) restore the choices of that entry.
 */
import { pickChoices, useChoices, type Choices } from './store';
import { searchToState, stateToSearch, type Vocabulary } from './url';

export interface UrlSyncOptions {
  vocab: Vocabulary;
  win?: Window;
}

/** Starts syncing; returns a function that stops it. */
export function startUrlSync({ vocab, win = window }: UrlSyncOptions): () => void {
  const { choices, dropped } = searchToState(win.location.search, vocab);
  if (dropped.length > 0) {
    console.warn(`Ignored in the address: ${dropped.join('; ')}. The dashboard shows everything else.`);
  }
  let restoring = true;
  useChoices.getState().replace(choices);
  restoring = false;
  // Write back the cleaned URL (junk removed) without adding an entry.
  writeUrl(win, choices, 'replace');

  let lastWasQuery = false;
  const unsubscribe = useChoices.subscribe((state, previous) => {
    if (restoring) return;
    const next = pickChoices(state);
    const before = pickChoices(previous);
    if (stateToSearch(next) === stateToSearch(before)) return;
    const onlyQuery = stateToSearch({ ...next, q: before.q }) === stateToSearch(before);
    // Stepping through slides replaces the entry too: Back leaves the deck rather than rewinding it.
    const onlySlide = stateToSearch({ ...next, slide: before.slide }) === stateToSearch(before);
    writeUrl(win, next, (onlyQuery && lastWasQuery) || onlySlide ? 'replace' : 'push');
    lastWasQuery = onlyQuery;
  });

  const onPopState = () => {
    const parsed = searchToState(win.location.search, vocab);
    restoring = true;
    useChoices.getState().replace(parsed.choices);
    restoring = false;
    lastWasQuery = false;
  };
  win.addEventListener('popstate', onPopState);

  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPopState);
  };
}

function writeUrl(win: Window, choices: Choices, mode: 'push' | 'replace') {
  const search = stateToSearch(choices);
  const url = `${win.location.pathname}${search ? `?${search}` : ''}${win.location.hash}`;
  if (url === `${win.location.pathname}${win.location.search}${win.location.hash}`) return;
  if (mode === 'push') win.history.pushState(null, '', url);
  else win.history.replaceState(null, '', url);
}
