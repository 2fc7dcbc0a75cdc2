import { describe, expect, it } from 'vitest';
import { assignUnits, namedUnits } from '@shared/domain/campaign/assign-units';
import { cellStatus } from '@shared/domain/campaign/cell-status';
import { owedRequests } from '@shared/domain/campaign/owed-requests';
import { takeInProblems, type OfficeRecordOfUnit } from '@shared/domain/campaign/take-in-checks';
import { indexMaterials } from '@shared/domain/monthly/owed';
import { deliveredIndex } from '../../electron/core/campaign/delivered';
import { makeOffice } from '../helpers/city';
import { tmpDir } from '../helpers/tmp';

/** The 创城办 mode's pure rules, case by case. */
describe('office domain', () => {
  it('a cell: missing, incomplete, at-risk, unsigned, signed, in that order of precedence', () => {
    const base = { received: true, status: 'complete', errors: 0, approved: true };
    expect(cellStatus({ ...base, received: false })).toBe('missing');
    expect(cellStatus({ ...base, status: 'in-progress', errors: 2 })).toBe('incomplete');
    expect(cellStatus({ ...base, errors: 1 })).toBe('at-risk');
    expect(cellStatus({ ...base, approved: false })).toBe('unsigned');
    expect(cellStatus(base)).toBe('signed');
    expect(cellStatus({ ...base, status: 'not-applicable' })).toBe('signed');
  });

  it('assignments: a named lead is lead; collectives reach units by kind; an unplaced collective reaches nobody', () => {
    const leaves = [
      { code: '1', leadUnit: '市教育局', responsibleUnits: ['各成员单位'] },
      { code: '2', leadUnit: '市城管局', responsibleUnits: ['各街道'] },
      { code: '3', leadUnit: '各执法部门', responsibleUnits: [] },
    ];
    expect(namedUnits(leaves).map((u) => [u.name, u.kind])).toStrictEqual([
      ['市教育局', 'city'],
      ['市城管局', 'city'],
    ]);
    const units = [
      { id: 'edu', name: '市教育局', aliases: [], kind: 'city' as const },
      { id: 'east', name: '东城街道办事处', aliases: [], kind: 'township' as const },
    ];
    expect(assignUnits(leaves, units)).toStrictEqual([
      { unitId: 'edu', criterionCode: '1', role: 'lead' },
      { unitId: 'east', criterionCode: '1', role: 'responsible' },
      { unitId: 'east', criterionCode: '2', role: 'responsible' },
    ]);
  });

  it('owed 要账: one per requirement by the leaf’s rhythm, less what the package delivered', () => {
    const leaf = {
      code: '1.1',
      title: '学习',
      frequency: 'monthly' as const,
      dueDate: null,
      requirements: [
        { kind: 'photo' as const, min: 3, text: '' },
        { kind: 'document' as const, min: 1, text: '' },
      ],
    };
    const quarterly = { ...leaf, code: '1.2', frequency: 'quarterly' as const };
    const photos = [1, 2, 3].map((i) => ({
      id: `m${i}`,
      criterionCode: '1.1',
      kind: 'photo' as const,
      month: '2026-04',
      eventDate: null,
      scores: true,
    }));
    const none = owedRequests('u', [leaf, quarterly], '2026-04', new Map(), 5, '2026-05-01');
    expect(none.map((r) => [r.criterionCode, r.kind, r.min, r.due])).toStrictEqual([
      ['1.1', 'photo', 3, '2026-05-05'],
      ['1.1', 'document', 1, '2026-05-05'],
    ]);
    const some = owedRequests('u', [leaf], '2026-04', indexMaterials(photos), 5, '2026-05-01');
    expect(some.map((r) => r.kind)).toStrictEqual(['document']);
    expect(owedRequests('u', [quarterly], '2026-06', new Map(), 5, '2026-07-01')).toHaveLength(2);
  });

  it('take-in: each office check refuses or warns as PACKAGE-FORMAT.md says', () => {
    const record: OfficeRecordOfUnit = {
      unitName: '市教育局',
      principalFingerprint: 'a'.repeat(64),
      current: { createdAt: '2026-05-10T09:00:00+08:00', auditRows: 100, auditHead: 'h1' },
      catalogs: new Set(['c1', 'c2']),
      latestCatalog: 'c2',
      acceptNewKey: false,
    };
    const pkg = {
      createdAt: '2026-06-01T09:00:00+08:00',
      catalogSha256: 'c2',
      principals: ['a'.repeat(64)],
      audit: { rows: 120, headSha256: 'h2' },
    };
    const codes = (r: OfficeRecordOfUnit, p: typeof pkg) => takeInProblems(r, p).map((q) => `${q.code}:${q.severity}`);
    expect(codes(record, pkg)).toStrictEqual([]);
    expect(codes(record, { ...pkg, catalogSha256: 'c1' })).toStrictEqual(['catalog-earlier:warning']);
    expect(codes(record, { ...pkg, catalogSha256: 'x' })).toStrictEqual(['catalog-unknown:error']);
    expect(codes({ ...record, principalFingerprint: null }, pkg)).toStrictEqual(['principal-key-new:info']);
    expect(codes(record, { ...pkg, principals: ['b'.repeat(64)] })).toStrictEqual(['principal-key-changed:error']);
    expect(codes({ ...record, acceptNewKey: true }, { ...pkg, principals: ['b'.repeat(64)] })).toStrictEqual([
      'principal-key-accepted:warning',
    ]);
    expect(codes(record, { ...pkg, createdAt: '2026-05-01T09:00:00+08:00' })).toStrictEqual(['package-older:error']);
    expect(codes(record, { ...pkg, audit: { rows: 99, headSha256: 'h2' } })).toStrictEqual(['audit-rewritten:error']);
    expect(codes(record, { ...pkg, audit: { rows: 100, headSha256: 'forked' } })).toStrictEqual([
      'audit-rewritten:error',
    ]);
    expect(codes(record, { ...pkg, audit: { rows: 100, headSha256: 'h1' } })).toStrictEqual([]);
  });
});

describe('what a unit delivered, as the office counts it', () => {
  it('every material of the current package, except one dated outside the period', async () => {
    const office = await makeOffice(tmpDir());
    const db = office.db();
    const unitId = db.prepare("SELECT id FROM office_units WHERE name = '市教育局'").pluck().get() as string;
    const material = (id: string, eventDate: string | null) => ({
      id,
      criterionCode: '1.1.1',
      kind: 'photo',
      month: '2026-04',
      eventDate,
    });
    const manifest = { materials: [material('a', '2026-04-12'), material('b', null), material('c', '2020-01-01')] };
    db.prepare(
      `INSERT INTO office_packages (sha256, unit_id, file, kind, month, created_at, catalog_sha256, manifest, current, imported_at)
       VALUES ('p', ?, 'p.zip', 'monthly', '2026-04', '2026-05-01T00:00:00Z', 'c', ?, 1, '2026-05-01T00:00:00Z')`,
    ).run(unitId, JSON.stringify(manifest));
    const counted = deliveredIndex(db, unitId, { start: '2025-11-01', end: '2026-10-31' })
      .get('1.1.1')!
      .get('2026-04')!;
    expect(counted.map((m) => [m.id, m.scores])).toStrictEqual([
      ['a', true],
      ['b', true],
      ['c', false],
    ]);
    expect(deliveredIndex(db, 'nobody', { start: '2025-11-01', end: '2026-10-31' }).size).toBe(0);
  });
});
