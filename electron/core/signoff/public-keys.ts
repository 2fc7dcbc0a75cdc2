import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';

/**
 * Ed25519 public keys and signatures as the package spells them (PACKAGE-FORMAT.md, "Encodings"): keys as base64
 * SPKI DER, fingerprints as lowercase hex SHA-256 of that DER, signatures as base64. What comes from a package is
 * read strictly and never throws.
 */

/** What others see of a key: the base64 SPKI DER and its lowercase hex SHA-256 (PACKAGE-FORMAT.md). */
export interface PublicKeyInfo {
  publicKey: string;
  fingerprint: string;
}

/** The public half of a key (private or public) as the package writes it. */
export function publicKeyInfo(key: KeyObject): PublicKeyInfo {
  const der = (key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'der' });
  return { publicKey: der.toString('base64'), fingerprint: createHash('sha256').update(der).digest('hex') };
}

/**
 * A base64 SPKI DER Ed25519 public key, or null for anything else (not base64 in its one canonical spelling, not
 * DER, another algorithm). Never throws: it reads keys from packages and key files.
 */
export function readPublicKey(base64: string): KeyObject | null {
  // A package's 500 reviews name two or three keys: each is parsed once (KeyObjects are immutable).
  const known = parsed.get(base64);
  if (known !== undefined) return known;
  const key = parse(base64);
  if (parsed.size >= 64) parsed.clear();
  parsed.set(base64, key);
  return key;
}

const parsed = new Map<string, KeyObject | null>();

function parse(base64: string): KeyObject | null {
  try {
    const der = Buffer.from(base64, 'base64');
    if (der.length === 0 || der.toString('base64') !== base64) return null;
    const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

/**
 * Whether `signatureBase64` is `key`'s Ed25519 signature of exactly `bytes`. One spelling per signature: base64 that
 * Node would decode leniently (stray characters, missing padding) is refused. Never throws.
 */
export function verifySignature(bytes: Uint8Array, key: KeyObject, signatureBase64: string): boolean {
  const signature = signatureBytes(signatureBase64);
  if (signature === null) return false;
  try {
    return verify(null, bytes, key, signature);
  } catch {
    return false;
  }
}

/**
 * `verifySignature` in libuv's threadpool (Node's one-shot verify with a callback): a package's 500 review
 * signatures are checked on the other cores while its files are read and hashed. Never rejects.
 */
export function verifySignatureAsync(bytes: Uint8Array, key: KeyObject, signatureBase64: string): Promise<boolean> {
  const signature = signatureBytes(signatureBase64);
  if (signature === null) return Promise.resolve(false);
  return new Promise((done) => {
    try {
      verify(null, bytes, key, signature, (error, valid) => done(error === null && valid));
    } catch {
      done(false);
    }
  });
}

/** An Ed25519 signature's 64 bytes from its one base64 spelling; null for anything else. */
function signatureBytes(signatureBase64: string): Buffer | null {
  const signature = Buffer.from(signatureBase64, 'base64');
  return signature.length === 64 && signature.toString('base64') === signatureBase64 ? signature : null;
}

/** Lowercase hex SHA-256 of the DER a base64 public key spells. */
export function fingerprintOf(publicKeyBase64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex');
}
