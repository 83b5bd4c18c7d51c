import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LoadError } from './app/load-error';
import { startUrlSync } from './state/url-sync';
import { searchToState, vocabularyOf, type Vocabulary } from './state/url';

// A panel that fails shows its own message and a retry (see Region); that is handled, so it is a warning.
const root = createRoot(document.getElementById('root')!, {
  onCaughtError: (error) => console.warn('A panel failed and shows a message with a retry:', error),
});

/** How long an address naming something not in the shipped data waits for the analyst's data before it is read. */
const USER_DATA_WAIT_MS = 3000;

// The dataset (JSON and its validation), the app and the analyst's stored data (Dexie) are separate chunks,
// fetched in parallel; the page shell in index.html is on screen meanwhile.
Promise.all([import('./model/dataset'), import('./app/app'), import('./state/user-data')])
  .then(([{ loaded }, { App }, userData]) => {
    // For the benchmark: when the data are loaded and validated.
    performance.mark('geobrief:data-ready');
    if (!loaded.ok) {
      console.error(`The dataset is invalid:\n${loaded.errors.join('\n')}`);
      root.render(<LoadError errors={loaded.errors} />);
      return;
    }
    const base = loaded.dataset;

    // The address may name items the analyst added: the vocabulary follows the merged dataset as it changes.
    let merged = base;
    let vocab = vocabularyOf(base);
    userData.useUserData.subscribe(() => {
      const next = userData.mergedDataset(base);
      if (next !== merged) {
        merged = next;
        vocab = vocabularyOf(next);
      }
    });
    const live: Vocabulary = {
      get countries() {
        return vocab.countries;
      },
      get topics() {
        return vocab.topics;
      },
      get actors() {
        return vocab.actors;
      },
      get figures() {
        return vocab.figures;
      },
      get events() {
        return vocab.events;
      },
    };

    // The shipped data render at once; the analyst's data join when read, without holding up the page.
    const userDataRead = userData.load();
    const render = () => {
      startUrlSync({ vocab: live });
      root.render(
        <StrictMode>
          <App dataset={base} />
        </StrictMode>,
      );
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
    root.render(<LoadError errors={[`The dashboard's code could not be loaded: ${String(error)}`]} />);
  });
