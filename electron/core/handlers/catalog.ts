import { yearWarnings } from '../../../shared/domain/catalog-year';
import { importCatalog } from '../catalog/import-catalog';
import { listCriteria, setScope } from '../catalog/criteria-repo';
import { loadSource } from '../catalog/load-source';
import { kindCounts } from '../materials/materials-repo';
import { givenOrPickedFile, requireWorkspace, type Ctx } from '../context';
import type { HandlersOf } from './types';

const FILTERS = [
  { name: '台账或测评体系 (xlsx, json)', extensions: ['xlsx', 'json'] },
  { name: '所有文件', extensions: ['*'] },
];

/** The file to read: the one given, or the one the user picks; null when cancelled. */
const sourcePath = (file: string | undefined, ctx: Ctx) =>
  givenOrPickedFile(ctx, file, { title: '导入台账或测评体系', filters: FILTERS });

/** The year warnings of a catalog against the open workspace (shared/domain/catalog-year.ts). */
function warningsOf(edition: string, nodes: { dueDate: string | null }[], ctx: Ctx): string[] {
  const s = requireWorkspace(ctx).settings();
  return yearWarnings(
    edition,
    nodes.map((n) => n.dueDate),
    s,
  );
}

export const catalogHandlers: HandlersOf<'catalog:preview' | 'catalog:import' | 'catalog:list' | 'criteria:scope'> = {
  'catalog:preview': async ({ file, mapping, edition }, ctx) => {
    requireWorkspace(ctx);
    const path = await sourcePath(file, ctx);
    if (path === null) return null;
    const { preview } = await loadSource(path, { mapping, edition });
    return { ...preview, warnings: warningsOf(preview.edition, preview.nodes, ctx) };
  },

  'catalog:import': async ({ file, mapping, edition }, ctx) => {
    const ws = requireWorkspace(ctx);
    const path = await sourcePath(file, ctx);
    if (path === null) return null;
    const loaded = await loadSource(path, { mapping, edition });
    const result = {
      ...importCatalog(ws.db, ws.settings(), loaded, ctx.platform.now()),
      warnings: warningsOf(loaded.preview.edition, loaded.preview.nodes, ctx),
    };
    ctx.log.info(
      `catalog imported: ${loaded.sourceName} edition ${result.edition}, ${result.nodes} nodes, ${result.skipped.length} skipped`,
    );
    return result;
  },

  'catalog:list': (_args, ctx) => {
    const { db } = requireWorkspace(ctx);
    const counts = kindCounts(db);
    return { criteria: listCriteria(db, (code) => counts.get(code) ?? {}) };
  },

  'criteria:scope': ({ codes, mine }, ctx) => setScope(requireWorkspace(ctx).db, codes, mine),
};
