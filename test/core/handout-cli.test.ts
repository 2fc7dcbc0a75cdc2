import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { officeKey, writeHandout } from '../helpers/make-handout';
import { tmpDir } from '../helpers/tmp';
import { firstSpec } from './handout-setup';

/** A workspace made by the CLI itself, and a place for hand-outs and the CLI's user data. */
function setup(unit = '市教育局') {
  const base = tmpDir();
  const ws = join(base, 'ws');
  const userData = join(base, 'user-data');
  const init = cli(['init', ws, '--unit', unit, '--year', '2026', '--json'], userData);
  expect(init.code, init.stderr).toBe(0);
  const run = (...args: string[]) => cli(['handout', 'import', ws, ...args], userData);
  const criteria = () => (cli(['catalog', 'list', ws, '--json'], userData).json().criteria as unknown[]).length;
  return { base, ws, run, criteria };
}

describe('wangbao handout import', () => {
  it('--dry-run writes nothing; the import prints exactly the contract’s JSON; again: nothing to change', async () => {
    const { base, run, criteria } = setup();
    const key = officeKey();
    const h = await writeHandout(base, firstSpec(key));

    const dry = run(h.path, '--dry-run', '--json');
    expect(dry.code, dry.stderr).toBe(0);
    const expected = {
      office: { name: '示例市创城办', fingerprint: key.fingerprint, firstSight: true },
      sequence: 1,
      catalog: { added: 11, changed: 0, removed: 0 },
      scope: { added: 3, removed: 0 },
      requests: { new: 2, updated: 0, closed: 0 },
      keyDates: 2,
      applied: false,
    };
    expect(dry.json()).toStrictEqual(expected);
    expect(criteria()).toBe(0);

    const done = run(h.path, '--json');
    expect(done.code, done.stderr).toBe(0);
    expect(done.json()).toStrictEqual({ ...expected, applied: true });
    expect(criteria()).toBe(11);

    const again = run(h.path, '--json');
    expect(again.code).toBe(0);
    expect(again.json()).toStrictEqual({
      ...expected,
      office: { ...expected.office, firstSight: false },
      catalog: { added: 0, changed: 0, removed: 0 },
      scope: { added: 0, removed: 0 },
      requests: { new: 0, updated: 0, closed: 0 },
    });
  });

  it('says in Chinese what it did, and on first sight asks to check the fingerprint', async () => {
    const { base, run } = setup();
    const key = officeKey();
    const h = await writeHandout(base, firstSpec(key));
    const r = run(h.path);
    expect(r.code, r.stderr).toBe(0);
    const short = key.fingerprint.slice(0, 16).match(/.{4}/gu)!.join(' ');
    expect(r.stdout).toContain('已导入创城办下发包：示例市创城办第 1 号（2026-06-01 下发）');
    expect(r.stdout).toContain('要账：新增 2 条，更新 0 条，销号 0 条');
    expect(r.stdout).toContain('跳过要账 r3（9.9.9）：测评标准 9.9.9 不在下发的测评体系中');
    expect(r.stdout).toContain(`初次导入：请与创城办核对指纹 ${short}`);
    expect(r.stderr).toBe('');
  });

  it('exit 1 with the reason in error: a broken signature, a changed key (until --accept-new-key)', async () => {
    const { base, run, criteria } = setup();
    const key = officeKey();
    expect(run((await writeHandout(base, firstSpec(key))).path, '--json').code).toBe(0);

    const broken = await writeHandout(base, {
      ...firstSpec(key, { sequence: 2 }),
      tamper: (items) =>
        items.map((i) => (i.name === 'handout.json' ? { ...i, bytes: Buffer.from(`${i.bytes.toString()} `) } : i)),
    });
    const bad = run(broken.path, '--json');
    expect(bad.code).toBe(1);
    expect(Object.keys(bad.json())).toEqual(['error']);
    expect(bad.json().error).toMatchObject({ code: 'handout-refused' });
    expect((bad.json().error as { message: string }).message).toMatch(/签名验证未通过/u);

    const other = await writeHandout(base, firstSpec(officeKey(), { sequence: 2 }));
    const refused = run(other.path, '--json');
    expect([refused.code, (refused.json().error as { code: string }).code]).toEqual([1, 'handout-refused']);
    const dry = run(other.path, '--dry-run', '--json');
    expect(dry.code).toBe(1); // the dry run refuses what the import would
    const accepted = run(other.path, '--accept-new-key', '--json');
    expect(accepted.code, accepted.stdout).toBe(0);
    expect(accepted.json()).toMatchObject({ sequence: 2, applied: true });
    expect(criteria()).toBe(11);
  });

  it('an unknown unit: exit 1, then --unit picks it by name or alias; an unknown name is exit 1', async () => {
    const { base, run } = setup('市文明办');
    const h = await writeHandout(base, firstSpec(officeKey()));
    const refused = run(h.path, '--json');
    expect(refused.code).toBe(1);
    expect((refused.json().error as { message: string }).message).toMatch(/请选择本单位对应的名称/u);
    const none = run(h.path, '--unit', '市文明办', '--json');
    expect(none.code).toBe(1);
    expect((none.json().error as { message: string }).message).toMatch(/没有名为“市文明办”的单位.*市教育局、市卫健委/u);
    const byAlias = run(h.path, '--unit', '教育局', '--dry-run', '--json');
    expect(byAlias.code).toBe(0);
    expect(byAlias.json()).toMatchObject({ requests: { new: 2 }, applied: false });
    const ok = run(h.path, '--unit', '市卫健委', '--json');
    expect(ok.code).toBe(0);
    expect(ok.json()).toMatchObject({ scope: { added: 1 }, requests: { new: 1 }, applied: true });
  });

  it('exit 2: a missing argument, a file that does not exist', () => {
    const { base, run } = setup();
    const usage = run('--json');
    expect(usage.code).toBe(2);
    const missing = run(join(base, 'nope.zip'), '--json');
    expect(missing.code).toBe(2);
    expect(missing.json().error).toMatchObject({ code: 'io' });
  });
});
