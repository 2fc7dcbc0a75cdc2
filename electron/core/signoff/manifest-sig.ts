import { sign, type KeyObject } from 'node:crypto';
import { SIGNOFF_MESSAGES, type ManifestSigReason, type ReviewLevel } from '@shared/domain/signoff';
import { AppError } from '@shared/ipc/errors';
import { ManifestSig, Signer } from '@shared/schemas/signoff';
import { fingerprintOf, publicKeyInfo, readPublicKey, verifySignature } from './public-keys';

/**
 * `manifest.sig` (PACKAGE-FORMAT.md): Ed25519 over the exact bytes of manifest.json by a `principal` signer listed
 * in the manifest's `signers`. Signing the bytes, not a canonical form, lets any Ed25519 library check it with no
 * JSON handling at all; and since the manifest lists every file's SHA-256, it seals the whole package.
 */

/** The result of checking a `manifest.sig`; `signer` is the manifest's entry for the key. */
export type ManifestSigCheck = { ok: true; signer: Signer } | { ok: false; reason: ManifestSigReason };

/** The text of `manifest.sig` for these manifest bytes. Only a `principal` signs a package (`input-refused`). */
export function signManifest(
  manifestBytes: Uint8Array,
  privateKey: KeyObject,
  signer: { name: string; level: ReviewLevel },
): string {
  if (signer.level !== 'principal')
    throw new AppError('input-refused', SIGNOFF_MESSAGES.manifestNeedsPrincipal, `signer level ${signer.level}`);
  const sig: ManifestSig = {
    alg: 'Ed25519',
    ...publicKeyInfo(privateKey),
    signer: { name: signer.name, level: signer.level },
    signature: sign(null, manifestBytes, privateKey).toString('base64'),
  };
  return `${JSON.stringify(sig, null, 1)}\n`;
}

/**
 * Checks a `manifest.sig` against the manifest's bytes and its `signers` (as read from the manifest: anything).
 * In order: readable, with a key matching its fingerprint (`unreadable`); the signature verifies (`bad-signature`);
 * a signers entry has this key under the name and level the sig claims (`signer-unlisted`), and that level is
 * `principal` (`not-principal`). The level comes from `signers`, which the signature covers, never from the sig's
 * own `signer`, which it does not. Never throws.
 */
export function checkManifestSig(
  manifestBytes: Uint8Array,
  sigText: string | Uint8Array,
  signers: unknown,
): ManifestSigCheck {
  let sig: ManifestSig;
  let key: KeyObject | null;
  try {
    const text = typeof sigText === 'string' ? sigText : new TextDecoder('utf-8', { fatal: true }).decode(sigText);
    sig = ManifestSig.parse(JSON.parse(text));
    key = readPublicKey(sig.publicKey);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (!key || fingerprintOf(sig.publicKey) !== sig.fingerprint) return { ok: false, reason: 'unreadable' };
  if (!verifySignature(manifestBytes, key, sig.signature)) return { ok: false, reason: 'bad-signature' };
  const listed = listedSigners(signers).find((s) => s.publicKey === sig.publicKey);
  if (!listed) return { ok: false, reason: 'signer-unlisted' };
  if (listed.level !== 'principal') return { ok: false, reason: 'not-principal' };
  if (listed.name !== sig.signer.name || listed.level !== sig.signer.level)
    return { ok: false, reason: 'signer-unlisted' };
  return { ok: true, signer: listed };
}

/**
 * The well-formed entries of a manifest's `signers` whose fingerprint is their key's; anything else is ignored (a
 * package made before sign-off has none).
 */
export function listedSigners(signers: unknown): Signer[] {
  if (!Array.isArray(signers)) return [];
  return signers.flatMap((s: unknown) => {
    const p = Signer.safeParse(s);
    return p.success && readPublicKey(p.data.publicKey) && fingerprintOf(p.data.publicKey) === p.data.fingerprint
      ? [p.data]
      : [];
  });
}
