import type { Migration } from '../migrate';

/**
 * Text extracted from documents (for search and the 情况说明 rules) and the material search index. FTS5's trigram
 * tokenizer matches any substring of 3+ characters — Chinese needs no word segmentation; shorter queries fall back
 * to LIKE (materials-repo.ts).
 */
export const migration0030: Migration = {
  version: 30,
  name: 'search',
  up: `
    CREATE TABLE blob_text (
      sha256 TEXT PRIMARY KEY REFERENCES blobs(sha256),
      text   TEXT NOT NULL
    ) STRICT;
    CREATE VIRTUAL TABLE material_search USING fts5(
      material_id UNINDEXED, title, caption, file_name, body, tokenize = 'trigram'
    );
  `,
};
