import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LoadError } from './app/load-error';
import { startUrlSync } from './state/url-sync';
import { vocabularyOf } from './state/url';

// A panel that fails shows its own message and a retry (see Region); that is handled, so it is a warning.
const root = createRoot(document.getElementById('root')!, {
  onCaughtError: (error) => console.warn('A panel failed and shows a message with a retry:', error),
});

// The dataset (JSON and its validation) and the app are separate chunks, fetched in parallel;
// the page shell in index.html is on screen meanwhile.
Promise.all([import('./model/dataset'), import('./app/app')])
  .then(([{ loaded }, { App }]) => {
    // For the benchmark: when the data are loaded and validated.
    performance.mark('geobrief:data-ready');
    if (!loaded.ok) {
      console.error(`The dataset is invalid:\n${loaded.errors.join('\n')}`);
      root.render(<LoadError errors={loaded.errors} />);
      return;
    }
    startUrlSync({ vocab: vocabularyOf(loaded.dataset) });
    root.render(
      <StrictMode>
        <App dataset={loaded.dataset} />
      </StrictMode>,
    );
  })
  .catch((error: unknown) => {
    console.error(error);
    root.render(<LoadError errors={[`The dashboard's code could not be loaded: ${String(error)}`]} />);
  });
