import type { ErrorCode } from '@shared/ipc/errors';

/** CLI exit codes (ARCHITECTURE.md): 0 ok, 1 input refused or invalid, 2 usage error, unknown criterion or IO error. */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

/** Which exit code an error means. */
export function exitCodeOf(code: ErrorCode): number {
  switch (code) {
    case 'catalog-invalid':
    case 'handout-refused':
    case 'input-refused':
    case 'workspace-newer':
    case 'workspace-exists':
    case 'invalid-args':
    case 'path-not-allowed':
    case 'passphrase-wrong':
    case 'signer-locked':
      return EXIT.refused;
    default:
      return EXIT.usage;
  }
}
