import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { cli } from '../helpers/cli';
import { FIXTURES } from '../helpers/ctx';
import { useDemoWorkspace } from '../helpers/demo-workspace';
import { errorOf } from '../helpers/errors';

const demo = useDemoWorkspace();
const photo = join(FIXTURES, 'photos', 'Canon_40D.jpg');

describe('materials go on leaves only', () => {
  it('attaching to a 测评项目 or 测评内容 is refused naming its leaves; nothing is written', async () => {
    for (const code of ['3', '3.1']) {
      const e = await errorOf(demo.attach(code, [photo]));
      expect([e.code, e.message]).toEqual(['input-refused', expect.stringContaining('3.1.2')]);
    }
    expect((await call('materials:list', {}, demo.ctx)).materials).toEqual([]);
    const [m] = await demo.attach('3.1.2', [photo]);
    const moved = await errorOf(
      call('materials:move', { ids: [m!.materialId!], toCriterionCode: '3.2', copy: true }, demo.ctx),
    );
    expect(moved.message).toContain('末级标准');
  });

  it('a material counts for a month of the period, never one outside it (attach and edit alike)', async () => {
    const { period } = demo.ctx.session.workspace!.settings();
    const e = await errorOf(demo.attach('3.1.2', [photo], { month: '2030-01' }));
    expect([e.code, e.message]).toEqual(['invalid-args', expect.stringContaining(`${period.start} 至 ${period.end}`)]);
    expect((await call('materials:list', {}, demo.ctx)).materials).toEqual([]);
    const [m] = await demo.attach('3.1.2', [photo], { month: period.start.slice(0, 7) });
    const edit = await errorOf(call('materials:update', { id: m!.materialId!, month: '2000-01' }, demo.ctx));
    expect(edit.code).toBe('invalid-args');
  });

  it('the CLI exits 1 and says which leaves to use', () => {
    demo.ctx.session.workspace!.close();
    const r = cli(['attach', join(demo.base, 'ws'), '3.1', photo, '--json'], demo.base);
    expect([r.code, (r.json().error as { code: string }).code]).toEqual([1, 'input-refused']);
    expect((r.json().error as { message: string }).message).toMatch(/末级标准.*3\.1\.2/u);
  });
});
