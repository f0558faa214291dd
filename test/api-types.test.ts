import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_SCHEMA_FILE, generateApiTypes } from '../scripts/api-types.ts';

/** The first line where two texts differ, with a few lines of each around it. */
function firstDifference(committed: string, current: string): string {
  const a = committed.split('\n');
  const b = current.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const around = (lines: string[]) => lines.slice(Math.max(0, i - 3), i + 4).join('\n');
  return `first difference at line ${i + 1}\n--- committed\n${around(a)}\n+++ from the routes\n${around(b)}`;
}

describe("the web app's API types (web/lib/api-schema.d.ts)", () => {
  it('are those the current routes make', async () => {
    const committed = fs.existsSync(API_SCHEMA_FILE) ? fs.readFileSync(API_SCHEMA_FILE, 'utf8') : '';
    const current = await generateApiTypes();
    if (committed !== current) {
      expect.fail(
        `web/lib/api-schema.d.ts is out of date: run npm run api:types (then npm run typecheck)\n${firstDifference(committed, current)}`,
      );
    }
  });
});
