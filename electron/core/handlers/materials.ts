import { normalizeCode } from '../../../shared/domain/codes';
import { AppError } from '../../../shared/ipc/errors';
import { allowPath, requireWorkspace } from '../context';
import { attachFiles } from '../intake/attach';
import { findCriterion, listMaterials, searchMaterials } from '../materials/materials-repo';
import type { HandlersOf } from './types';

export const materialHandlers: HandlersOf<'materials:attach' | 'materials:list' | 'materials:search'> = {
  'materials:search': ({ query }, ctx) => ({ materials: searchMaterials(requireWorkspace(ctx).db, query) }),

  'materials:attach': async ({ criterionCode, paths, ...opts }, ctx) => {
    const ws = requireWorkspace(ctx);
    const inputs = paths.map((p) => allowPath(ctx, p));
    const results = await attachFiles(ws, { criterionCode, inputs, ...opts }, ctx.platform.now(), ctx.log);
    const added = results.filter((r) => r.status === 'added').length;
    ctx.log.info(`attach to ${criterionCode}: ${added} added of ${results.length}`);
    return { results };
  },

  'materials:list': ({ criterionCode }, ctx) => {
    const ws = requireWorkspace(ctx);
    if (criterionCode !== undefined && !findCriterion(ws.db, criterionCode))
      throw new AppError(
        'unknown-criterion',
        `找不到测评标准“${criterionCode}”。`,
        `unknown criterion ${criterionCode}`,
      );
    return { materials: listMaterials(ws.db, criterionCode === undefined ? undefined : normalizeCode(criterionCode)) };
  },
};
