/**
 * The one place the app gets zod from: `zod/mini` (the functional, tree-shakable build: a much smaller bundle
 * than classic zod) with zod's English messages switched on. zod/mini loads no locale by itself, and the
 * messages are shown to the analyst and asserted by tests (`figures.json[3].lead: Too big: …`), so every
 * schema module imports `z` from here rather than from 'zod/mini' directly.
 */
import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

export { z };
