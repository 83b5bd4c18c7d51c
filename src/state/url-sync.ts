/**
 * Keeps the store and the address bar in step. The only module that touches `location` and `history`.
 * - On start: the URL's choices replace the defaults; unknown values get one console warning.
 * - A user's choice pushes a history entry, so Back and Forward step through filter states;
 *   consecutive edits of the search text, and moves between slides, replace the entry instead, so
 *   typing or presenting does not flood history.
 * - Back/Forward (popstate) restore the choices of that entry.
 * - A filter change (countries, topics, actor, search) is written just after the next paint, not inside the
 *   click: writing history costs the browser a round trip, and the click should paint first. The writes
 *   happen in order and are the same as if made at once; any other choice (a dialog, the view, a slide)
 *   writes at once, after any filter change still waiting.
 */
import { pickChoices, useChoices, type Choices } from './store';
import { joinTokenOf, searchToState, stateToSearch, type UrlVocabulary } from './url';

export interface UrlSyncOptions {
  vocab: UrlVocabulary;
  win?: Window;
}

let joinToken: string | null = null;

/** The invite token the address carried at start (`?join=`), once: the next call gets null. */
export function takeJoinToken(): string | null {
  const token = joinToken;
  joinToken = null;
  return token;
}

/** Starts syncing; returns a function that stops it. */
export function startUrlSync({ vocab, win = window }: UrlSyncOptions): () => void {
  // An invite link's token is kept for the workspace (takeJoinToken) and leaves the address with the rewrite below.
  joinToken = joinTokenOf(win.location.search) ?? joinToken;
  const { choices, dropped } = searchToState(win.location.search, vocab);
  if (dropped.length > 0) {
    console.warn(`Ignored in the address: ${dropped.join('; ')}. The dashboard shows everything else.`);
  }
  let restoring = true;
  useChoices.getState().replace(choices);
  restoring = false;
  // Write back the cleaned URL (junk removed) without adding an entry.
  writeUrl(win, choices, 'replace');

  const later = afterPaintWriter(win);
  let lastWasQuery = false;
  const unsubscribe = useChoices.subscribe((state, previous) => {
    if (restoring) return;
    const next = pickChoices(state);
    const before = pickChoices(previous);
    const beforeSearch = stateToSearch(before);
    if (stateToSearch(next) === beforeSearch) return;
    const onlyQuery = stateToSearch({ ...next, q: before.q }) === beforeSearch;
    // Stepping through slides replaces the entry too: Back leaves the deck rather than rewinding it.
    const onlySlide = stateToSearch({ ...next, slide: before.slide }) === beforeSearch;
    const mode = (onlyQuery && lastWasQuery) || onlySlide ? 'replace' : 'push';
    lastWasQuery = onlyQuery;
    const { countries, topics, actor, q } = before;
    const onlyFilters = stateToSearch({ ...next, countries, topics, actor, q }) === beforeSearch;
    if (onlyFilters) later.write(next, mode);
    else {
      later.flush();
      writeUrl(win, next, mode);
    }
  });

  const onPopState = () => {
    // The browser has already moved to another entry: a write still waiting belongs to the one it left.
    later.drop();
    const parsed = searchToState(win.location.search, vocab);
    restoring = true;
    useChoices.getState().replace(parsed.choices);
    restoring = false;
    lastWasQuery = false;
  };
  win.addEventListener('popstate', onPopState);
  // Leaving or reloading the page right after a click keeps its choices in the address.
  win.addEventListener('pagehide', later.flush);

  return () => {
    unsubscribe();
    later.flush();
    win.removeEventListener('popstate', onPopState);
    win.removeEventListener('pagehide', later.flush);
  };
}

/** Longest wait for a write when no frame comes (a hidden tab has none). */
const AT_MOST_MS = 100;

/**
 * Writes to the address just after the next paint (requestAnimationFrame runs just before it, the timeout
 * just after), in the order asked; `flush` writes what waits at once, `drop` forgets it.
 */
function afterPaintWriter(win: Window) {
  let queue: { choices: Choices; mode: 'push' | 'replace' }[] = [];
  let timers: (() => void)[] = [];
  const cancel = () => {
    timers.forEach((clear) => clear());
    timers = [];
  };
  const flush = () => {
    cancel();
    const writes = queue;
    queue = [];
    for (const { choices, mode } of writes) writeUrl(win, choices, mode);
  };
  const write = (choices: Choices, mode: 'push' | 'replace') => {
    queue.push({ choices, mode });
    if (timers.length > 0) return;
    const fallback = win.setTimeout(flush, AT_MOST_MS);
    timers.push(() => win.clearTimeout(fallback));
    if (typeof win.requestAnimationFrame === 'function') {
      const frame = win.requestAnimationFrame(() => {
        const after = win.setTimeout(flush, 0);
        timers.push(() => win.clearTimeout(after));
      });
      timers.push(() => win.cancelAnimationFrame(frame));
    }
  };
  const drop = () => {
    cancel();
    queue = [];
  };
  return { write, flush, drop };
}

function writeUrl(win: Window, choices: Choices, mode: 'push' | 'replace') {
  const search = stateToSearch(choices);
  const url = `${win.location.pathname}${search ? `?${search}` : ''}${win.location.hash}`;
  if (url === `${win.location.pathname}${win.location.search}${win.location.hash}`) return;
  if (mode === 'push') win.history.pushState(null, '', url);
  else win.history.replaceState(null, '', url);
}
