import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  generateKeyPairSync,
  randomBytes,
  scrypt,
  type KeyObject,
} from 'node:crypto';
import { normalizePassphrase, passphraseProblem, SIGNOFF_MESSAGES } from '@shared/domain/signoff';
import { AppError } from '@shared/ipc/errors';
import { SEALED_KEY_FORMAT, SealedKey, type ScryptParams } from '@shared/schemas/signoff';
import { canonicalJson } from './canonical-json';
import { fingerprintOf, publicKeyInfo, readPublicKey } from './public-keys';

/**
 * A signer's Ed25519 key. The private key exists in clear only in memory, after `unlockSigningKey`; at rest it is
 * sealed under the signer's 口令: scrypt stretches the 口令 into an AES-256-GCM key, and GCM's tag (not a comparison
 * of ours) tells a wrong 口令 from the right one. Salt, iv and the key pair come from the system's CSPRNG and are
 * deliberately not injectable: a test that could fix them could also ship a fixed one.
 */

/**
 * The cost of sealing a key now: N = 2^17, r = 8, p = 1 (128 MiB), OWASP's minimum for scrypt. One derivation takes
 * about 370 ms on this project's 2-core test machine (2^16 took 180 ms, 2^15 90–110 ms): slow enough to make guessing
 * a short 口令 from a stolen key file expensive, quick enough for a leader approving. Raise it here; keys sealed
 * before keep their own cost in their record and are upgraded when resealed.
 */
export const SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

/** scrypt's cost parameters (the salt is drawn for each seal). */
export type ScryptCost = Pick<ScryptParams, 'N' | 'r' | 'p'>;

/** A new Ed25519 key pair, sealed under `passphrase` (refused with `input-refused` when it is too short). */
export async function createSigningKey(passphrase: string, cost: ScryptCost = SCRYPT_COST): Promise<SealedKey> {
  refuseWeak(passphrase);
  const { privateKey } = generateKeyPairSync('ed25519');
  return seal(privateKey, passphrase, cost);
}

/**
 * The private key of a sealed record. A wrong 口令 is `passphrase-wrong`; a record that is not one of ours, or was
 * altered, is `input-refused` (a key file can come from anywhere).
 */
export async function unlockSigningKey(sealed: unknown, passphrase: string): Promise<KeyObject> {
  const record = readSealed(sealed);
  const key = await derive(passphrase, record.kdf);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(record.iv, 'base64'));
  decipher.setAAD(associatedData(record));
  decipher.setAuthTag(Buffer.from(record.tag, 'base64'));
  let der: Buffer;
  try {
    der = Buffer.concat([decipher.update(Buffer.from(record.ciphertext, 'base64')), decipher.final()]);
  } catch {
    // GCM's authentication failed: the 口令 derived another key. (An altered record fails here too, but its public
    // half is bound as associated data, so no edit can make a wrong key look right.)
    throw new AppError('passphrase-wrong', SIGNOFF_MESSAGES.passphraseWrong, `fingerprint ${record.fingerprint}`);
  } finally {
    key.fill(0);
  }
  try {
    const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    const pub = publicKeyInfo(privateKey);
    if (privateKey.asymmetricKeyType !== 'ed25519' || pub.publicKey !== record.publicKey) throw new Error('mismatch');
    return privateKey;
  } catch {
    throw invalidKeyFile('sealed key does not match its public key');
  } finally {
    der.fill(0);
  }
}

/** The same key sealed under a new 口令 (and the current scrypt cost); the old 口令 must unlock it first. */
export async function resealSigningKey(
  sealed: unknown,
  oldPassphrase: string,
  newPassphrase: string,
): Promise<SealedKey> {
  refuseWeak(newPassphrase);
  return seal(await unlockSigningKey(sealed, oldPassphrase), newPassphrase, SCRYPT_COST);
}

async function seal(privateKey: KeyObject, passphrase: string, cost: ScryptCost): Promise<SealedKey> {
  const kdf: ScryptParams = {
    alg: 'scrypt',
    N: cost.N,
    r: cost.r,
    p: cost.p,
    salt: randomBytes(16).toString('base64'),
  };
  const iv = randomBytes(12);
  const head = { ...publicKeyInfo(privateKey), kdf };
  const key = await derive(passphrase, kdf);
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  try {
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(associatedData(head));
    const ciphertext = Buffer.concat([cipher.update(der), cipher.final()]);
    return SealedKey.parse({
      format: SEALED_KEY_FORMAT,
      formatVersion: 1,
      alg: 'Ed25519',
      ...head,
      cipher: 'aes-256-gcm',
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    });
  } finally {
    key.fill(0);
    der.fill(0);
  }
}

/**
 * What GCM authenticates beside the ciphertext: the public key, its fingerprint and the KDF parameters. Swapping the
 * public key of a record (to have someone else's key shown as this signer's) or its cost fails the unlock.
 */
function associatedData(r: { publicKey: string; fingerprint: string; kdf: ScryptParams }): Buffer {
  return canonicalJson({ format: SEALED_KEY_FORMAT, publicKey: r.publicKey, fingerprint: r.fingerprint, kdf: r.kdf });
}

/** scrypt on libuv's thread pool: 128 MiB and ~0.4 s must not block the process. */
function derive(passphrase: string, kdf: ScryptParams): Promise<Buffer> {
  const { N, r, p } = kdf;
  return new Promise((resolve, reject) =>
    scrypt(
      normalizePassphrase(passphrase),
      Buffer.from(kdf.salt, 'base64'),
      32,
      // OpenSSL needs 128·N·r bytes plus a little; twice that leaves room without allowing more than the bounds.
      { N, r, p, maxmem: 256 * N * r },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

function readSealed(sealed: unknown): SealedKey {
  const parsed = SealedKey.safeParse(sealed);
  if (!parsed.success) throw invalidKeyFile(parsed.error.message);
  const r = parsed.data;
  if (readPublicKey(r.publicKey) === null || fingerprintOf(r.publicKey) !== r.fingerprint)
    throw invalidKeyFile('public key or fingerprint unreadable');
  if (Buffer.from(r.iv, 'base64').length !== 12 || Buffer.from(r.tag, 'base64').length !== 16)
    throw invalidKeyFile('iv or tag of the wrong size');
  return r;
}

function refuseWeak(passphrase: string): void {
  const problem = passphraseProblem(passphrase);
  if (problem) throw new AppError('input-refused', problem, 'passphrase too short');
}

const invalidKeyFile = (details: string) => new AppError('input-refused', SIGNOFF_MESSAGES.keyFileInvalid, details);
