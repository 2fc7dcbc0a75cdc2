import type { Migration } from '../migrate';

/**
 * The officer's kind for a phrase of a criterion's 材料要求 that the words did not type (学习记录或会议纪要 read as
 * 其他, set to 规范文件 in the import preview). Keyed by the criterion's code and the phrase exactly as written, so a
 * later import of the same 台账 (or a new edition with the same phrase) keeps the officer's choice.
 */
export const migration0080: Migration = {
  version: 80,
  name: 'requirement-kinds',
  up: `
    CREATE TABLE requirement_kinds (
      criterion_code TEXT NOT NULL,
      phrase TEXT NOT NULL,
      kind TEXT NOT NULL,
      set_at TEXT NOT NULL,
      PRIMARY KEY (criterion_code, phrase)
    ) WITHOUT ROWID;
  `,
};
