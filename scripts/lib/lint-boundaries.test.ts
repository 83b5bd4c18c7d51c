// @vitest-environment node
/**
 * The boundaries of eslint.config.js hold: each forbidden import fails lint with its rule, and an allowed one
 * passes. Probes are linted as text under a path in the tree (no file is written).
 */
import fs from 'node:fs';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
// eslint.config.js is plain JavaScript, read by ESLint and here.
// @ts-expect-error: no declaration file for the config
import { FEATURES } from '../../eslint.config.js';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

/** The rule ids and messages lint reports for `code` at `filePath`. */
async function lint(filePath: string, code: string): Promise<{ rule: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}

const FORBIDDEN: [string, string, string, RegExp][] = [
  [
    'server → state',
    'server/probe.ts',
    "export { useUserData } from '../src/state/user-data';\n",
    /server\/ may import src\/model only/,
  ],
  [
    'server → scripts',
    'server/probe.ts',
    "export { startPgCluster } from '../scripts/lib/pg-cluster';\n",
    /The server must not import scripts/,
  ],
  [
    'page → server',
    'src/state/probe.ts',
    "export { pushChanges } from '../../server/sync';\n",
    /The page must not import the server/,
  ],
  [
    'since → map',
    'src/features/since/probe.ts',
    "import MapPanel from '../map/map-panel';\nexport { MapPanel };\n",
    /Features must not import each other/,
  ],
  [
    'keyboard → charts',
    'src/features/keyboard/probe.ts',
    "export { Charts } from '../charts/charts';\n",
    /Features must not import each other/,
  ],
  [
    'map → since',
    'src/features/map/probe.ts',
    "export { SincePanel } from '../since/since-panel';\n",
    /Features must not import each other/,
  ],
  [
    'feature → app',
    'src/features/actors/probe.ts',
    "export { YourData } from '../../app/your-data';\n",
    /must not import src\/app/,
  ],
  ['extract → state', 'src/extract/probe.ts', "export { useChoices } from '../state/store';\n", /src\/extract is pure/],
  ['extract → React', 'src/extract/probe.ts', "export { useState } from 'react';\n", /no UI library/],
  [
    'state → features',
    'src/state/probe.ts',
    "export { Charts } from '../features/charts/charts';\n",
    /src\/state holds the store/,
  ],
  [
    'state → components',
    'src/state/probe.ts',
    "export { Region } from '../components/region';\n",
    /src\/state holds the store/,
  ],
  [
    'model → state',
    'src/model/format/probe.ts',
    "export { useChoices } from '../../state/store';\n",
    /src\/model imports nothing above it/,
  ],
  [
    'model → extract',
    'src/model/pack/probe.ts',
    "export { slugify } from '../../extract/ids';\n",
    /src\/model imports nothing above it/,
  ],
  ['model → React', 'src/model/dataset/probe.ts', "export { useMemo } from 'react';\n", /no UI library/],
  [
    'components → features',
    'src/components/probe.ts',
    "export { ActorCard } from '../features/actors/actor-card';\n",
    /src\/components are shared by features/,
  ],
  [
    'app code → scripts',
    'src/app/probe.ts',
    "export { bundleSizes } from '../../scripts/lib/bundle-size';\n",
    /must not import build scripts/,
  ],
  [
    'scripts → e2e',
    'scripts/probe.ts',
    "export { PHONE } from '../e2e/browser';\n",
    /Scripts must not import browser journeys/,
  ],
];

describe('lint boundaries', () => {
  it.each(FORBIDDEN)('refuses %s', async (_name, filePath, code, message) => {
    const messages = await lint(filePath, code);
    expect(messages.some((m) => m.rule === 'import-x/no-restricted-paths' || m.rule === 'no-restricted-imports')).toBe(
      true,
    );
    expect(messages.map((m) => m.message).join('\n')).toMatch(message);
  });

  it('allows the one-way flow: a feature imports the model, state and components; a test may use a script', async () => {
    expect(
      await lint(
        'src/features/map/probe.ts',
        "export { formatDate } from '../../model/format/format';\nexport { useChoices } from '../../state/store';\nexport { Region } from '../../components/region';\n",
      ),
    ).toEqual([]);
    expect(
      await lint('src/app/probe.test.ts', "export { bundleSizes } from '../../scripts/lib/bundle-size';\n"),
    ).toEqual([]);
    expect(await lint('server/probe.ts', "export { ChangeSchema } from '../src/model/workspace/protocol';\n")).toEqual(
      [],
    );
    expect(
      await lint('server/testing/probe.ts', "export { startPgCluster } from '../../scripts/lib/pg-cluster';\n"),
    ).toEqual([]);
  });

  it('refuses an import cycle', async () => {
    // briefing.ts imports format.ts; format.ts importing briefing.ts back closes a cycle.
    const messages = await lint(
      'src/model/format/format.ts',
      "export { briefingContents } from '../briefing/briefing';\n",
    );
    expect(messages.map((m) => m.rule)).toContain('import-x/no-cycle');
  });

  it('fences every feature folder in the tree, read from src/features/', () => {
    const folders = fs
      .readdirSync('src/features', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(FEATURES).toEqual(folders);
    expect(FEATURES).toContain('since');
    expect(FEATURES).toContain('keyboard');
  });
});
