/**
 * The benchmark's yardstick: the same stack (React 19 rendered on the client, built by Vite) with nothing in
 * it, so the dashboard's scores can be read next to what the stack itself costs on the same machine.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main>
      <h1>Bare app</h1>
      <p>React and Vite, nothing else.</p>
    </main>
  </StrictMode>,
);
