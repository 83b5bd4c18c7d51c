/**
 * The dashboard's start, loaded by src/main.tsx once the browser has painted the prerendered page: the dataset,
 * the app and the analyst's stored data, then hydration.
 */
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { LoadError } from './app/load-error';
import { startUrlSync } from './state/url-sync';
import { liveVocabulary, searchToState, vocabularyOf } from './state/url';

const container = document.getElementById('root')!;
// A panel that fails shows its own message and a retry (see Region); that is handled, so it is a warning.
const onCaughtError = (error: unknown) => console.warn('A panel failed and shows a message with a retry:', error);

/**
 * `vite build` prerenders the explore view with the default choices into #root (scripts/lib/prerender-plugin.ts)
 * and marks it `inert` until this script takes it over, so nothing is clicked before it can answer.
 */
const prerendered = container.dataset['prerendered'] === 'explore';
let root: Root | undefined;
/** Renders `tree` afresh, replacing whatever #root holds (the prerendered page included). */
function renderFresh(tree: React.ReactNode) {
  root ??= createRoot(container, { onCaughtError });
  flushSync(() => root!.render(tree));
  container.removeAttribute('inert');
}

/** How long an address naming something not in the shipped data waits for the analyst's data before it is read. */
const USER_DATA_WAIT_MS = 3000;

// Storage is read from the start: for a team's two years, the browser takes seconds to read it.
const userDataModule = import('./state/user-data');
void userDataModule.then((userData) => userData.startReading()).catch(() => undefined);

// The checked dataset (a JSON file in the built page), the app and the analyst's stored data are fetched in parallel;
// the prerendered page (or, on the dev server, the page shell in index.html) is on screen meanwhile.
Promise.all([
  import('./model/dataset/dataset').then(({ loadDataset }) => loadDataset()),
  import('./app/app-root'),
  userDataModule,
  import('./state/merged'),
  // The prerendered figure cards carry their "Check against the map" notes: load that chunk before hydrating,
  // so the page renders what the HTML has (a failure is left for the card to show with a retry).
  import('./app/lazy-panels').then(({ figureClaimChecks }) => figureClaimChecks.preload()),
])
  .then(([loaded, { AppRoot }, userData, { watchMergedDataset }]) => {
    // For the benchmark: when the data are ready (checked at build time, parsed here).
    performance.mark('geobrief:data-ready');
    if (!loaded.ok) {
      console.error(`The dataset is invalid:\n${loaded.errors.join('\n')}`);
      renderFresh(<LoadError errors={loaded.errors} />);
      return;
    }
    const base = loaded.dataset;

    // The address may name items the analyst added: the vocabulary follows the merged dataset as it changes.
    let vocab = vocabularyOf(base);
    watchMergedDataset(base, (merged) => {
      vocab = vocabularyOf(merged);
    });
    const live = liveVocabulary(() => vocab);

    // The shipped data render at once; the analyst's data join when read, without holding up the page.
    const userDataRead = userData.load();
    const tree = (
      <StrictMode>
        <AppRoot dataset={base} />
      </StrictMode>
    );
    const render = () => {
      // The prerendered page is the default view: hydrate it when the address asks for nothing else.
      const hydrate = prerendered && window.location.search === '';
      startUrlSync({ vocab: live });
      if (hydrate) {
        hydrateRoot(container, tree, {
          onCaughtError,
          // A difference from the prerendered HTML: React renders that part afresh, so the page stays right.
          onRecoverableError: (error) => console.warn('The prerendered page differed; rendered afresh:', error),
        });
        container.removeAttribute('inert');
      } else {
        renderFresh(tree);
      }
    };
    if (searchToState(window.location.search, vocab).dropped.length === 0) {
      render();
    } else {
      // The address names something the shipped data do not have, perhaps an added figure: read the
      // analyst's data first, so that it is not dropped as unknown (the page shell stays on screen meanwhile).
      const waited = new Promise<void>((resolve) => setTimeout(resolve, USER_DATA_WAIT_MS));
      void Promise.race([userDataRead, waited]).then(render);
    }
  })
  .catch((error: unknown) => {
    console.error(error);
    renderFresh(<LoadError errors={[`The dashboard's code could not be loaded: ${String(error)}`]} />);
  });
