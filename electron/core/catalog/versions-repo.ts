import type Database from 'better-sqlite3';

/** A catalog edition as imported (catalog_versions); every import adds one, the newest is in force. */
export interface CatalogVersion {
  edition: string;
  name: string | null;
  sha256: string;
  importedAt: string;
  nodes: number;
  leaves: number;
}

/** The catalog edition in force: the last one imported; undefined before any import. */
export function latestCatalogVersion(db: Database.Database): CatalogVersion | undefined {
  const r = db
    .prepare(
      `SELECT edition, name, sha256, imported_at, node_count, leaf_count FROM catalog_versions
       ORDER BY id DESC LIMIT 1`,
    )
    .get() as
    | {
        edition: string;
        name: string | null;
        sha256: string;
        imported_at: string;
        node_count: number;
        leaf_count: number;
      }
    | undefined;
  return (
    r && {
      edition: r.edition,
      name: r.name,
      sha256: r.sha256,
      importedAt: r.imported_at,
      nodes: r.node_count,
      leaves: r.leaf_count,
    }
  );
}
