// The sign-off figure: unlocking a signer's key (scrypt at SCRYPT_COST, then AES-256-GCM) — at least 100 ms, so
// that guessing a 口令 from a stolen key file is slow, and at most 1 s, since a leader waits for it once per session
//   — baseline: `openssl kdf … SCRYPT` deriving a key with the same parameters (process start included).
import { execFileSync } from 'node:child_process';
import { createSigningKey, SCRYPT_COST, unlockSigningKey } from '../../electron/core/signoff/keys';
import { report, timeIt } from './report';

export async function benchSignoff(): Promise<void> {
  const passphrase = '春风化雨123';
  const sealed = await createSigningKey(passphrase);
  const ours = await timeIt(7, () => unlockSigningKey(sealed, passphrase));
  const { N, r, p } = SCRYPT_COST;
  let baseline = Number.NaN;
  try {
    const args = ['kdf', '-keylen', '32', '-kdfopt', 'pass:123456', '-kdfopt', 'salt:0123456789abcdef'];
    for (const [k, v] of [
      ['n', N],
      ['r', r],
      ['p', p],
      ['maxmem_bytes', 256 * N * r],
    ] as const)
      args.push('-kdfopt', `${k}:${v}`);
    baseline = await timeIt(7, () => execFileSync('openssl', [...args, 'SCRYPT'], { stdio: 'pipe' }));
  } catch {
    console.log('(openssl not installed: apt-get install openssl for the baseline)');
  }
  report(`unlock a signing key (scrypt N=2^${Math.log2(N)})`, ours, baseline, 'openssl kdf', 1000);
  console.log(`${''.padEnd(38)} floor ≥ 100 ms: ${ours >= 100 ? 'OK' : 'MISSED (raise SCRYPT_COST)'}`);
}
