import { describe, expect, it } from 'vitest';
import { M } from '../../renderer/src/features/ledger/messages';

describe('the ledger’s due-date words', () => {
  it('6月5日前 this year, with the year when it is another', () => {
    expect(M.dueLabel('2026-06-05', '2026-05-20')).toBe('6月5日前');
    expect(M.dueLabel('2025-12-31', '2026-05-20')).toBe('2025年12月31日前');
  });
  it('says how far the date is, or how long ago it passed', () => {
    expect(M.dueTitle('2026-06-05', '2026-05-20')).toBe('截止 2026-06-05，还有 16 天');
    expect(M.dueTitle('2026-05-20', '2026-05-20')).toBe('截止 2026-05-20，今天截止');
    expect(M.dueTitle('2026-03-31', '2026-04-02')).toBe('截止 2026-03-31，已逾期 2 天');
  });
});
