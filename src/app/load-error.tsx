import { AppHeader } from './app-header';

/** Shown instead of the dashboard when the data fail validation: every problem, by file, index and field. */
export function LoadError({ errors }: { errors: readonly string[] }) {
  return (
    <div className="app">
      <AppHeader />
      <main className="layout" id="main">
        <section className="load-error" role="alert" aria-labelledby="load-error-title">
          <h2 id="load-error-title">The data could not be loaded</h2>
          <p>No figure is shown rather than an unchecked one. These problems were found:</p>
          <ul>
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </section>
      </main>
    </div>
  );
}
