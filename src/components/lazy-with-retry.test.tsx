import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { failedModuleUrl, lazyWithRetry } from './lazy-with-retry';

describe('failedModuleUrl', () => {
  it('finds the chunk in a failed dynamic import’s message', () => {
    const error = new TypeError(
      'Failed to fetch dynamically imported module: http://127.0.0.1:4317/assets/map-panel-Ab1_x.js',
    );
    expect(failedModuleUrl(error)).toBe('http://127.0.0.1:4317/assets/map-panel-Ab1_x.js');
  });

  it('is null when the message names no chunk', () => {
    expect(failedModuleUrl(new Error('network down'))).toBeNull();
  });
});

describe('lazyWithRetry', () => {
  const fallback = <p>loading</p>;
  const make = () => {
    let imports = 0;
    const panel = lazyWithRetry(
      async () => {
        imports += 1;
        return { Hello: ({ name }: { name: string }) => <p>hello {name}</p> };
      },
      (m) => m.Hello,
    );
    return { panel, imports: () => imports };
  };

  it('suspends on the server until its chunk is loaded, so a prerender would only have the fallback', () => {
    const { panel } = make();
    const html = renderToString(
      <Suspense fallback={fallback}>
        <panel.Lazy name="Kyiv" />
      </Suspense>,
    );
    expect(html).not.toContain('hello');
  });

  it('renders the component itself, without suspending, once preloaded (the prerender and the hydration)', async () => {
    const { panel, imports } = make();
    await panel.preload();
    expect(imports()).toBe(1);
    const html = renderToString(
      <Suspense fallback={fallback}>
        <panel.Lazy name="Kyiv" />
      </Suspense>,
    );
    expect(html).toContain('hello <!-- -->Kyiv');
    expect(html).not.toContain('loading');
  });

  it('leaves a failed preload to the render, which can retry', async () => {
    let fail = true;
    const panel = lazyWithRetry(
      async () => {
        if (fail) throw new Error('network down');
        return { Hello: () => <p>hello</p> };
      },
      (m) => m.Hello,
    );
    await expect(panel.preload()).resolves.toBeUndefined();
    fail = false;
    panel.retry();
    render(
      <Suspense fallback={fallback}>
        <panel.Lazy />
      </Suspense>,
    );
    expect(await screen.findByText('hello')).toBeInTheDocument();
  });
});
