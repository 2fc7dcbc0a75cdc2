import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { requireWorkspace } from '../../electron/core/context';
import { call } from '../../electron/core/dispatch';
import { closeRequest, upsertRequest } from '../../electron/core/collection/requests-repo';
import { recordHandout } from '../../electron/core/handout/handouts-repo';
import { verifyPackage } from '../../electron/core/package/verify-package';
import type { Manifest } from '@shared/schemas/package-manifest';
import { writeCatalog } from '../helpers/catalog';
import { testCtx } from '../helpers/ctx';
import { FULL_CAPTION, periodPhoto } from '../helpers/photos';
import { tmpDir } from '../helpers/tmp';
import { editPackage, readZip } from '../helpers/zips';

/**
 * The package's `handout` and `requests` (PACKAGE-FORMAT.md). The hand-out import (`handout:import`) is still a
 * placeholder on main while this is written: the hand-out on record and the office's 要账 are inserted through their
 * repositories, as the import will write them.
 */
const LEADER = { name: '王分管', level: 'leader', passphrase: '分管口令123' } as const;
const PRINCIPAL = { name: '李主要', level: 'principal', passphrase: '主要口令456' } as const;
const FINGERPRINT = 'ab'.repeat(32);

const leaf = (label: string, title: string) => ({
  label,
  title,
  text: `${title}的工作材料。`,
  methods: '网上申报',
  points: 2,
  requirements: '实景图片不少于1张',
  leadUnit: '市教育局',
});
const CATALOG = [
  {
    label: '一、',
    title: '思想道德建设',
    children: [{ label: '（一）', title: '宣传教育', children: [leaf('1.', '理论宣讲'), leaf('2.', '志愿服务')] }],
  },
];

let base: string;
let ctx: Ctx;
let codes: string[];
let photoIds: string[];

beforeEach(async () => {
  base = tmpDir();
  ctx = testCtx(base).ctx;
  await call('workspace:create', { dir: join(base, 'ws'), unit: '市教育局', year: 2026 }, ctx);
  await call('catalog:import', { file: writeCatalog(base, CATALOG) }, ctx);
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

/** A hand-out on record and three office 要账 (met, open, closed), plus one of the unit's own. */
function officeRecords(): void {
  const db = requireWorkspace(ctx).db;
  const now = new Date('2026-05-20T10:00:00+08:00');
  recordHandout(db, {
    officeId: 'office',
    officeName: '示例市创城办',
    fingerprint: FINGERPRINT,
    publicKey: 'AAAA',
    sequence: 7,
    year: 2026,
    issuedAt: '2026-05-01T09:00:00+08:00',
    unitId: 'unit-edu',
    unitName: '市教育局',
    sha256: 'cd'.repeat(32),
    catalogSha256: 'ef'.repeat(32),
    keyChanged: false,
    importedAt: now.toISOString(),
  });
  const ask = { source: 'office' as const, text: '图片', assignee: null, phone: null, due: '2026-05-05' };
  upsertRequest(db, { ...ask, id: 'o-met', criterionCode: codes[0]!, month: '2026-04', kind: 'photo', min: 1 }, now);
  upsertRequest(db, { ...ask, id: 'o-open', criterionCode: codes[1]!, month: '2026-05', kind: 'photo', min: 2 }, now);
  upsertRequest(db, { ...ask, id: 'o-closed', criterionCode: codes[1]!, month: '2026-03', kind: null, min: null }, now);
  closeRequest(db, 'o-closed', 'office', '2026-04-06T09:00:00+08:00', '已收到', now);
  upsertRequest(
    db,
    { ...ask, source: 'unit', id: 'u-own', criterionCode: codes[0]!, month: '2026-04', kind: null, min: null },
    now,
  );
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
    officeRecords();
    const { path } = (await call(
      'package:export',
      { kind: 'monthly', month: '2026-05', out: join(base, 'b.zip') },
      ctx,
    ))!;
    const m = await manifestOf(path);
    expect(m.handout).toEqual({ officeFingerprint: FINGERPRINT, sequence: 7, unitId: 'unit-edu' });
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
    officeRecords();
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
