/** The operations the crash-injection suite kills (test/crash/driver.ts runs them). */
export const CRASH_OPS = [
  'intake',
  'edit',
  'optimize',
  'reference',
  'export',
  'backup',
  'backup-folder',
  'restore',
] as const;
export type CrashOp = (typeof CRASH_OPS)[number];

/** The criterion materials are attached to, and the one they are moved to. */
export const CRASH_CRITERION = '3.1.2';
export const CRASH_MOVE_TO = '3.2.3';
