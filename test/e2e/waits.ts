/**
 * The one wait of the e2e suite: how long a test waits for the state it needs (a text, a job's end, an element)
 * before failing. Generous, because CI runs on a shared 2-core machine that may be busy with other work: a state
 * that arrives never makes a test slower, and one that never arrives fails within this.
 */
export const E2E_WAIT_MS = 30_000;

/** A whole e2e test (several user steps, each of which may wait up to E2E_WAIT_MS). */
export const E2E_TEST_MS = 240_000;
