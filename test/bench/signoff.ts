// The sign-off figure: unlocking a signer's key (scrypt at SCRYPT_COST, then AES-256-GCM) — at least 100 ms, so
// that guessing a 口令 from a stolen key file is slow, and at most 1 s, since a leader waits for it once per session
//   — baseline: `openssl kdf … SCRYPT` deriving a key with the same parameters (process start included).
import { execFileSync } from 'node:child_process';
import { createSigningKey, SCRYPT_COST, unlockSigningKey } from '../../electron/core/signoff/keys';
import { figure, has, interleaved } from './report';

export async function benchSignoff(): Promise<void> {
  const passphrase = '春风化雨123';
  const sealed = await createSigningKey(passphrase);
  const { N, r, p } = SCRYPT_COST;
  const args = ['kdf', '-keylen', '32', '-kdfopt', 'pass:123456', '-kdfopt', 'salt:0123456789abcdef'];
  for (const [k, v] of [
    ['n', N],
    ['r', r],
    ['p', p],
    ['maxmem_bytes', 256 * N * r],
  ] as const)
    args.push('-kdfopt', `${k}:${v}`);
  const openssl = has('openssl');
  if (!openssl) console.log('(openssl not installed: apt-get install openssl for the baseline)');
  const unlock = await interleaved(
    7,
    () => unlockSigningKey(sealed, passphrase),
    openssl ? () => execFileSync('openssl', [...args, 'SCRYPT'], { stdio: 'pipe' }) : null,
  );
  // At least 100 ms (a stolen key file is slow to guess at; raise SCRYPT_COST if not), at most 1 s.
  figure({
    name: `unlock a signing key (scrypt N = 2^${Math.log2(N)}, r = ${r}, p = ${p}, then AES-256-GCM)`,
    value: unlock.ours,
    unit: 'ms',
    baseline: 'openssl kdf SCRYPT, same parameters',
    baselineValue: unlock.baseline,
    ratio: unlock.ratio,
    within: { atLeast: 100, atMost: 1000 },
  });
}
