/**
 * npm run build:frontline — validates data/geo/history (copied from ../shared/geo/history, see its SOURCES.md)
 * and writes public/frontline/: index.json (the situations: date, file, areas, flags), daily.json, gains.json
 * and one GeoJSON per situation, fetched by the app only when shown. Why differences are computed by the build
 * rather than here: see scripts/lib/frontline-build.ts.
 */
import { join } from 'node:path';
import { buildFrontline } from './lib/frontline-build';

const root = join(import.meta.dirname, '..');
const outputs = buildFrontline(join(root, 'data/geo/history'), join(root, 'public/frontline'));
const bytes = outputs.index.situations.reduce((n, s) => n + s.bytes, 0);
console.log(
  `public/frontline: ${outputs.index.situations.length} situations (${bytes.toLocaleString('en-US')} bytes), ` +
    `${outputs.daily.length} days, as of ${outputs.index.asOf}`,
);
