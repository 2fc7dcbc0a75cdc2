import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCaption } from '@shared/domain/caption';
import { AppError } from '@shared/ipc/errors';
import type { Signer } from '@shared/schemas/signoff';
import { checkReviewSignatures, type ReviewCheck } from '../../electron/core/signoff/check-reviews';
import { contentSha256s } from '../../electron/core/signoff/content';
import { createSigningKey, resealSigningKey, unlockSigningKey, SCRYPT_COST } from '../../electron/core/signoff/keys';
import { checkManifestSig, signManifest } from '../../electron/core/signoff/manifest-sig';
import { publicKeyInfo } from '../../electron/core/signoff/public-keys';
import { reviewStatementBytes, signReview, verifyReview, type ReviewFields } from '../../electron/core/signoff/review';
import { material } from '../helpers/check-input';
import { errorOf } from '../helpers/errors';

/** Real Ed25519, scrypt and AES-GCM throughout: nothing is mocked. Content hashes: signoff-content.test.ts. */

const PASS = '春风化雨123';

describe('a sealed signing key', () => {
  it('unlocks with its 口令, and its public half is what the record says', async () => {
    const sealed = await createSigningKey(PASS);
    expect(sealed).toMatchObject({
      format: 'wangbao-signing-key',
      formatVersion: 1,
      alg: 'Ed25519',
      kdf: { alg: 'scrypt', ...SCRYPT_COST },
      cipher: 'aes-256-gcm',
    });
    expect(Buffer.from(sealed.kdf.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(sealed.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(sealed.tag, 'base64')).toHaveLength(16);
    // The record is plain JSON: what the DB stores and the key file holds.
    const key = await unlockSigningKey(JSON.parse(JSON.stringify(sealed)), PASS);
    expect(key.asymmetricKeyType).toBe('ed25519');
    expect(publicKeyInfo(key)).toEqual({ publicKey: sealed.publicKey, fingerprint: sealed.fingerprint });
    expect(sealed.fingerprint).toMatch(/^[0-9a-f]{64}$/u);

    // The same 口令 typed with a full-width input method unlocks it too (NFKC).
    expect(publicKeyInfo(await unlockSigningKey(sealed, '春风化雨１２３')).fingerprint).toBe(sealed.fingerprint);

    // No private key material in clear, in any spelling.
    const der = key.export({ type: 'pkcs8', format: 'der' });
    const seed = der.subarray(der.length - 32);
    const text = JSON.stringify(sealed);
    for (const secret of [der, seed]) {
      for (const spelling of [secret.toString('base64'), secret.toString('hex'), secret.toString('base64url')])
        expect(text).not.toContain(spelling);
      for (const field of [sealed.ciphertext, sealed.iv, sealed.tag, sealed.kdf.salt])
        expect(Buffer.from(field, 'base64').includes(secret.subarray(0, 8))).toBe(false);
    }
    expect(text).not.toContain(JSON.stringify(key.export({ format: 'jwk' }).d));
    expect(text).not.toContain(PASS);
  });

  it('refuses a wrong 口令 by GCM’s tag, with a typed error that carries no secret', async () => {
    const sealed = await createSigningKey(PASS);
    const e = await errorOf(unlockSigningKey(sealed, '春风化雨124'));
    expect([e.code, e.message]).toEqual(['passphrase-wrong', '口令不正确。']);
    expect(`${e.message} ${e.details}`).not.toContain('春风化雨');
    // A record whose public half was swapped for another key's does not unlock either: it is authenticated.
    const other = await createSigningKey('另一把钥匙的口令', { N: 2 ** 14, r: 8, p: 1 });
    const swapped = { ...sealed, publicKey: other.publicKey, fingerprint: other.fingerprint };
    expect((await errorOf(unlockSigningKey(swapped, PASS))).code).toBe('passphrase-wrong');
  });

  it('refuses a key file that is not one (input-refused), before deriving anything', async () => {
    const sealed = await createSigningKey(PASS, { N: 2 ** 14, r: 8, p: 1 });
    for (const bad of [
      null,
      'key',
      {},
      { ...sealed, format: 'other' },
      { ...sealed, fingerprint: 'f'.repeat(64) },
      { ...sealed, kdf: { ...sealed.kdf, N: 2 ** 30 } },
      { ...sealed, iv: 'AAAA' },
      { ...sealed, privateKey: 'MC4CAQAwBQYDK2VwBCIEI' },
    ]) {
      const e = await errorOf(unlockSigningKey(bad, PASS));
      expect([e.code, e.message]).toEqual(['input-refused', '密钥文件已损坏，或不是网报通的签批密钥。']);
    }
  });

  it('keeps the cost it was sealed with, so the default can be raised later', async () => {
    const cheap = await createSigningKey(PASS, { N: 2 ** 14, r: 8, p: 1 });
    expect(cheap.kdf.N).toBe(2 ** 14);
    expect(publicKeyInfo(await unlockSigningKey(cheap, PASS)).fingerprint).toBe(cheap.fingerprint);
  });

  it('is resealed under a new 口令 only with the old one, at the current cost', async () => {
    const sealed = await createSigningKey(PASS, { N: 2 ** 14, r: 8, p: 1 });
    expect((await errorOf(resealSigningKey(sealed, '猜的口令123', '新口令新口令'))).code).toBe('passphrase-wrong');
    expect((await errorOf(resealSigningKey(sealed, PASS, '短'))).code).toBe('input-refused');
    const resealed = await resealSigningKey(sealed, PASS, '新口令新口令');
    expect(resealed.fingerprint).toBe(sealed.fingerprint);
    expect(resealed.kdf).toMatchObject(SCRYPT_COST);
    expect(resealed.kdf.salt).not.toBe(sealed.kdf.salt);
    expect(publicKeyInfo(await unlockSigningKey(resealed, '新口令新口令')).fingerprint).toBe(sealed.fingerprint);
    expect((await errorOf(unlockSigningKey(resealed, PASS))).code).toBe('passphrase-wrong');
  });

  it('is not made under a 口令 shorter than 6 characters', async () => {
    const e = await errorOf(createSigningKey('12345'));
    expect([e.code, e.message]).toEqual(['input-refused', '口令至少需要 6 个字符。']);
  });
});

const keyPair = () => generateKeyPairSync('ed25519').privateKey;
const CONTENT = 'c'.repeat(64);

function fieldsFor(key: KeyObject, over: Partial<ReviewFields> = {}): ReviewFields {
  return {
    unitId: 'unit-市教育局',
    criterionCode: '3.1.2',
    level: 'leader',
    decision: 'approve',
    comment: '',
    at: '2026-06-15T10:00:00+08:00',
    contentSha256: CONTENT,
    fingerprint: publicKeyInfo(key).fingerprint,
    ...over,
  };
}

describe('a review signature', () => {
  const key = keyPair();
  const { publicKey } = publicKeyInfo(key);
  const approval = fieldsFor(key);
  const ret = fieldsFor(key, { decision: 'return', comment: '第3张照片缺少说明，请补充。' });
  const signed = { approval: signReview(approval, key), return: signReview(ret, key) };
  const [fields, signature] = [approval, signed.approval];

  it('verifies over the same statement and key', () => {
    expect(Buffer.from(signature, 'base64')).toHaveLength(64);
    expect(verifyReview(approval, signed.approval, publicKey)).toBe(true);
    expect(verifyReview(ret, signed.return, publicKey)).toBe(true);
    // A manifest review with its extra members verifies as it is.
    expect(verifyReview({ ...fields, signer: '张三', signature } as ReviewFields, signature, publicKey)).toBe(true);
  });

  it.each<[string, 'approval' | 'return', Partial<ReviewFields>]>([
    ['decision (a return made an approval)', 'return', { decision: 'approve', comment: '' }],
    ['decision (an approval made a return)', 'approval', { decision: 'return', comment: '改' }],
    ['comment', 'return', { comment: '已改好，无需修改。' }],
    ['at', 'approval', { at: '2026-06-15T10:00:01+08:00' }],
    ['contentSha256', 'approval', { contentSha256: 'd'.repeat(64) }],
    ['criterionCode', 'approval', { criterionCode: '3.1.3' }],
    ['level', 'approval', { level: 'principal' }],
    ['unitId (another unit)', 'approval', { unitId: 'unit-市财政局' }],
    ['fingerprint', 'approval', { fingerprint: 'e'.repeat(64) }],
  ])('fails when its %s is edited', (_, which, edit) => {
    const base = which === 'approval' ? approval : ret;
    expect(verifyReview(base, signed[which], publicKey)).toBe(true);
    expect(verifyReview({ ...base, ...edit }, signed[which], publicKey)).toBe(false);
  });

  it('fails with a signature from another key, under either key', () => {
    const other = keyPair();
    const forged = sign(null, reviewStatementBytes(fields), other).toString('base64');
    expect(verifyReview(fields, forged, publicKey)).toBe(false);
    expect(verifyReview(fields, forged, publicKeyInfo(other).publicKey)).toBe(false);
    // Nor does the right signature checked with another key.
    expect(verifyReview(fields, signature, publicKeyInfo(other).publicKey)).toBe(false);
  });

  it('returns false, never throws, on garbage', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    const rsaB64 = rsa.export({ type: 'spki', format: 'der' }).toString('base64');
    for (const sig of ['', '!!!!', 'AAAA', signature.replace(/=+$/u, ''), ` ${signature}`, 'A'.repeat(88)])
      expect(verifyReview(fields, sig, publicKey)).toBe(false);
    for (const pub of ['', 'not base64', 'AAAA', rsaB64, publicKey.slice(4)])
      expect(verifyReview(fields, signature, pub)).toBe(false);
    for (const junk of [null, undefined, 42, {}, { ...fields, comment: null }])
      expect(verifyReview(junk as unknown as ReviewFields, signature, publicKey)).toBe(false);
    expect(verifyReview(fields, null as unknown as string, undefined as unknown as string)).toBe(false);
  });

  it('is not made for a return without a comment, an approval with one, or another key’s fingerprint', () => {
    const refused = (f: ReviewFields): [string, string] => {
      try {
        signReview(f, key);
      } catch (e) {
        if (e instanceof AppError) return [e.code, e.message];
        throw e;
      }
      return ['signed', ''];
    };
    expect(refused(fieldsFor(key, { decision: 'return', comment: '  ' }))).toEqual([
      'input-refused',
      '退回修改时请写明需要修改的地方。',
    ]);
    expect(refused(fieldsFor(key, { comment: '同意' }))[0]).toBe('input-refused');
    expect(refused(fieldsFor(key, { fingerprint: publicKeyInfo(keyPair()).fingerprint }))[0]).toBe('internal');
    expect(refused(fieldsFor(key, { at: '2026-06-15 10:00' }))[0]).toBe('internal');
  });
});

describe('manifest.sig', () => {
  const principal = keyPair();
  const leader = keyPair();
  const signer = (key: KeyObject, name: string, level: Signer['level']): Signer => ({
    name,
    level,
    ...publicKeyInfo(key),
  });
  const signers = [signer(leader, '张三', 'leader'), signer(principal, '李四', 'principal')];
  const manifest = Buffer.from(`${JSON.stringify({ format: 'wangbao-package', signers }, null, 1)}\n`);
  const sigText = signManifest(manifest, principal, { name: '李四', level: 'principal' });

  it('checks with the principal’s listed key over the exact bytes', () => {
    expect(JSON.parse(sigText)).toMatchObject({
      alg: 'Ed25519',
      ...publicKeyInfo(principal),
      signer: { name: '李四', level: 'principal' },
    });
    expect(checkManifestSig(manifest, sigText, signers)).toEqual({ ok: true, signer: signers[1] });
    expect(checkManifestSig(manifest, Buffer.from(sigText), signers).ok).toBe(true);
  });

  it('an edited manifest byte fails it', () => {
    for (const at of [0, 20, manifest.length - 1]) {
      const edited = Buffer.from(manifest);
      edited[at]! ^= 0x01;
      expect(checkManifestSig(edited, sigText, signers)).toEqual({ ok: false, reason: 'bad-signature' });
    }
  });

  it('a key not in signers fails it, as does a listing under another name or a fingerprint not its key’s', () => {
    expect(checkManifestSig(manifest, sigText, [signers[0]])).toEqual({ ok: false, reason: 'signer-unlisted' });
    expect(checkManifestSig(manifest, sigText, undefined)).toEqual({ ok: false, reason: 'signer-unlisted' });
    const renamed = [signers[0], { ...signers[1]!, name: '王五' }];
    expect(checkManifestSig(manifest, sigText, renamed)).toEqual({ ok: false, reason: 'signer-unlisted' });
    const wrongFp = [signers[0], { ...signers[1]!, fingerprint: signers[0]!.fingerprint }];
    expect(checkManifestSig(manifest, sigText, wrongFp)).toEqual({ ok: false, reason: 'signer-unlisted' });
  });

  it('a leader’s key fails it, whatever the sig claims; signManifest will not make one', () => {
    const forge = (level: Signer['level']) =>
      JSON.stringify({
        alg: 'Ed25519',
        ...publicKeyInfo(leader),
        signer: { name: '张三', level },
        signature: sign(null, manifest, leader).toString('base64'),
      });
    expect(checkManifestSig(manifest, forge('leader'), signers)).toEqual({ ok: false, reason: 'not-principal' });
    expect(checkManifestSig(manifest, forge('principal'), signers)).toEqual({ ok: false, reason: 'not-principal' });
    const e = (() => {
      try {
        signManifest(manifest, leader, { name: '张三', level: 'leader' });
      } catch (x) {
        return x as AppError;
      }
    })();
    expect([e?.code, e?.message]).toEqual(['input-refused', '申报包只能由主要负责同志的密钥签名。']);
  });

  it('anything unreadable is unreadable, never a throw', () => {
    const sig = JSON.parse(sigText) as Record<string, unknown>;
    for (const bad of [
      '',
      'not json',
      '{}',
      Buffer.from([0xff, 0xfe, 0x00]),
      JSON.stringify({ ...sig, alg: 'RSA' }),
      JSON.stringify({ ...sig, fingerprint: 'a'.repeat(64) }),
      JSON.stringify({ ...sig, publicKey: 'AAAA' }),
      JSON.stringify({ ...sig, signer: { name: '李四', level: 'boss' } }),
    ])
      expect(checkManifestSig(manifest, bad, signers)).toEqual({ ok: false, reason: 'unreadable' });
    expect(checkManifestSig(manifest, JSON.stringify({ ...sig, signature: 'AAAA' }), signers)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });
});

describe('the reviews of a manifest', () => {
  const leader = keyPair();
  const principal = keyPair();
  const signers: Signer[] = [
    { name: '张三', level: 'leader', ...publicKeyInfo(leader) },
    { name: '李四', level: 'principal', ...publicKeyInfo(principal) },
  ];
  const criteria = [
    { code: '3.1.2', declaration: null },
    {
      code: '3.1.3',
      declaration: { statement: '本单位不承担该项工作，职能已划转。', declaredAt: '2026-05-01T09:00:00+08:00' },
    },
  ];
  const materials = [
    material('3.1.2', { id: 'a-1', sha256: 'a'.repeat(64) }),
    material('3.1.2', { id: 'b-2', sha256: 'b'.repeat(64) }),
  ];
  const hashes = contentSha256s(criteria, materials);

  /** A manifest of unit `unitId` with a leader and a principal approval of 3.1.2 and a leader return of 3.1.3. */
  function manifestOf(unitId: string) {
    const review = (key: KeyObject, name: string, over: Partial<ReviewFields>) => {
      const { unitId: unit, ...fields } = fieldsFor(key, {
        unitId,
        contentSha256: hashes.get(over.criterionCode ?? '3.1.2')!,
        ...over,
      });
      // A manifest's review carries the statement's fields but the unit's id, which is the manifest's `unit.id`.
      return { ...fields, signer: name, signature: signReview({ ...fields, unitId: unit }, key) };
    };
    return {
      unit: { id: unitId, name: '市教育局' },
      criteria,
      materials,
      signers,
      reviews: [
        review(leader, '张三', {}),
        review(principal, '李四', { level: 'principal' }),
        review(leader, '张三', { criterionCode: '3.1.3', decision: 'return', comment: '说明里请写明划转文件的文号。' }),
      ] as Record<string, unknown>[],
    };
  }
  const all = (checks: ReviewCheck[], key: 'listed' | 'valid' | 'current') => checks.map((c) => c[key]);

  it('are listed, valid and current as signed', async () => {
    const checks = await checkReviewSignatures(manifestOf('unit-1'));
    expect(checks.map((c) => [c.criterionCode, c.level])).toEqual([
      ['3.1.2', 'leader'],
      ['3.1.2', 'principal'],
      ['3.1.3', 'leader'],
    ]);
    expect(checks.every((c) => c.listed && c.valid && c.current)).toBe(true);
  });

  it('copied into another unit’s package, they do not verify', async () => {
    const copied = { ...manifestOf('unit-1'), unit: { id: 'unit-2', name: '市财政局' } };
    expect(all(await checkReviewSignatures(copied), 'valid')).toEqual([false, false, false]);
    // The office checks against the id it has on record for the unit, whatever the manifest says.
    expect(all(await checkReviewSignatures(manifestOf('unit-1'), 'unit-2'), 'valid')).toEqual([false, false, false]);
  });

  it('turn stale, still valid, when what the leader saw changed', async () => {
    const m = manifestOf('unit-1');
    const edited = {
      ...m,
      materials: m.materials.map((x) => (x.id === 'b-2' ? { ...x, caption: parseCaption('时间：2026年3月13日') } : x)),
    };
    const checks = await checkReviewSignatures(edited);
    expect(all(checks, 'valid')).toEqual([true, true, true]);
    expect(all(checks, 'current')).toEqual([false, false, true]);
  });

  it('an edited review, an unlisted signer or a signer listed under another level fails', async () => {
    const m = manifestOf('unit-1');
    m.reviews[0] = { ...m.reviews[0], decision: 'return', comment: '请重新拍摄' };
    m.reviews[1] = { ...m.reviews[1], signer: '王五' };
    m.reviews[2] = { ...m.reviews[2], level: 'principal' };
    const checks = await checkReviewSignatures(m);
    expect(all(checks, 'listed')).toEqual([true, false, false]);
    expect(all(checks, 'valid')).toEqual([false, false, false]);
    expect(all(await checkReviewSignatures({ ...manifestOf('unit-1'), signers: [signers[1]] }), 'valid')).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('anything malformed is reported, never thrown', async () => {
    const m = { ...manifestOf('unit-1'), signers: 'nobody' };
    m.reviews = [null, 42, { criterionCode: '3.1.2', level: 'leader' }, { ...m.reviews[0], signature: '!!' }] as never;
    expect(await checkReviewSignatures(m)).toEqual([
      { index: 0, criterionCode: null, level: null, listed: false, valid: false, current: false },
      { index: 1, criterionCode: null, level: null, listed: false, valid: false, current: false },
      { index: 2, criterionCode: '3.1.2', level: 'leader', listed: false, valid: false, current: false },
      { index: 3, criterionCode: '3.1.2', level: 'leader', listed: false, valid: false, current: false },
    ]);
    expect(await checkReviewSignatures({ ...manifestOf('unit-1'), reviews: undefined })).toEqual([]);
  });
});
