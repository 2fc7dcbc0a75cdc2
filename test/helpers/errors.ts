import { AppError } from '@shared/ipc/errors';

/** The AppError a call is refused with (a call that succeeds, or fails otherwise, fails the test). */
export async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}
