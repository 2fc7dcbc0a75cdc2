import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { call } from '../../electron/core/dispatch';
import { verifyPackage } from '../../electron/core/package/verify-package';
import type { Manifest } from '@shared/schemas/package-manifest';
import { writeCatalog } from '../helpers/catalog';
import { testCtx } from '../helpers/ctx';
import { FULL_CAPTION, periodPhoto } from '../helpers/photos';
import { tmpDir } from '../helpers/tmp';
import { officeKey, writeHandout, type OfficeKey } from '../helpers/make-handout';
import { editPackage, readZip } from '../helpers/zips';

/**
 * The package's `handout` and `requests` (PACKAGE-FORMAT.md), after a real signed hand-out (test/helpers/make-handout.ts)
 * imported through the public channel `handout:import`.
 */
const LEADER = { name: '王分管', level: 'leader', passphrase: '分管口令123' } as const;
const PRINCIPAL = { name: '李主要', level: 'principal', passphrase: '主要口令456' } as const;
const leaf = (code: string, title: string) => ({
  code,
  title,
  text: `${title}的工作材料。`,
  methods: '网上申报',
  points: 2,
  requirements: '实景图片不少于1张',
  leadUnit: '市教育局',
});
const CATALOG = [
  {
    code: '1',
    title: '思想道德建设',
    children: [{ code: '1.1', title: '宣传教育', children: [leaf('1.1.1', '理论宣讲'), leaf('1.1.2', '志愿服务')] }],
  },
];

let base: string;
let ctx: Ctx;
let codes: string[];
let photoIds: string[];
let key: OfficeKey;

beforeEach(async () => {
  base = tmpDir();
  ctx = testCtx(base).ctx;
  await call('workspace:create', { dir: join(base, 'ws'), unit: '市教育局', year: 2026 }, ctx);
  await call('catalog:import', { file: writeCatalog(base, CATALOG) }, ctx);
  key = officeKey();
  codes = (await call('catalog:list', {}, ctx)).criteria.filter((x) => x.leaf).map((x) => x.code);
  photoIds = [];
  for (const [i, code] of codes.entries()) {
    const photo = await periodPhoto(join(base, `${i}.jpg`), (s) => s.resize(900 + i * 10));
    const { results } = await call(
      'materials:attach',
      { criterionCode: code, paths: [photo], caption: FULL_CAPTION, month: '2026-04' },
      ctx,
    );
    photoIds.push(results[0]!.materialId!);
  }
});

const manifestOf = async (zip: string) =>
  JSON.parse((await readZip(zip)).find((i) => i.name === 'manifest.json')!.bytes.toString('utf8')) as Manifest & {
    handout: unknown;
    requests: { id: string; status: string; materialIds: string[] }[];
  };

/** Imports the office's hand-out: three 要账 for this unit (met, open, closed by the office); adds one of the unit's own. */
async function officeRecords(): Promise<void> {
  const written = await writeHandout(base, {
    key,
    sequence: 7,
    nodes: CATALOG,
    units: [{ id: 'unit-edu', name: '市教育局' }],
    assignments: codes.map((c) => ({ unitId: 'unit-edu', criterionCode: c, role: 'lead' as const })),
    requests: [
      {
        id: 'o-met',
        unitId: 'unit-edu',
        criterionCode: codes[0]!,
        month: '2026-04',
        text: '图片',
        kind: 'photo',
        min: 1,
      },
      {
        id: 'o-open',
        unitId: 'unit-edu',
        criterionCode: codes[1]!,
        month: '2026-05',
        text: '图片',
        kind: 'photo',
        min: 2,
      },
      { id: 'o-closed', unitId: 'unit-edu', criterionCode: codes[1]!, month: '2026-03', text: '三月总结' },
    ],
    closed: [{ requestId: 'o-closed', closedAt: '2026-04-06T09:00:00+08:00', note: '已收到' }],
  });
  expect((await call('handout:import', { file: written.path }, ctx))!.applied).toBe(true);
  await call('request:add', { criterionCode: codes[0]!, text: '本单位自己的要账' }, ctx);
}

describe('the package carries handout and requests', () => {
  it('both empty in a workspace that never imported a hand-out', async () => {
    const { path } = (await call(
      'package:export',
      { kind: 'monthly', month: '2026-05', out: join(base, 'a.zip') },
      ctx,
    ))!;
    const m = await manifestOf(path);
    expect(m.handout).toBeNull();
    expect(m.requests).toEqual([]);
  });

  it('the last hand-out and the office’s requests only, each with its state and the materials counted', async () => {
    await officeRecords();
    const { path } = (await call(
      'package:export',
      { kind: 'monthly', month: '2026-05', out: join(base, 'b.zip') },
      ctx,
    ))!;
    const m = await manifestOf(path);
    expect(m.handout).toEqual({ officeFingerprint: key.fingerprint, sequence: 7, unitId: 'unit-edu' });
    expect(m.requests).toEqual([
      { id: 'o-closed', criterionCode: codes[1], month: '2026-03', status: 'closed', materialIds: [] },
      { id: 'o-met', criterionCode: codes[0], month: '2026-04', status: 'met', materialIds: [photoIds[0]] },
      { id: 'o-open', criterionCode: codes[1], month: '2026-05', status: 'open', materialIds: [] },
    ]);
    expect((await verifyPackage(path)).valid).toBe(true);
    // A request whose status is not one of the three is a manifest that fails its schema.
    await editPackage(
      path,
      join(base, 'bad.zip'),
      (mm) => void ((mm as unknown as { requests: { status: string }[] }).requests[0]!.status = 'done'),
    );
    const bad = await verifyPackage(join(base, 'bad.zip'));
    expect(bad.valid).toBe(false);
    expect(bad.problems.map((p) => p.code)).toContain('manifest-invalid');
  });

  it('a signed final package verifies, and a request’s status changed afterwards breaks manifest.sig', async () => {
    await officeRecords();
    await call('signer:add', LEADER, ctx);
    await call('signer:add', PRINCIPAL, ctx);
    for (const who of [LEADER, PRINCIPAL])
      await call('review:decide', { codes, decision: 'approve', signer: who.name, passphrase: who.passphrase }, ctx);
    const out = join(base, 'final.zip');
    await call('package:export', { kind: 'final', out, signer: PRINCIPAL.name, passphrase: PRINCIPAL.passphrase }, ctx);
    expect((await manifestOf(out)).requests.map((r) => r.status)).toEqual(['closed', 'met', 'open']);
    expect((await verifyPackage(out)).valid).toBe(true);
    await editPackage(out, join(base, 'tampered.zip'), (mm) => {
      (mm as Awaited<ReturnType<typeof manifestOf>>).requests[2]!.status = 'met';
    });
    const v = await verifyPackage(join(base, 'tampered.zip'));
    expect(v.valid).toBe(false);
    expect(v.problems.map((p) => p.code)).toContain('signature-invalid');
  });

  it('a package made before 月收集 (no handout, no requests) still verifies', async () => {
    const { path } = (await call(
      'package:export',
      { kind: 'monthly', month: '2026-05', out: join(base, 'c.zip') },
      ctx,
    ))!;
    await editPackage(path, join(base, 'old.zip'), (mm) => {
      const o = mm as Record<string, unknown>;
      delete o.handout;
      delete o.requests;
    });
    expect((await verifyPackage(join(base, 'old.zip'))).valid).toBe(true);
  });
});
