/**
 * `vite build` prerenders the explore view into index.html's #root, so the first paint is the real content
 * (header, filters, key figures, sources; the heavy panels' placeholders) before any JavaScript runs; the
 * page then hydrates it (src/boot.tsx, loaded by src/main.tsx once the page has painted). The HTML comes from scripts/prerender/render-explore.tsx, loaded
 * through Vite (the same plugins and the same checked dataset as the page) and rendered with react-dom/server.
 *
 * The page shell that index.html carries for the dev server is replaced. The first render's CSS is put inline in
 * one `<style>` (inlineFirstRenderCss below; the CSP allows it by its hash, see vite.config.ts), so the first
 * paint waits for no stylesheet request; no inline script is added (the CSP forbids it).
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { createServer, type IndexHtmlTransformContext, type Plugin, type PluginOption, type Rollup } from 'vite';

const ENTRY = '/scripts/prerender/render-explore.tsx';
/** index.html's `<div id="root">…</div>`, up to the comment that closes it. */
const ROOT_RE = /<div id="root">[\s\S]*?(<\/div>\s*<!-- \/#root -->)/;

/**
 * Puts `html` inside #root of `page` (index.html), marked `data-prerendered="explore"` (src/boot.tsx
 * hydrates it) and `inert` until the script takes it over (no click is lost before it can answer).
 * Throws if the marker is gone.
 */
export function injectIntoRoot(page: string, html: string): string {
  if (!ROOT_RE.test(page)) throw new Error('index.html has no <div id="root">…</div><!-- /#root --> to prerender into');
  return page.replace(ROOT_RE, (_, close: string) => `<div id="root" data-prerendered="explore" inert>${html}${close}`);
}

/** The modules src/boot.tsx imports to render the prerendered view: their CSS must be there at first paint. */
const FIRST_RENDER = ['src/app/app-root.tsx', 'src/model/dataset/dataset.ts', 'src/state/user-data.ts'];

/**
 * The CSS files of the first render's chunks and of every chunk they import statically, as the page
 * links them. Vite would load them with those chunks, after the first paint: put in the head instead,
 * the prerendered HTML paints styled (and Vite's loader sees them there and does not load them again).
 */
export function firstRenderCss(bundle: Rollup.OutputBundle, base = '/'): string[] {
  const chunks = Object.values(bundle).filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const css = new Set<string>();
  const seen = new Set<string>();
  const visit = (chunk: Rollup.OutputChunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const file of chunk.viteMetadata?.importedCss ?? []) css.add(file);
    for (const file of chunk.imports) {
      const next = byFile.get(file);
      if (next) visit(next);
    }
  };
  for (const chunk of chunks) {
    const id = chunk.facadeModuleId?.replaceAll('\\', '/') ?? '';
    if (FIRST_RENDER.some((m) => id.endsWith(`/${m}`))) visit(chunk);
  }
  return [...css].map((file) => `${base}${file}`);
}

/** `<link rel="stylesheet" … href="…">` tags in a page. */
const STYLESHEET_RE = /<link rel="stylesheet"(?: crossorigin)? href="([^"]+)"\s*\/?>/g;

/**
 * Puts the CSS of the page's stylesheets (those it links, then `extra`, the first render's chunks' CSS) into one
 * `<style>` at the end of the head, so the browser paints the prerendered page without a stylesheet request.
 * Each link stays in the page, `disabled` (never fetched nor applied): Vite's loader finds it there when the chunk
 * that imports the CSS loads, and does not fetch it again. Throws if a linked file is not in the bundle.
 */
export function inlineFirstRenderCss(
  page: string,
  extra: readonly string[],
  cssOf: (href: string) => string | undefined,
) {
  const hrefs = [...page.matchAll(STYLESHEET_RE)].map((m) => m[1]!);
  for (const href of extra) if (!hrefs.includes(href)) hrefs.push(href);
  if (hrefs.length === 0) return page;
  const css = hrefs.map((href) => {
    const text = cssOf(href);
    if (text === undefined) throw new Error(`${href} is linked from index.html but is not in the build`);
    return text.trim();
  });
  const withoutLinks = page.replace(STYLESHEET_RE, '');
  const marks = hrefs.map((href) => `    <link rel="stylesheet" href="${href}" disabled>\n`).join('');
  return withoutLinks.replace('</head>', `${marks}    <style>${css.join('\n')}</style>\n  </head>`);
}

/** The CSP source for each inline `<style>` of a page ('sha256-…'), for its `style-src`. */
export function inlineStyleHashes(page: string): string[] {
  return [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`,
  );
}

interface PrerenderOptions {
  /** The project's root. */
  root: string;
  /** The data folder (`@data`). */
  dataDir: string;
  /** What the render needs to load the app's modules (React's JSX, the dataset module), made afresh. */
  plugins: () => PluginOption[];
}

export function prerenderPlugin({ root, dataDir, plugins }: PrerenderOptions): Plugin {
  let enabled = false;
  return {
    name: 'geobrief-prerender',
    apply: 'build',
    configResolved(config) {
      enabled = !config.build.ssr && process.env['GEOBRIEF_PRERENDER'] !== '0';
    },
    transformIndexHtml: {
      order: 'post',
      async handler(page: string, ctx: IndexHtmlTransformContext) {
        if (!enabled) return page;
        const links = firstRenderCss(ctx.bundle ?? {}).filter((href) => !page.includes(`href="${href}"`));
        const server = await createServer({
          configFile: false,
          root: resolve(root),
          logLevel: 'error',
          plugins: plugins(),
          resolve: { alias: { '@data': dataDir } },
          server: { middlewareMode: true, hmr: false, ws: false, watch: null },
          appType: 'custom',
          optimizeDeps: { noDiscovery: true, include: [] },
        });
        try {
          const { renderExplore } = (await server.ssrLoadModule(ENTRY)) as {
            renderExplore: () => Promise<string>;
          };
          const bundle = ctx.bundle ?? {};
          const styled = inlineFirstRenderCss(page, links, (href) => {
            const asset = bundle[href.replace(/^\//, '')];
            return asset?.type === 'asset' ? String(asset.source) : undefined;
          });
          return injectIntoRoot(styled, await renderExplore());
        } finally {
          await server.close();
        }
      },
    },
  };
}
