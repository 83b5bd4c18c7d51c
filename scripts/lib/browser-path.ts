/**
 * Which Chromium the journeys and the benchmark drive, and the flags every run uses (DESIGN.md).
 * No test framework here.
 *
 * In order: `CHROMIUM_PATH`; the system's `/usr/bin/chromium` or `/usr/bin/chromium-browser`; else the
 * headless Chromium inside the devDependency `@sparticuz/chromium` (its binary comes from the npm registry
 * with `npm ci` and is unpacked to the temporary directory on first use), so `npm test` needs no set-up
 * beyond `npm ci`.
 */
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The flags of @sparticuz/chromium's list that its headless-shell build needs outside AWS Lambda. */
const PACKAGED_FLAGS = ['--no-zygote', '--disable-setuid-sandbox', '--font-render-hinting=none'];

export interface ChromiumChoice {
  /** The binary to launch. */
  path: string;
  /** Where it comes from, in words, for the log. */
  origin: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
  /** CHROMIUM_FLAGS, plus what the packaged build needs. */
  args: string[];
  /** Environment for the browser process (the packaged build's fonts when the system has no fontconfig). */
  env: Record<string, string>;
}

let choice: Promise<ChromiumChoice> | undefined;

async function choose(): Promise<ChromiumChoice> {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH names ${fromEnv}, which does not exist.`);
    return { path: fromEnv, origin: 'CHROMIUM_PATH', args: CHROMIUM_FLAGS, env: {} };
  }
  const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(usable);
  if (system) return { path: system, origin: 'system', args: CHROMIUM_FLAGS, env: {} };
  let packaged: typeof import('@sparticuz/chromium').default;
  try {
    packaged = (await import('@sparticuz/chromium')).default;
  } catch (error) {
    throw new Error(
      'No Chromium: neither CHROMIUM_PATH, /usr/bin/chromium nor /usr/bin/chromium-browser, and the ' +
        `devDependency @sparticuz/chromium could not be loaded (run \`npm ci\`): ${String(error)}`,
      { cause: error },
    );
  }
  // Unpacks chromium (and its fonts) into the temporary directory once; later calls reuse the binary.
  const path = await packaged.executablePath();
  const fonts = join(tmpdir(), 'fonts');
  const env: Record<string, string> =
    !existsSync('/etc/fonts/fonts.conf') && existsSync(fonts) ? { FONTCONFIG_PATH: fonts } : {};
  return { path, origin: '@sparticuz/chromium', args: [...CHROMIUM_FLAGS, ...PACKAGED_FLAGS], env };
}

/** A system binary that is a real file (not, say, /dev/null bind-mounted over it). */
function usable(path: string): boolean {
  try {
    const stat = statSync(path);
    return stat.isFile() && stat.size > 0;
  } catch {
    return false;
  }
}

/** The Chromium to use (chosen once per process). */
export function chromium(): Promise<ChromiumChoice> {
  choice ??= choose();
  return choice;
}

/** The path of the Chromium to use (see `chromium()`). */
export async function chromiumPath(): Promise<string> {
  return (await chromium()).path;
}

/** "Chromium 156.0… (system: /usr/bin/chromium)", for the log. */
export function describeChoice(c: ChromiumChoice, version?: string): string {
  return `${version ? `Chromium ${version}` : 'Chromium'} (${c.origin}: ${c.path})`;
}

/** What playwright-core's `chromium.launch` needs to start the chosen Chromium. */
export async function launchOptions(): Promise<{
  executablePath: string;
  args: string[];
  env: Record<string, string>;
}> {
  const c = await chromium();
  return { executablePath: c.path, args: c.args, env: { ...(process.env as Record<string, string>), ...c.env } };
}
