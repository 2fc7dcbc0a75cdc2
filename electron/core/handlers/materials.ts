import { readFile } from 'node:fs/promises';
import { parseCaption } from '../../../shared/domain/caption';
import { normalizeCode } from '../../../shared/domain/codes';
import { AppError } from '../../../shared/ipc/errors';
import { allowPath, requireWorkspace } from '../context';
import { attachFiles, thumbPath } from '../intake/attach';
import {
  blobsOf,
  findCriterion,
  getMaterial,
  listMaterials,
  searchMaterials,
  updateMaterial,
} from '../materials/materials-repo';
import type { HandlersOf } from './types';

type Channels =
  | 'materials:attach'
  | 'materials:list'
  | 'materials:search'
  | 'materials:thumbs'
  | 'materials:update'
  | 'dialog:pickFiles';

export const materialHandlers: HandlersOf<Channels> = {
  'dialog:pickFiles': async ({ title }, ctx) => {
    const files = await ctx.platform.pickFiles({ title: title ?? '选择材料文件' });
    for (const f of files ?? []) ctx.session.grant(f);
    return files;
  },

  'materials:thumbs': async ({ ids }, ctx) => {
    const ws = requireWorkspace(ctx);
    const out: Record<string, string> = {};
    for (const [id, sha] of blobsOf(ws.db, ids)) {
      const jpeg = await readFile(thumbPath(ws, sha)).catch(() => null);
      if (jpeg) out[id] = `data:image/jpeg;base64,${jpeg.toString('base64')}`;
    }
    return out;
  },

  'materials:update': ({ id, caption, ...rest }, ctx) => {
    const ws = requireWorkspace(ctx);
    const patch = {
      ...rest,
      ...(caption !== undefined ? { caption: caption === '' ? null : parseCaption(caption) } : {}),
    };
    if (!updateMaterial(ws.db, id, patch))
      throw new AppError('invalid-args', '这份材料已不存在（可能已删除）。', `no material ${id}`);
    return getMaterial(ws.db, id)!;
  },

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
