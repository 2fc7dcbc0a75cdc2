import type { AttachResult, Material } from '@shared/ipc/types';

/** What the case's input is about (the list), for the summary. */
export type Category =
  | 'image'
  | 'exif'
  | 'bomb'
  | 'pdf'
  | 'office'
  | 'empty'
  | 'executable'
  | 'script'
  | 'names'
  | 'symlink'
  | 'zip-slip'
  | 'archive'
  | 'xlsx'
  | 'catalog-json'
  | 'title';

/**
 * How the input enters the app, through the entry point a user would use: attached to a criterion, imported as the
 * 测评体系, verified as a package, imported as 往年材料, or typed as a title and exported in a package.
 */
export type Entry =
  | { entry: 'attach'; criterion?: string; title?: string; caption?: string }
  | { entry: 'catalog-import' }
  | { entry: 'verify' }
  | { entry: 'reference-import' }
  | { entry: 'export-with-title'; criterion: string; title: string; caption?: string };

/** Which workspace a case runs in (cases of a group share one, one after another). */
export type Group = 'intake' | 'catalog' | 'package' | 'reference' | 'titles' | 'large';

/**
 * What must come of it: refused with a Chinese message (matching `message`), skipped with one, accepted (and
 * flagged: `facts` the material must carry), imported, a package found invalid (with these problems), valid (with
 * these warnings) or unreadable, or exported.
 */
export type Expect =
  | { outcome: 'refused'; message: RegExp }
  | { outcome: 'skipped'; message: RegExp }
  | { outcome: 'accepted'; facts?: Record<string, unknown> }
  | { outcome: 'imported' }
  | { outcome: 'invalid'; problems: string[] }
  | { outcome: 'valid'; warnings: string[] }
  | { outcome: 'unreadable' }
  | { outcome: 'exported' };

/** What the test can reach while making inputs. */
export interface MakeEnv {
  /** A real package (the demo's unit with photos and PDFs), exported once per run. */
  basePackage(): Promise<string>;
  /** The workspace the case runs in. */
  workspace: string;
}

/** What running a case produced, whichever way it entered. */
export interface Outcome {
  /** Attach: one result per file; reference import: `skipped` as refusals of its files. */
  results: AttachResult[];
  /** The materials the case added (attach, export). */
  added: Material[];
  /** The error the entry point gave (core's AppError, or the CLI's `{"error"}`). */
  error: { code: string; message: string } | null;
  /** Verify's result. */
  verify: { valid: boolean; problems: { code: string; severity: string; message: string }[] } | null;
  /** Catalog or reference import's result, export's result. */
  value: Record<string, unknown> | null;
  /** Every message the user sees. */
  messages: string[];
  /** The CLI's exit code (null in core). */
  exit: number | null;
}

export interface HostileCase {
  name: string;
  category: Category;
  group: Group;
  /** Through the built CLI (a child process) rather than core's `call()` in this process. */
  cli?: boolean;
  /** Writes the input file(s) into `dir`, derived from test/fixtures or made from nothing; returns the paths. */
  make(dir: string, env: MakeEnv): Promise<string[]> | string[];
  run: Entry;
  expect: Expect;
  /** Assertions beyond the outcome. */
  check?(o: Outcome, env: MakeEnv): Promise<void> | void;
}
