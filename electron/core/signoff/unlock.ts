import type { KeyObject } from 'node:crypto';
import type Database from 'better-sqlite3';
import { lockedMessage, lockSeconds, SIGNOFF_MESSAGES, TRIES_BEFORE_LOCK } from '@shared/domain/signoff';
import { AppError } from '@shared/ipc/errors';
import { unlockSigningKey } from './keys';
import { recordTry, requireSigner, type SignerRow } from './signers-repo';

/**
 * Unlocks a signer's key with their 口令, counting wrong tries in the workspace so a restart does not reset them:
 * after the fifth in a row the signer waits (`lockSeconds`), told how long. A retired signer, or one whose key is
 * kept on their own PC, cannot sign here.
 */
export async function unlockSigner(
  db: Database.Database,
  who: string,
  passphrase: string,
  now: Date,
): Promise<{ signer: SignerRow; key: KeyObject }> {
  const signer = requireSigner(db, who);
  if (signer.retiredAt !== null)
    throw new AppError('input-refused', `审核人“${signer.name}”已停用，不能再审核。`, `signer ${who} retired`);
  if (signer.sealed === null)
    throw new AppError(
      'input-refused',
      `审核人“${signer.name}”的密钥不在这台电脑上：请导出送审包，由其在本人电脑上审核。`,
      `signer ${who} has no key here`,
    );
  const waitMs = signer.lockedUntil === null ? 0 : Date.parse(signer.lockedUntil) - now.getTime();
  if (waitMs > 0) throw new AppError('signer-locked', lockedMessage(Math.ceil(waitMs / 1000)), `signer ${who} locked`);
  try {
    const key = await unlockSigningKey(signer.sealed, passphrase);
    recordTry(db, signer.fingerprint, { ok: true });
    return { signer, key };
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'passphrase-wrong') throw e;
    const failedTries = signer.failedTries + 1;
    const seconds = lockSeconds(failedTries);
    const lockedUntil = seconds > 0 ? new Date(now.getTime() + seconds * 1000).toISOString() : null;
    recordTry(db, signer.fingerprint, { ok: false, failedTries, lockedUntil });
    const left = TRIES_BEFORE_LOCK - failedTries;
    const more = seconds > 0 ? lockedMessage(seconds) : left <= 2 ? `再错 ${left} 次将暂时锁定。` : '';
    throw new AppError(
      'passphrase-wrong',
      `${SIGNOFF_MESSAGES.passphraseWrong}${more}`,
      `wrong passphrase for ${who} (${failedTries})`,
    );
  }
}
