import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { testCtx } from '../helpers/ctx';
import { tmpDir } from '../helpers/tmp';
import { writeCollectiveLedger as writeLedger } from '../helpers/xlsx';

describe('scope for collective duties', () => {
  it('preselects by name and by kind, marks 集体责任, lists what it cannot place, and keeps the officer’s choices', async () => {
    const base = tmpDir();
    const file = join(base, '台账.xlsx');
    await writeLedger(file);
    const { ctx } = testCtx(base);
    const info = await call('workspace:create', { dir: join(base, 'ws'), unit: '市教育局', year: 2026 }, ctx);
    expect(info.unit.kind).toBe('city'); // guessed from the name

    const preview = (await call('catalog:preview', { file }, ctx))!;
    expect(preview.unitKind).toBe('city');
    expect(preview.scopeAll).toBe(false);
    // The upper levels are written again on every row (an unmerged sheet): one 测评项目, one 测评内容, six standards.
    expect([preview.nodes.length, preview.leaves, preview.skipped]).toEqual([8, 6, []]);
    const step = Object.fromEntries(preview.scope.map((r) => [r.title, [r.reason, r.term, r.mine]]));
    expect(step).toEqual({
      学习制度: ['collective', '各成员单位', true],
      教师培训: ['named', '市教育局', true],
      机关环境: ['collective', '各市直单位', true],
      执法规范: ['unplaced', '各执法部门', false],
      街巷整治: ['none', '', false], // listed, so the officer can tick it
      财政保障: ['none', '', false],
    });
    expect(preview.nodes.flatMap((n) => n.requirements.filter((r) => r.kind === 'other').map((r) => r.text))).toEqual([
      '学习心得体会',
      '典型案例',
    ]);

    const code = (title: string) => preview.nodes.find((n) => n.title === title)!.code;
    await call(
      'catalog:import',
      {
        file,
        scope: [{ code: code('执法规范'), mine: true }],
        requirementKinds: [{ code: code('学习制度'), text: '学习心得体会', kind: 'document' }],
      },
      ctx,
    );
    const mine = async () => {
      const all = (await call('catalog:list', {}, ctx)).criteria.filter((c) => c.leaf);
      return Object.fromEntries(all.map((c) => [c.title, c.mine]));
    };
    expect(await mine()).toEqual({
      学习制度: true,
      教师培训: true,
      机关环境: true,
      街巷整治: false,
      执法规范: true, // the officer's choice in the preview
      财政保障: false,
    });

    // Re-import: the officer's scope choice and phrase kind are kept, and shown as theirs.
    const again = (await call('catalog:preview', { file }, ctx))!;
    expect(again.scope.find((r) => r.title === '执法规范')).toMatchObject({ mine: true, setByUser: true });
    const learning = again.nodes.find((n) => n.title === '学习制度')!;
    expect(learning.requirements[0]).toMatchObject({ kind: 'document', text: '学习心得体会' });
    await call('catalog:import', { file }, ctx);
    const listed = (await call('catalog:list', {}, ctx)).criteria.find((c) => c.title === '学习制度')!;
    expect(listed.requirements[0]!.kind).toBe('document');
    expect((await mine()).执法规范).toBe(true);

    // The officer says the unit is a 街道: the collectives re-derive, the choice by hand stays.
    const updated = await call('workspace:update', { unitKind: 'township' }, ctx);
    expect(updated.unit.kind).toBe('township');
    expect(await mine()).toMatchObject({ 机关环境: false, 街巷整治: true, 学习制度: true, 执法规范: true });
  });

  it('refuses choices for codes the file does not hold, writing nothing', async () => {
    const base = tmpDir();
    const file = join(base, '台账.xlsx');
    await writeLedger(file);
    const { ctx } = testCtx(base);
    await call('workspace:create', { dir: join(base, 'ws'), unit: '市教育局', unitKind: 'city', year: 2026 }, ctx);
    await expect(call('catalog:import', { file, scope: [{ code: '9.9', mine: true }] }, ctx)).rejects.toMatchObject({
      code: 'invalid-args',
      message: expect.stringContaining('9.9'),
    });
    expect((await call('catalog:list', {}, ctx)).criteria).toEqual([]);
  });
});
