import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Signer } from '@shared/schemas/signoff';
import { contentSha256s } from '../../electron/core/signoff/content';
import { signManifest } from '../../electron/core/signoff/manifest-sig';
import { publicKeyInfo } from '../../electron/core/signoff/public-keys';
import { signReview, type ReviewFields } from '../../electron/core/signoff/review';
import { material } from '../helpers/check-input';
import { REPO } from '../helpers/ctx';
import { tmpDir } from '../helpers/tmp';

/**
 * An independent referee: `test/tools/check_signatures.py` (Python's json and hashlib, `cryptography`'s Ed25519,
 * written from PACKAGE-FORMAT.md alone) checks what our code signed. If our canonical JSON, content hash or
 * signatures drifted from the format, a receiver's tools would disagree with us; this is where we would see it.
 */

interface PythonVerdict {
  manifestSig: string;
  reviews: { criterionCode: string; level: string; signature: boolean; current: boolean }[];
}

const leader = generateKeyPairSync('ed25519').privateKey;
const principal = generateKeyPairSync('ed25519').privateKey;
const signers: Signer[] = [
  { name: '张三', level: 'leader', ...publicKeyInfo(leader) },
  { name: '李四', level: 'principal', ...publicKeyInfo(principal) },
];

/**
 * A manifest with two criteria, Chinese text, quotes, a backslash, a control character and an emoji in what is
 * signed (each a place where canonical JSON implementations differ), and three signed reviews.
 */
function signedManifest() {
  const unit = { id: 'unit-6f1c', name: '市教育局' };
  const criteria = [
    { code: '3.1.2', title: '基层宣讲', points: 2, status: 'in-progress', declaration: null },
    {
      code: '3.1.3',
      title: '文化活动',
      points: 1,
      status: 'not-applicable',
      declaration: {
        statement: '本单位不承担该项工作，职能已划转至“市文旅局”。',
        declaredAt: '2026-05-01T09:00:00+08:00',
      },
    },
  ];
  // Ids whose order differs by UTF-16 code unit (the emoji first) and by code point (U+FB33 first).
  const materials = [
    material('3.1.2', { id: 'm-b', sha256: 'b'.repeat(64), title: '宣讲现场 "一" \\ 二' }),
    material('3.1.2', { id: 'M-a', sha256: 'a'.repeat(64), caption: null, eventDate: null }),
    material('3.1.2', { id: 'm-😀', sha256: 'c'.repeat(64), title: '表情\u0007😀' }),
    material('3.1.2', { id: 'm-\ufb33', sha256: 'd'.repeat(64) }),
  ].map((m) => ({
    id: m.id,
    criterionCode: m.criterionCode,
    kind: m.kind,
    title: m.title,
    caption: m.caption,
    eventDate: m.eventDate,
    month: m.month,
    path: `材料/${m.id}`,
    sha256: m.sha256,
    bytes: m.bytes,
  }));
  const hashes = contentSha256s(criteria, materials);
  const review = (key: KeyObject, name: string, over: Partial<ReviewFields>) => {
    const fields: ReviewFields = {
      unitId: unit.id,
      criterionCode: '3.1.2',
      level: 'leader',
      decision: 'approve',
      comment: '',
      at: '2026-06-15T10:00:00+08:00',
      contentSha256: hashes.get(over.criterionCode ?? '3.1.2')!,
      fingerprint: publicKeyInfo(key).fingerprint,
      ...over,
    };
    // A manifest's review carries the statement's fields but the unit's id, which is the manifest's `unit.id`.
    const { unitId, ...entry } = fields;
    return { ...entry, signer: name, signature: signReview({ ...entry, unitId }, key) };
  };
  return {
    format: 'wangbao-package',
    formatVersion: 1,
    unit,
    criteria,
    materials,
    signers,
    reviews: [
      review(leader, '张三', {}),
      review(principal, '李四', { level: 'principal', at: '2026-06-15T11:30:00+08:00' }),
      review(leader, '张三', { criterionCode: '3.1.3', decision: 'return', comment: '请附上\n划转文件😀\t“文号”。' }),
    ] as Record<string, unknown>[],
  };
}

/** Writes manifest.json (our writer's layout) and, unless null, manifest.sig; runs the Python referee. */
function referee(manifest: object | Buffer, sig: ((bytes: Buffer) => string) | null = defaultSig) {
  const dir = tmpDir();
  const bytes = Buffer.isBuffer(manifest) ? manifest : Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`);
  writeFileSync(join(dir, 'manifest.json'), bytes);
  if (sig) writeFileSync(join(dir, 'manifest.sig'), sig(bytes));
  const r = spawnSync('python3', [join(REPO, 'test', 'tools', 'check_signatures.py'), dir], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return { status: r.status, verdict: JSON.parse(r.stdout) as PythonVerdict, bytes };
}
const defaultSig = (bytes: Buffer) => signManifest(bytes, principal, { name: '李四', level: 'principal' });
const flags = (v: PythonVerdict, key: 'signature' | 'current') => v.reviews.map((r) => r[key]);

describe('Python’s cryptography checks what we signed', () => {
  it('accepts our manifest.sig and every review signature, and agrees on the content hashes', () => {
    const { status, verdict } = referee(signedManifest());
    expect(verdict.manifestSig).toBe('ok');
    expect(verdict.reviews.map((r) => [r.criterionCode, r.level, r.signature, r.current])).toEqual([
      ['3.1.2', 'leader', true, true],
      ['3.1.2', 'principal', true, true],
      ['3.1.3', 'leader', true, true],
    ]);
    expect(status).toBe(0);
  });

  it('rejects a review edited after signing (the manifest re-signed, so only the review is wrong)', () => {
    const m = signedManifest();
    m.reviews[2] = { ...m.reviews[2], decision: 'approve', comment: '' };
    const { status, verdict } = referee(m);
    expect(verdict.manifestSig).toBe('ok');
    expect(flags(verdict, 'signature')).toEqual([true, true, false]);
    expect(status).toBe(1);
  });

  it('rejects a review signed for another unit', () => {
    const { status, verdict } = referee({ ...signedManifest(), unit: { id: 'unit-other', name: '市财政局' } });
    expect(flags(verdict, 'signature')).toEqual([false, false, false]);
    expect(status).toBe(1);
  });

  it('rejects a manifest edited after manifest.sig, and sees the approvals of the edited criterion turn stale', () => {
    const signed = referee(signedManifest()).bytes;
    const edited = Buffer.from(signed.toString('utf8').replace('宣讲现场', '宣讲现埸'));
    expect(edited.equals(signed)).toBe(false);
    const { status, verdict } = referee(edited, () => defaultSig(signed));
    expect(verdict.manifestSig).toBe('bad-signature');
    expect(flags(verdict, 'signature')).toEqual([true, true, true]);
    expect(flags(verdict, 'current')).toEqual([false, false, true]);
    expect(status).toBe(1);
  });

  it('rejects a manifest.sig by the leader’s key', () => {
    const byLeader = (bytes: Buffer) =>
      JSON.stringify({
        alg: 'Ed25519',
        ...publicKeyInfo(leader),
        signer: { name: '张三', level: 'leader' },
        signature: sign(null, bytes, leader).toString('base64'),
      });
    const { status, verdict } = referee(signedManifest(), byLeader);
    expect(verdict.manifestSig).toBe('not-principal');
    expect(status).toBe(1);
  });
});
