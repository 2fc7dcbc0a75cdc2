import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { FIXTURES } from '../helpers/ctx';
import { useDemoWorkspace } from '../helpers/demo-workspace';

const demo = useDemoWorkspace();

describe('ledger:state, the screens’ one read', () => {
  it('is exactly what catalog:list, check:run and workspace:current say of the same moment', async () => {
    const { ctx } = demo;
    await demo.attach('3.1.2', [join(FIXTURES, 'photos'), join(FIXTURES, 'pdfs')]);
    await demo.attach('1.1.1', [join(FIXTURES, 'pdfs')]);
    await call('criteria:scope', { codes: ['1.1.2'], mine: false }, ctx);

    const state = await call('ledger:state', {}, ctx);
    const [{ criteria }, report, workspace] = await Promise.all([
      call('catalog:list', {}, ctx),
      call('check:run', {}, ctx),
      call('workspace:current', {}, ctx),
    ]);
    expect(state.criteria).toEqual(criteria);
    expect(state.report).toEqual(report);
    expect(state.workspace).toEqual(workspace);
    // Not vacuous: materials were counted, progress made, findings raised.
    const leaf = state.criteria.find((c) => c.code === '3.1.2')!;
    expect(leaf.counts.photo).toBeGreaterThan(0);
    expect(leaf.progress.length).toBeGreaterThan(0);
    expect(state.report.findings.some((f) => f.criterionCode === '3.1.2')).toBe(true);
  });

  it('materials:months counts what materials:list lists, per criterion and month, the trashed left out', async () => {
    const { ctx } = demo;
    await demo.attach('3.1.2', [join(FIXTURES, 'photos')]);
    await demo.attach('1.1.1', [join(FIXTURES, 'pdfs')]);
    const listed = (await call('materials:list', {}, ctx)).materials;
    await call('materials:delete', { ids: [listed[0]!.id], deleted: true }, ctx);
    const live = listed.slice(1);
    const expected = new Map<string, number>();
    for (const m of live)
      expected.set(`${m.criterionCode}|${m.month}`, (expected.get(`${m.criterionCode}|${m.month}`) ?? 0) + 1);
    const { months } = await call('materials:months', {}, ctx);
    expect(new Map(months.map((r) => [`${r.criterionCode}|${r.month}`, r.materials]))).toEqual(expected);
    expect(months.reduce((n, r) => n + r.materials, 0)).toBe(live.length);
    expect(live.length).toBeGreaterThan(1);
  });

  it('needs an open workspace, like the calls it replaces', async () => {
    const { ctx } = demo;
    await call('workspace:close', {}, ctx);
    await expect(call('ledger:state', {}, ctx)).rejects.toMatchObject({ code: 'no-workspace' });
  });
});
