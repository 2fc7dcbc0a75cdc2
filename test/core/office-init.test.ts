import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOffice } from '../../electron/core/campaign/office-record';
import { unlockSigningKey } from '../../electron/core/signoff/keys';
import { publicKeyInfo } from '../../electron/core/signoff/public-keys';
import { Workspace } from '../../electron/core/workspace/workspace';
import { cli } from '../helpers/cli';
import { tmpDir } from '../helpers/tmp';
import { writeCollectiveLedger } from '../helpers/xlsx';

const PASS = '创城办口令2026';

function setup() {
  const base = tmpDir();
  const userData = join(base, 'user-data');
  const pass = join(base, 'pass.txt');
  writeFileSync(pass, `${PASS}\n`);
  const run = (...args: string[]) => cli(args, userData);
  return { base, pass, run };
}

describe('wangbao office init', () => {
  it('makes an office workspace whose key is sealed under the 口令, and prints exactly the contract’s JSON', async () => {
    const { base, pass, run } = setup();
    const dir = join(base, 'office');
    const r = run(
      'office',
      'init',
      dir,
      '--name',
      '示例市创城办',
      '--passphrase-file',
      pass,
      '--year',
      '2026',
      '--json',
    );
    expect(r.code, r.stderr).toBe(0);
    const json = r.json();
    expect(Object.keys(json).sort()).toStrictEqual(['dir', 'fingerprint', 'name', 'period', 'year']);
    expect(json).toMatchObject({
      dir,
      name: '示例市创城办',
      year: 2026,
      period: { start: '2025-11-01', end: '2026-10-31' },
    });
    const ws = await Workspace.open(dir, { access: 'read' });
    try {
      expect(ws.settings().mode).toBe('office');
      const office = readOffice(ws.db)!;
      expect(office.fingerprint).toBe(json.fingerprint);
      // The real key: the 口令 unlocks it, and its public half is the fingerprint printed.
      const key = await unlockSigningKey(office.sealedKey, PASS);
      expect(publicKeyInfo(key).fingerprint).toBe(json.fingerprint);
      await expect(unlockSigningKey(office.sealedKey, '另一个口令12345')).rejects.toMatchObject({
        code: 'passphrase-wrong',
      });
    } finally {
      ws.close();
    }
  });

  it('refuses a 口令 too short before anything exists on disk', () => {
    const { base, run } = setup();
    const short = join(base, 'short.txt');
    writeFileSync(short, '123\n');
    const dir = join(base, 'office');
    const r = run('office', 'init', dir, '--name', '示例市创城办', '--passphrase-file', short, '--json');
    expect(r.code).toBe(1);
    expect((r.json().error as { message: string }).message).toMatch(/口令/u);
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(base).filter((n) => n.includes('office'))).toStrictEqual([]);
  });

  it('--demo brings the demo catalog and the units its 台账 names, assigned', () => {
    const { base, pass, run } = setup();
    const dir = join(base, 'office');
    expect(
      run('office', 'init', dir, '--name', '示例市创城办', '--passphrase-file', pass, '--demo', '--json').code,
    ).toBe(0);
    const criteria = run('catalog', 'list', dir, '--json').json().criteria as unknown[];
    expect(criteria.length).toBeGreaterThan(10);
    // Re-importing the demo catalog's own units changes nothing: the same units, the same ids.
    const units = run('office', 'units', 'import', dir, join('resources', 'demo', 'catalog.json'), '--json');
    expect(units.code, units.stderr).toBe(0);
    const list = units.json().units as { name: string; assigned: number }[];
    expect(list.map((u) => u.name)).toContain('市教育局');
    expect(list.every((u) => u.assigned > 0)).toBe(true);
  });
});

describe('wangbao office units import', () => {
  it('reads units and 牵头/责任 from the 台账’s unit columns; collectives reach units by kind; units.json adds a street', async () => {
    const { base, pass, run } = setup();
    const dir = join(base, 'office');
    const ledger = join(base, '台账.xlsx');
    await writeCollectiveLedger(ledger);
    expect(run('office', 'init', dir, '--name', '示例市创城办', '--passphrase-file', pass, '--json').code).toBe(0);
    // The office imports its catalog like a unit.
    const cat = run('catalog', 'import', dir, ledger, '--json');
    expect(cat.code, cat.stderr).toBe(0);

    const r = run('office', 'units', 'import', dir, ledger, '--json');
    expect(r.code, r.stderr).toBe(0);
    const units = r.json().units as { id: string; name: string; aliases: string[]; assigned: number }[];
    expect(units.map((u) => [u.name, u.assigned])).toStrictEqual([
      // 1.1.1 各成员单位 (all), 1.1.3 各市直单位 (city): every bureau; plus what each leads.
      ['市委宣传部', 2],
      ['市教育局', 3],
      ['市机关事务局', 2],
      ['市城管局', 4],
      ['市财政局', 3],
    ]);
    expect(units.every((u) => /^[0-9a-f]{32}$/u.test(u.id) && Array.isArray(u.aliases))).toBe(true);

    const file = join(base, 'units.json');
    writeFileSync(
      file,
      JSON.stringify({
        units: [
          { name: '东城街道办事处', aliases: ['东城街道'], leader: '李四', liaison: '王五', phone: '0591-1234567' },
          { name: '市教育局', aliases: ['教育局'] },
        ],
      }),
    );
    const again = run('office', 'units', 'import', dir, file, '--json');
    expect(again.code, again.stderr).toBe(0);
    const after = again.json().units as typeof units;
    expect(after).toHaveLength(6);
    // The same bureau keeps its id; the street is reached by 各成员单位 and 各街道.
    expect(after.find((u) => u.name === '市教育局')).toMatchObject({ id: units[1]!.id, aliases: ['教育局'] });
    expect(after.find((u) => u.name === '东城街道办事处')).toMatchObject({ aliases: ['东城街道'], assigned: 2 });
    const ws = await Workspace.open(dir, { access: 'read' });
    try {
      const street = ws.db
        .prepare("SELECT kind, leader, liaison, phone FROM office_units WHERE name = '东城街道办事处'")
        .get();
      expect(street).toStrictEqual({ kind: 'township', leader: '李四', liaison: '王五', phone: '0591-1234567' });
    } finally {
      ws.close();
    }
  });

  it('a unit workspace refuses office commands with a clear Chinese message; a bad units.json is refused whole', () => {
    const { base, pass, run } = setup();
    const unit = join(base, 'unit');
    expect(run('init', unit, '--unit', '市教育局', '--demo', '--json').code).toBe(0);
    const r = run('office', 'units', 'import', unit, join('resources', 'demo', 'catalog.json'), '--json');
    expect(r.code).toBe(1);
    expect((r.json().error as { message: string }).message).toMatch(/单位工作区，不是创城办工作区/u);

    const dir = join(base, 'office');
    expect(
      run('office', 'init', dir, '--name', '示例市创城办', '--passphrase-file', pass, '--demo', '--json').code,
    ).toBe(0);
    const bad = join(base, 'units.json');
    writeFileSync(bad, JSON.stringify({ units: [{ name: '东城街道', kind: '外星单位' }] }));
    const refused = run('office', 'units', 'import', dir, bad, '--json');
    expect(refused.code).toBe(1);
    expect((refused.json().error as { message: string }).message).toMatch(/单位文件的格式不对/u);

    // And the other way round: an office workspace takes no unit's materials.
    const photo = join('test', 'fixtures', 'photos', 'HMD_Nokia_8.3_5G.jpg');
    const attach = run('attach', dir, '1.1.1', photo, '--json');
    expect(attach.code).toBe(1);
    expect((attach.json().error as { message: string }).message).toMatch(/这是创城办工作区/u);
  });
});
