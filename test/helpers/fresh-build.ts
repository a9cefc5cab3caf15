// Set up before every test of the `built` project (vitest.config.ts): those tests run dist/, so against a build older
// than src/ they would test yesterday's code and pass or fail for the wrong reason. Stop them with what to do instead.
import { resolve } from 'node:path';
import { staleSources } from './stale-build.js';

const stale = staleSources(resolve(import.meta.dirname, '../..'));
if (stale.length > 0) {
  const named = stale.slice(0, 3).join(', ') + (stale.length > 3 ? ` and ${stale.length - 3} more` : '');
  throw new Error(`dist/ is older than src/ (${named}): run npm run build, then the tests again`);
}
