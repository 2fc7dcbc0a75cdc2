import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_CLI } from '../helpers/cli';
import { existsSync } from 'node:fs';
import type { Group } from '../hostile/case';
import { HOSTILE_CASES } from '../hostile/cases';
import { cleanUp, runCase } from '../hostile/run';

/**
 * The hostile-input suite (test/hostile/): every case of the table through a real entry point — attach, catalog
 * import, verify, 往年材料, a title exported in a package — in core (this process) or the built CLI. Each must end
 * in its expected outcome with a Chinese message and no raw error, within 30 s, the workspace sound afterwards.
 */
const GROUPS: Record<Group, string> = {
  intake: 'evidence intake (attach)',
  catalog: '测评体系 import (JSON and 台账 .xlsx)',
  package: 'verify (校验申报包)',
  reference: '往年材料 import',
  titles: 'titles, exported in a package',
  large: 'large files',
};

const times: [string, number][] = [];
afterAll(() => {
  cleanUp();
  const total = times.reduce((a, [, ms]) => a + ms, 0);
  const slowest = [...times].sort((a, b) => b[1] - a[1]).slice(0, 3);
  const perCategory = new Map<string, number>();
  for (const c of HOSTILE_CASES) perCategory.set(c.category, (perCategory.get(c.category) ?? 0) + 1);
  const viaCli = HOSTILE_CASES.filter((c) => c.cli).length;
  console.log(
    `hostile inputs: ${times.length} cases (${viaCli} through the CLI; ` +
      `${[...perCategory].map(([k, n]) => `${k} ${n}`).join(', ')}), ` +
      `${(total / 1000).toFixed(1)} s in the entry points; slowest: ` +
      slowest.map(([n, ms]) => `${n} ${(ms / 1000).toFixed(1)} s`).join(', '),
  );
});

it('the table has at least 80 cases, uniquely named, and the CLI is built', () => {
  expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(80);
  expect(new Set(HOSTILE_CASES.map((c) => c.name)).size).toBe(HOSTILE_CASES.length);
  expect(existsSync(BUILT_CLI), `${BUILT_CLI}: run npm run build`).toBe(true);
});

for (const [group, title] of Object.entries(GROUPS) as [Group, string][])
  describe(title, () => {
    for (const c of HOSTILE_CASES.filter((x) => x.group === group))
      it(c.name, async () => {
        times.push([c.name, await runCase(c)]);
      });
  });
