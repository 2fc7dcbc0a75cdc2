import { describe, expect, it } from 'vitest';
import {
  displayFingerprint,
  passphraseProblem,
  REVIEW_DECISIONS,
  REVIEW_LEVELS,
  reviewCommentProblem,
} from '@shared/domain/signoff';
import { Base64, ManifestSig, OffsetTimestamp, Review, SealedKey } from '@shared/schemas/signoff';

describe('sign-off value sets', () => {
  it('names the levels and decisions in Chinese', () => {
    expect(REVIEW_LEVELS).toEqual({ leader: '分管领导', principal: '主要负责同志' });
    expect(REVIEW_DECISIONS).toEqual({ approve: '通过', return: '退回修改' });
  });
});

describe('passphraseProblem', () => {
  it.each(['123456', '口令口令口令', 'ａｂｃｄｅｆ', 'a b c '])('accepts %j', (p) =>
    expect(passphraseProblem(p)).toBeNull(),
  );
  it.each(['', '12345', '口令口令口', '😀😀😀😀😀'])('refuses %j (under 6 characters)', (p) =>
    expect(passphraseProblem(p)).toBe('口令至少需要 6 个字符。'),
  );
});

describe('reviewCommentProblem', () => {
  it('an approval has the empty comment, a return a real one', () => {
    expect(reviewCommentProblem('approve', '')).toBeNull();
    expect(reviewCommentProblem('approve', '很好')).toMatch(/通过时不填写意见/u);
    expect(reviewCommentProblem('return', '第3张照片缺少说明')).toBeNull();
    expect(reviewCommentProblem('return', '')).toMatch(/退回修改时请写明/u);
    expect(reviewCommentProblem('return', ' \n　')).toMatch(/退回修改时请写明/u);
  });
});

describe('displayFingerprint', () => {
  it('shows the first 16 hex digits in groups of 4', () =>
    expect(displayFingerprint('3f2a9c0177de0b45' + 'e'.repeat(48))).toBe('3f2a 9c01 77de 0b45'));
});

describe('the sign-off schemas', () => {
  const fp = 'a'.repeat(64);
  it('base64 with padding only', () => {
    expect(Base64.safeParse('AAAA').success).toBe(true);
    expect(Base64.safeParse('AAE=').success).toBe(true);
    expect(Base64.safeParse('AAE').success).toBe(false);
    expect(Base64.safeParse('AA-_').success).toBe(false);
  });
  it('timestamps carry their offset', () => {
    expect(OffsetTimestamp.safeParse('2025-06-03T09:12:00+08:00').success).toBe(true);
    expect(OffsetTimestamp.safeParse('2025-06-03T01:12:00.123Z').success).toBe(true);
    expect(OffsetTimestamp.safeParse('2025-06-03T09:12:00').success).toBe(false);
  });
  it('a review needs its comment (an approval has "", never null) and known values', () => {
    const review = {
      criterionCode: '3.1.2',
      level: 'leader',
      decision: 'approve',
      comment: '',
      signer: '张三',
      fingerprint: fp,
      at: '2025-06-03T09:12:00+08:00',
      contentSha256: fp,
      signature: 'AAAA',
    };
    expect(Review.safeParse(review).success).toBe(true);
    expect(Review.safeParse({ ...review, comment: null }).success).toBe(false);
    expect(Review.safeParse({ ...review, decision: 'reject' }).success).toBe(false);
    expect(Review.safeParse({ ...review, level: '分管领导' }).success).toBe(false);
  });
  it('manifest.sig has the fields of PACKAGE-FORMAT.md', () => {
    const sig = { alg: 'Ed25519', publicKey: 'AAAA', fingerprint: fp, signer: { name: '李四', level: 'principal' } };
    expect(ManifestSig.safeParse({ ...sig, signature: 'AAAA' }).success).toBe(true);
    expect(ManifestSig.safeParse(sig).success).toBe(false);
    expect(ManifestSig.safeParse({ ...sig, signature: 'AAAA', alg: 'RSA' }).success).toBe(false);
  });
  it('a sealed key with parameters that would exhaust memory is refused before any work', () => {
    const sealed = {
      format: 'wangbao-signing-key',
      formatVersion: 1,
      alg: 'Ed25519',
      publicKey: 'AAAA',
      fingerprint: fp,
      kdf: { alg: 'scrypt', N: 2 ** 17, r: 8, p: 1, salt: 'AAAA' },
      cipher: 'aes-256-gcm',
      iv: 'AAAA',
      tag: 'AAAA',
      ciphertext: 'AAAA',
    };
    expect(SealedKey.safeParse(sealed).success).toBe(true);
    expect(SealedKey.safeParse({ ...sealed, kdf: { ...sealed.kdf, N: 2 ** 30 } }).success).toBe(false);
    expect(SealedKey.safeParse({ ...sealed, kdf: { ...sealed.kdf, N: 2 ** 20, r: 16 } }).success).toBe(false);
    expect(SealedKey.safeParse({ ...sealed, kdf: { ...sealed.kdf, N: 2 ** 19, r: 8 } }).success).toBe(true);
    expect(SealedKey.safeParse({ ...sealed, kdf: { ...sealed.kdf, N: 100_000 } }).success).toBe(false);
    expect(SealedKey.safeParse({ ...sealed, privateKey: 'x' }).success).toBe(false);
  });
});
