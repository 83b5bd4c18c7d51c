/**
 * The page's entry: as small as it can be, so that nothing runs before the browser has painted the prerendered
 * page (src/app/first-paint.ts). Then src/boot.tsx loads the dataset and the app and hydrates. The stylesheet
 * is imported here so that the build puts it in the page's head (inline, scripts/lib/prerender-plugin.ts).
 */
import './styles.css';
import { afterFirstPaint } from './app/first-paint';

afterFirstPaint()
  .then(() => import('./boot'))
  .catch((error: unknown) => {
    // The start itself could not be loaded (a network failure mid-load): say so in the page, without React.
    console.error(error);
    const root = document.getElementById('root');
    const note = document.createElement('p');
    note.className = 'load-error__start';
    note.setAttribute('role', 'alert');
    note.textContent = `The dashboard's code could not be loaded (${String(error)}). Reload the page to try again.`;
    root?.prepend(note);
    root?.removeAttribute('inert');
  });
