/**
 * Errors cross every boundary (IPC, CLI, bridge) as plain data, never as thrown objects. `message` is Chinese for
 * the user; `details` is precise, for the log.
 */
export const ERROR_CODES = [
  'invalid-args',
  /** The input was understood and refused (a statement too short, a year out of range): CLI exit 1. */
  'input-refused',
  'unknown-channel',
  'no-workspace',
  'workspace-invalid',
  'workspace-newer',
  'workspace-locked',
  'workspace-exists',
  'not-permitted',
  /** A signer's 口令 did not unlock their key (GCM's tag failed): CLI exit 1. */
  'passphrase-wrong',
  /** Five wrong 口令 in a row: the signer waits (30 s, 60 s, …) before the next try: CLI exit 1. */
  'signer-locked',
  /** No signer of that name (or fingerprint) in the workspace: CLI exit 2. */
  'unknown-signer',
  'path-not-allowed',
  'io',
  'catalog-invalid',
  /** A 创城办 hand-out that cannot be imported (signature, sequence, year, key, unit): CLI exit 1. */
  'handout-refused',
  'unknown-criterion',
  'cancelled',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorData {
  code: ErrorCode;
  message: string;
  details?: string | undefined;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

/** An expected failure with a message fit for the user. Thrown inside core, turned into `ErrorData` at the edge. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: string | undefined;
  constructor(code: ErrorCode, message: string, details?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toData(): ErrorData {
    return { code: this.code, message: this.message, details: this.details };
  }
}
