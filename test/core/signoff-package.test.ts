import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { call } from '../../electron/core/dispatch';
import { verifyPackage } from '../../electron/core/package/verify-package';
import { checkReviewSignatures } from '../../electron/core/signoff/check-reviews';
import type { Manifest } from '@shared/schemas/package-manifest';
import { writeCatalog } from '../helpers/catalog';
import { REPO, testCtx } from '../helpers/ctx';
import { errorOf } from '../helpers/errors';
import { FULL_CAPTION, periodPhoto } from '../helpers/photos';
import { tmpDir } from '../helpers/tmp';
import { editPackage, readZip } from '../helpers/zips';

const LEADER = { name: '王分管', level: 'leader', passphrase: '分管口令123' } as const;
const PRINCIPAL = { name: '李主要', level: 'principal', passphrase: '主要口令456' } as const;

/** Two standards of the unit, each asking for one photo: small enough to make a clean final package. */
function twoStandards(unit: string) {
  const leaf = (label: string, title: string) => ({
    label,
    title,
    text: `${title}的工作材料。`,
    methods: '网上申报',
    points: 2,
    requirements: '实景图片不少于1张',
    leadUnit: unit,
  });
  return [
    {
      label: '一、',
      title: '思想道德建设',
      children: [{ label: '（一）', title: '宣传教育', children: [leaf('1.', '理论宣讲'), leaf('2.', '志愿服务')] }],
    },
  ];
}

let base: string;
let ctx: Ctx;
let codes: string[];

/** A workspace of `unit` with both standards' photos attached (and the two leaders added). */
async function workspace(unit: string, dir: string, c: Ctx): Promise<string[]> {
  await call('workspace:create', { dir, unit, year: 2026 }, c);
  await call('catalog:import', { file: writeCatalog(base, twoStandards(unit), '2026', `${unit}.json`) }, c);
  const leaves = (await call('catalog:list', {}, c)).criteria.filter((x) => x.leaf).map((x) => x.code);
  for (const [i, code] of leaves.entries()) {
    const photo = await periodPhoto(join(base, `${unit}-${i}.jpg`));
    await call('materials:attach', { criterionCode: code, paths: [photo], caption: FULL_CAPTION }, c);
  }
  await call('signer:add', LEADER, c);
  await call('signer:add', PRINCIPAL, c);
  return leaves;
}

const decide = (who: typeof LEADER | typeof PRINCIPAL, on = codes, c = ctx) =>
  call('review:decide', { codes: on, decision: 'approve', signer: who.name, passphrase: who.passphrase }, c);
const exportFinal = (out: string, passphrase: string = PRINCIPAL.passphrase) =>
  call('package:export', { kind: 'final', out, signer: PRINCIPAL.name, passphrase }, ctx);
const manifestOf = async (zip: string) =>
  JSON.parse((await readZip(zip)).find((i) => i.name === 'manifest.json')!.bytes.toString('utf8')) as Manifest;
const problems = async (zip: string) => (await verifyPackage(zip)).problems.map((p) => [p.code, p.severity]);

beforeEach(async () => {
  base = tmpDir();
  ctx = testCtx(base).ctx;
  codes = await workspace('市教育局', join(base, 'ws'), ctx);
});

describe('a signed final package', () => {
  it('is refused until both leaders approved every standard, then signed by the principal and verified', async () => {
    expect((await call('check:run', {}, ctx)).summary.errors).toBe(0); // only the review stands in the way
    const refused = await errorOf(exportFinal(join(base, 'f.zip')));
    expect(refused.message).toContain(`还有 2 条标准没有经分管领导审改、主要负责同志审阅把关`);
    await decide(LEADER);
    expect((await errorOf(exportFinal(join(base, 'f.zip')))).message).toContain('还有 2 条标准');
    await decide(PRINCIPAL);
    // A wrong 口令 writes nothing.
    expect((await errorOf(exportFinal(join(base, 'f.zip'), '不对的口令'))).code).toBe('passphrase-wrong');
    // A leader cannot sign a package.
    const byLeader = await errorOf(
      call(
        'package:export',
        { kind: 'final', out: join(base, 'f.zip'), signer: LEADER.name, passphrase: LEADER.passphrase },
        ctx,
      ),
    );
    expect(byLeader.message).toContain('只能由主要负责同志');

    const out = join(base, 'f.zip');
    const r = await exportFinal(out);
    expect(r).toMatchObject({ kind: 'final', check: { errors: 0 } });
    expect(await verifyPackage(out)).toMatchObject({ valid: true, kind: 'final', problems: [] });
    const m = await manifestOf(out);
    expect(m.signers!.map((s) => (s as { name: string }).name).sort()).toEqual(['李主要', '王分管']);
    expect(m.reviews).toHaveLength(4);
    expect(m.audit!.rows).toBeGreaterThan(4);
    // The content verify recomputes from the manifest alone is what was signed in the workspace.
    expect((await checkReviewSignatures(m)).map((x) => [x.valid, x.current])).toEqual(Array(4).fill([true, true]));
  });

  it('checks out with Python’s cryptography too, outside our code', async () => {
    await decide(LEADER);
    await decide(PRINCIPAL);
    const out = join(base, 'f.zip');
    await exportFinal(out);
    const dir = join(base, 'unpacked');
    mkdirSync(dir);
    for (const i of await readZip(out))
      if (i.name === 'manifest.json' || i.name === 'manifest.sig') writeFileSync(join(dir, i.name), i.bytes);
    const py = spawnSync('python3', [join(REPO, 'test', 'tools', 'check_signatures.py'), dir], { encoding: 'utf8' });
    expect(py.status, py.stderr).toBe(0);
    const verdict = JSON.parse(py.stdout) as {
      manifestSig: string;
      reviews: { signature: boolean; current: boolean }[];
    };
    expect(verdict.manifestSig).toBe('ok');
    expect(verdict.reviews.map((x) => [x.signature, x.current])).toEqual(Array(4).fill([true, true]));
  });

  it('a manifest edited after signing, a review copied from another unit, a review by an unlisted key: each caught', async () => {
    await decide(LEADER);
    await decide(PRINCIPAL);
    const out = join(base, 'f.zip');
    await exportFinal(out);

    // The unit's name changed in the manifest: manifest.sig no longer matches it.
    await editPackage(out, join(base, 'renamed.zip'), (m) => {
      m.unit.name = '市教育局（改）';
    });
    expect(await problems(join(base, 'renamed.zip'))).toEqual([['signature-invalid', 'error']]);

    // Another unit's workspace, its own leaders, its own approvals of the same-looking standards.
    const otherCtx = testCtx(join(base, 'other')).ctx;
    const otherCodes = await workspace('市卫健委', join(base, 'other-ws'), otherCtx);
    await decide(LEADER, otherCodes, otherCtx);
    const theirs = join(base, 'theirs.zip');
    await call('package:export', { kind: 'monthly', month: '2026-05', out: theirs }, otherCtx);
    const their = await manifestOf(theirs);
    await editPackage(out, join(base, 'copied.zip'), (m) => {
      // Their leader's review (and key) put in for ours, under our leader's name so that it is "listed".
      const review = their.reviews[0] as { criterionCode: string; level: string };
      const signer = (their.signers as { fingerprint: string }[])[0]!;
      m.signers = [...m.signers!, { ...signer, name: '王分管' }];
      m.reviews = [
        ...m.reviews.filter(
          (r) =>
            !((r as typeof review).criterionCode === review.criterionCode && (r as typeof review).level === 'leader'),
        ),
        { ...review, signer: '王分管' },
      ];
    });
    const copied = await problems(join(base, 'copied.zip'));
    expect(copied).toContainEqual(['review-signature-invalid', 'error']);
    expect(copied).toContainEqual(['review-missing', 'error']);

    // A review whose key the manifest does not list.
    await editPackage(out, join(base, 'unlisted.zip'), (m) => {
      m.signers = m.signers!.filter((s) => (s as { level: string }).level !== 'leader');
    });
    expect(await problems(join(base, 'unlisted.zip'))).toEqual(
      expect.arrayContaining([
        ['review-signature-invalid', 'error'],
        ['signature-invalid', 'error'],
      ]),
    );
  });

  it('a monthly package carries a stale review as a warning; a final one may not', async () => {
    await decide(LEADER);
    const photo = await periodPhoto(join(base, 'more.jpg'), (s) => s.flop());
    await call('materials:attach', { criterionCode: codes[0]!, paths: [photo], caption: FULL_CAPTION }, ctx);
    const out = join(base, 'm.zip');
    await call('package:export', { kind: 'monthly', month: '2026-05', out }, ctx);
    const v = await verifyPackage(out);
    expect(v.valid).toBe(true);
    expect(v.problems.map((p) => [p.code, p.severity])).toEqual([
      ['signature-missing', 'warning'],
      ['review-stale', 'warning'],
    ]);
    // The same package claimed final (and signed by nobody): the stale review and the missing approvals are errors.
    await editPackage(out, join(base, 'claimed.zip'), (m) => {
      m.kind = 'final';
    });
    const claimed = await problems(join(base, 'claimed.zip'));
    expect(claimed).toContainEqual(['signature-missing', 'error']);
    expect(claimed).toContainEqual(['review-stale', 'error']);
    expect(claimed).toContainEqual(['review-missing', 'error']);
  });
});
