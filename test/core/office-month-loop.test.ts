import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { makeOffice, makeUnit, OFFICE_PASS } from '../helpers/city';
import { tmpDir } from '../helpers/tmp';

/**
 * The whole month, with real parts only: the office hands out → units import with the real handout:import →
 * attach real photos → sign off → export through the real export path → the office takes the packages in → status
 * → the next hand-out carries the 销号 → the unit imports it and sees its 要账 closed.
 */
describe('office month loop', () => {
  it('hand-out → import → attach → export → take-in → status → the next hand-out closes the met 要账 at the unit', async () => {
    const base = tmpDir();
    const office = await makeOffice(base);
    const out1 = join(base, 'h1');
    const h1 = await call('office:handout', { out: out1, month: '2026-04', passphrase: OFFICE_PASS }, office.ctx);
    const zipOf = (name: string) => h1.files.find((f) => f.unit === name)!.path;

    // 市教育局 answers every 要账 of one criterion, and both leaders approve it; 市城管局 imports and sends nothing.
    const edu = await makeUnit(base, '市教育局');
    await edu.importHandout(zipOf('市教育局'));
    const asks = edu
      .db()
      .prepare("SELECT id, criterion_code, kind, min FROM requests WHERE source = 'office' ORDER BY criterion_code, id")
      .all() as { id: string; criterion_code: string; kind: string | null; min: number }[];
    const code = asks[0]!.criterion_code;
    const answered = asks.filter((a) => a.criterion_code === code);
    for (const [i, a] of answered.entries()) {
      await edu.attachPhotos(code, a.min, '2026-04', 10 + i, a.kind ?? 'photo');
    }
    await edu.signOff([code]);
    const unitMet = edu.db().prepare('SELECT count(*) FROM requests WHERE closed_at IS NULL').pluck().get() as number;
    mkdirSync(join(base, 'inbox'));
    const pkg = await edu.exportPackage(join(base, 'inbox', 'edu.zip'), '2026-04');
    const city = await makeUnit(base, '市城管局');
    await city.importHandout(zipOf('市城管局'));

    const taken = await call('office:import', { paths: [join(base, 'inbox')] }, office.ctx);
    expect(taken.packages.map((p) => [p.file, p.unit, p.accepted, p.current])).toStrictEqual([
      [pkg, '市教育局', true, true],
    ]);

    // 销号 by itself: exactly the answered 要账, each said met by the package and counted so by the office.
    const closed = office
      .db()
      .prepare("SELECT id FROM office_requests WHERE closed_by = 'auto' ORDER BY id")
      .pluck()
      .all() as string[];
    expect(closed).toStrictEqual(answered.map((a) => a.id).sort());
    expect(unitMet).toBe(asks.length); // the unit had closed none itself

    // Status: the answered criterion complete and approved at 市教育局; everything of 市城管局 missing.
    const status = await call('office:status', {}, office.ctx);
    const eduRow = status.units.find((u) => u.unit === '市教育局')!;
    const cityRow = status.units.find((u) => u.unit === '市城管局')!;
    const cell = status.criteria.find((c) => c.code === code)!.units['市教育局'];
    const report = JSON.parse(
      (await import('node:fs')).readFileSync(
        office.ctx.session.workspace!.store.path(
          office
            .db()
            .prepare("SELECT sha256 FROM office_package_files WHERE path = '校验报告.json'")
            .pluck()
            .get() as string,
        ),
        'utf8',
      ),
    ) as { findings: { severity: string; criterionCode: string }[] };
    const errorsOnIt = report.findings.filter((f) => f.severity === 'error' && f.criterionCode === code).length;
    expect(cell).toBe(errorsOnIt > 0 ? 'at-risk' : 'signed');
    expect(eduRow).toMatchObject({
      complete: 1,
      signed: errorsOnIt > 0 ? 0 : 1,
      lastPackage: { file: 'edu.zip', month: '2026-04' },
    });
    expect(eduRow.missing).toBe(eduRow.assigned - 1);
    expect(cityRow).toMatchObject({ complete: 0, signed: 0, lastPackage: null });
    expect(cityRow.missing).toBe(cityRow.assigned);
    // Every criterion lists exactly the units assigned to it.
    const assigned = office.db().prepare('SELECT count(*) FROM office_assignments').pluck().get();
    expect(status.criteria.reduce((n, c) => n + Object.keys(c.units).length, 0)).toBe(assigned);

    // The next hand-out carries the closings; the unit imports it and sees them closed.
    const h2 = await call(
      'office:handout',
      { out: join(base, 'h2'), unit: '市教育局', month: '2026-04', passphrase: OFFICE_PASS },
      office.ctx,
    );
    expect(h2.files[0]!.requests).toBe(asks.length - answered.length);
    const second = await edu.importHandout(h2.files[0]!.path);
    expect(second).toMatchObject({ applied: true, sequence: 2, requests: { closed: answered.length } });
    const atUnit = edu.db().prepare("SELECT id FROM requests WHERE closed_by = 'office' ORDER BY id").pluck().all();
    expect(atUnit).toStrictEqual(closed);
  }, 120_000);
});
