import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { FIXTURES } from '../helpers/ctx';
import { useDemoWorkspace } from '../helpers/demo-workspace';

const demo = useDemoWorkspace();

describe('the audit log (操作记录)', () => {
  it('records every change to materials, scope, declarations, signers, reviews and exports, and lists them', async () => {
    const { ctx, base } = demo;
    const [added] = await demo.attach('3.1.2', [join(FIXTURES, 'photos', 'DSCN0010.jpg')]);
    await call('materials:update', { id: added!.materialId!, caption: '时间：2026年3月12日；地点：市一中' }, ctx);
    await call('criteria:scope', { codes: ['1.1.2'], mine: false }, ctx);
    await call(
      'criteria:declare',
      { criterionCode: '1.1.1', statement: '本单位不承担该项工作，已由市委宣传部负责。' },
      ctx,
    );
    await call('signer:add', { name: '王分管', level: 'leader', passphrase: '分管口令123' }, ctx);
    await call(
      'review:decide',
      { codes: ['3.1.2'], decision: 'approve', signer: '王分管', passphrase: '分管口令123' },
      ctx,
    );
    await call('package:export', { kind: 'monthly', month: '2026-05', out: join(base, 'p.zip') }, ctx);

    const all = await call('log:list', {}, ctx);
    expect(all.rows.map((r) => r.action).reverse()).toEqual([
      'workspace.create',
      'catalog.import',
      'material.attach',
      'material.update',
      'criteria.scope',
      'criterion.declare',
      'signer.add',
      'review.record',
      'package.export',
    ]);
    expect(all.total).toBe(9);

    const on312 = await call('log:list', { criterionCode: '3.1.2' }, ctx);
    expect(on312.rows.map((r) => r.action).reverse()).toEqual(['material.attach', 'material.update', 'review.record']);
    expect((await call('log:list', { action: 'review.record' }, ctx)).rows[0]!.details).toMatchObject({
      criterionCode: '3.1.2',
      signer: '王分管',
    });
    // The test clock says 2026-05-20: a range before it holds nothing, one around it everything.
    expect((await call('log:list', { to: '2026-05-19' }, ctx)).total).toBe(0);
    expect(await call('log:list', { from: '2026-05-20', to: '2026-05-20', limit: 3 }, ctx)).toMatchObject({
      total: 9,
      rows: expect.arrayContaining([expect.objectContaining({ action: 'package.export' })]),
    });
    expect(await call('log:verify', {}, ctx)).toEqual({ rows: 9, valid: true, firstBrokenRow: null });
  });
});
