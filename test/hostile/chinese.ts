import { expect } from 'vitest';

const CJK = /\p{Script=Han}/u;
/** A stack frame (`    at fn (file.js:1:2)`) or a raw error's name and text. */
const STACK = /\n\s+at |\bat [^\s]+ \(?[^\s]+:\d+:\d+\)?/u;
const RAW_ERROR =
  /\b(Error|TypeError|RangeError|SyntaxError|ENOENT|EACCES|EPERM|EISDIR|ERR_[A-Z_]+|undefined|NaN|Cannot|Unexpected|Invalid input|expected|received)\b/u;
/** Three English words in a row: a sentence from a library, not a file name or a code. */
const ENGLISH_SENTENCE = /\b[A-Za-z]{2,}[ ,:;]+[A-Za-z]{2,}[ ,:;]+[A-Za-z]{2,}\b/u;

/**
 * A message the officer reads: Chinese, with no stack trace and no raw English error in it. Paths (anything with a
 * slash) are set aside first: a message may name the file concerned.
 */
export function assertChineseMessage(message: string, what = 'message'): void {
  const words = message.replace(/\S*[/\\]\S*/gu, ' ');
  expect(message, `${what} has no Chinese: ${message}`).toMatch(CJK);
  expect(message, `${what} carries a stack trace`).not.toMatch(STACK);
  expect(words, `${what} carries a raw English error: ${message}`).not.toMatch(RAW_ERROR);
  expect(words, `${what} carries an English sentence: ${message}`).not.toMatch(ENGLISH_SENTENCE);
}

/** What a CLI run wrote to stderr: no stack trace, no `internal` failure. */
export function assertNoStackTrace(stderr: string): void {
  expect(stderr, 'stderr carries a stack trace').not.toMatch(STACK);
  expect(stderr, 'the CLI failed unexpectedly').not.toContain('发生了意外错误');
}
