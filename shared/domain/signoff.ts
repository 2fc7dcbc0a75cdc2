/**
 * Leader sign-off (审改 / 审阅把关), the pure part both processes use: the value sets, the rules a review and a 口令
 * must meet, and how a key's fingerprint is shown. The cryptography is in `electron/core/signoff/`; the JSON shapes
 * that travel between machines in `shared/schemas/signoff.ts`. PACKAGE-FORMAT.md, "Sign-off", is the contract.
 */

/** The two review levels (DOMAIN.md) with the role's Chinese name. */
export const REVIEW_LEVELS = { leader: '分管领导', principal: '主要负责同志' } as const;
export type ReviewLevel = keyof typeof REVIEW_LEVELS;

/** What each level does to the materials: the leader edits (审改), the principal checks and approves (审阅把关). */
export const REVIEW_LEVEL_ACTS: Record<ReviewLevel, string> = { leader: '审改', principal: '审阅把关' };

/** A review's decision. */
export const REVIEW_DECISIONS = { approve: '通过', return: '退回修改' } as const;
export type ReviewDecision = keyof typeof REVIEW_DECISIONS;

/** The Chinese text of sign-off, in one place. */
export const SIGNOFF_MESSAGES = {
  passphraseTooShort: (min: number) => `口令至少需要 ${min} 个字符。`,
  passphraseWrong: '口令不正确。',
  keyFileInvalid: '密钥文件已损坏，或不是网报通的签批密钥。',
  returnNeedsComment: '退回修改时请写明需要修改的地方。',
  approveTakesNoComment: '通过时不填写意见；需要修改请选择“退回修改”。',
  manifestNeedsPrincipal: '申报包只能由主要负责同志的密钥签名。',
  reviewIncomplete: '签批内容不完整，无法签名。',
  keyNotSigner: '签批密钥与签批人不符，无法签名。',
} as const;

/** Why a `manifest.sig` is not accepted (`checkManifestSig`'s reasons), for the verify report. */
export const MANIFEST_SIG_REASONS = {
  unreadable: '签名文件无法读取',
  'bad-signature': '签名与清单不符',
  'signer-unlisted': '签名所用的密钥不在清单的签批人名单中',
  'not-principal': '签名所用的密钥不是主要负责同志的',
} as const;
export type ManifestSigReason = keyof typeof MANIFEST_SIG_REASONS;

/** The shortest 口令 a signer may choose, in characters (a Chinese character counts one). */
export const PASSPHRASE_MIN_LENGTH = 6;

/**
 * The form a 口令 is derived from. NFKC, because a key file moves between computers and a Chinese input method in
 * 全角 mode types `１２３ＡＢＣ` for `123ABC`: both must unlock the same key.
 */
export function normalizePassphrase(passphrase: string): string {
  return passphrase.normalize('NFKC');
}

/** Why a new 口令 cannot be used (Chinese), or null when it can. */
export function passphraseProblem(passphrase: string): string | null {
  const length = [...normalizePassphrase(passphrase)].length;
  return length < PASSPHRASE_MIN_LENGTH ? SIGNOFF_MESSAGES.passphraseTooShort(PASSPHRASE_MIN_LENGTH) : null;
}

/**
 * Why a decision and its comment cannot be signed (Chinese), or null when they can: a return says what to change;
 * an approval's comment is `""` (PACKAGE-FORMAT.md), never null and never a note.
 */
export function reviewCommentProblem(decision: ReviewDecision, comment: string): string | null {
  if (decision === 'return') return comment.trim() === '' ? SIGNOFF_MESSAGES.returnNeedsComment : null;
  return comment === '' ? null : SIGNOFF_MESSAGES.approveTakesNoComment;
}

/**
 * A key's fingerprint as people compare it: the first 16 hex digits in groups of 4 (`3f2a 9c01 77de 0b45`).
 * Enough to tell keys apart by eye; the full fingerprint is what the software compares.
 */
export function displayFingerprint(fingerprint: string): string {
  return (fingerprint.slice(0, 16).match(/.{1,4}/gu) ?? []).join(' ');
}

/** Wrong 口令 tries in a row before a signer must wait. */
export const TRIES_BEFORE_LOCK = 5;

/**
 * How long a signer waits after `failedTries` wrong 口令 in a row: nothing before the fifth, then 30 s, doubling
 * with each further wrong try (60 s, 120 s, …), at most an hour. Slows a guesser at the officer's PC to a few
 * dozen tries a day without locking a leader out for good.
 */
export function lockSeconds(failedTries: number): number {
  if (failedTries < TRIES_BEFORE_LOCK) return 0;
  return Math.min(30 * 2 ** (failedTries - TRIES_BEFORE_LOCK), 3600);
}

/** The message for a locked signer, with the seconds left. */
export const lockedMessage = (seconds: number): string => `口令连续输错次数过多，请 ${seconds} 秒后再试。`;
