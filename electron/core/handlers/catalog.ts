import { importCatalog } from '../catalog/import-catalog';
import { listCriteria, setScope } from '../catalog/criteria-repo';
import { readCatalogFile } from '../catalog/read-catalog-file';
import { allowPath, requireWorkspace } from '../context';
import type { HandlersOf } from './types';

export const catalogHandlers: HandlersOf<'catalog:import' | 'catalog:list' | 'criteria:scope'> = {
  'catalog:import': async ({ file, edition }, ctx) => {
    const ws = requireWorkspace(ctx);
    const picked =
      file ??
      (await ctx.platform.pickFile({
        title: '导入测评体系',
        filters: [{ name: '测评体系 (JSON)', extensions: ['json'] }],
      }));
    if (picked === null) return null;
    if (file === undefined) ctx.session.grant(picked);
    const loaded = await readCatalogFile(allowPath(ctx, picked));
    const result = importCatalog(ws.db, ws.settings(), { ...loaded, edition }, ctx.platform.now());
    ctx.log.info(
      `catalog imported: ${loaded.sourceName} edition ${result.edition}, ${result.nodes} nodes, ${result.skipped.length} skipped`,
    );
    return result;
  },

  'catalog:list': (_args, ctx) => ({ criteria: listCriteria(requireWorkspace(ctx).db) }),

  'criteria:scope': ({ codes, mine }, ctx) => setScope(requireWorkspace(ctx).db, codes, mine),
};
