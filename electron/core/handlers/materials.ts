import { refuseOfficeWorkspace } from '../campaign/office-record';
import { readFile } from 'node:fs/promises';
import { parseCaption } from '@shared/domain/caption';
import { normalizeCode } from '@shared/domain/codes';
import { monthInPeriod, monthOutsidePeriod } from '@shared/domain/collection';
import { AppError } from '@shared/ipc/errors';
import { allowPath, asJob, progressReporter, requireWorkspace } from '../context';
import { attachFiles, thumbPath } from '../intake/attach';
import { optimizePhoto } from '../intake/optimize';
import { ensurePreview } from '../intake/preview';
import {
  blobsOf,
  getMaterial,
  listMaterials,
  materialMonthCounts,
  moveMaterials,
  setDeleted,
  searchMaterials,
  updateMaterial,
} from '../materials/materials-repo';
import { requireCriterion, requireLeafCriterion } from '../catalog/criteria-repo';
import { appendAudit } from '../workspace/audit';
import type { Workspace } from '../workspace/workspace';
import type { Material } from '@shared/ipc/types';
import type { HandlersOf } from './types';

/** PDFs larger than this are not sent to the in-app viewer. */
const MAX_PDF_PREVIEW = 64 * 2 ** 20;

type Channels =
  | 'materials:attach'
  | 'materials:list'
  | 'materials:months'
  | 'materials:search'
  | 'materials:thumbs'
  | 'materials:update'
  | 'materials:move'
  | 'materials:delete'
  | 'materials:preview'
  | 'materials:optimize'
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

  'materials:preview': async ({ id }, ctx) => {
    const ws = requireWorkspace(ctx);
    const m = requireMaterial(ws, id);
    const mime = String(m.facts.mime ?? '');
    if (mime.startsWith('image/')) {
      const jpeg = await readFile(await ensurePreview(ws, m.sha256));
      return { type: 'image', dataUrl: `data:image/jpeg;base64,${jpeg.toString('base64')}` };
    }
    if (mime === 'application/pdf' && m.bytes <= MAX_PDF_PREVIEW)
      return { type: 'pdf', base64: (await readFile(ws.store.path(m.sha256))).toString('base64') };
    return {
      type: 'none',
      reason: mime === 'application/pdf' ? 'PDF 过大，请用其他软件打开。' : '此类文件不能在软件内预览。',
    };
  },

  'materials:optimize': async ({ id }, ctx) => {
    const ws = requireWorkspace(ctx);
    return optimizePhoto(ws, id, ctx.platform.now(), ctx.log);
  },

  'materials:update': ({ id, caption, ...rest }, ctx) => {
    const ws = requireWorkspace(ctx);
    requireMonthInPeriod(ws, rest.month);
    const patch = {
      ...rest,
      ...(caption !== undefined ? { caption: caption === '' ? null : parseCaption(caption) } : {}),
    };
    const { criterionCode } = requireMaterial(ws, id);
    audited(ws, ctx.platform.now(), 'material.update', () => {
      updateMaterial(ws.db, id, patch);
      return { id, criterionCode, ...rest, ...(caption !== undefined ? { caption } : {}) };
    });
    return requireMaterial(ws, id);
  },

  'materials:move': ({ ids, toCriterionCode, copy }, ctx) => {
    const ws = requireWorkspace(ctx);
    const to = requireLeafCriterion(ws.db, toCriterionCode);
    const now = ctx.platform.now();
    return audited(ws, now, copy ? 'materials.copy' : 'materials.move', () => moveMaterials(ws.db, ids, to, copy, now));
  },

  'materials:delete': ({ ids, deleted }, ctx) => {
    const ws = requireWorkspace(ctx);
    const now = ctx.platform.now();
    return audited(ws, now, deleted ? 'materials.trash' : 'materials.restore', () => ({
      changed: setDeleted(ws.db, ids, deleted, now),
    }));
  },

  'materials:search': ({ query }, ctx) => ({ materials: searchMaterials(requireWorkspace(ctx).db, query) }),

  'materials:attach': async ({ jobId, criterionCode, paths, ...opts }, ctx) => {
    const ws = requireWorkspace(ctx);
    refuseOfficeWorkspace(ws);
    requireMonthInPeriod(ws, opts.month);
    const inputs = paths.map((p) => allowPath(ctx, p));
    const onProgress = progressReporter(ctx, jobId);
    const results = await asJob(ctx, jobId, (signal) =>
      attachFiles(
        ws,
        { criterionCode, inputs, signal, onProgress, ...opts },
        ctx.platform.now(),
        ctx.log,
        ctx.session.readers(ctx.platform),
      ),
    );
    const added = results.filter((r) => r.status === 'added').length;
    ctx.log.info(`attach to ${criterionCode}: ${added} added of ${results.length}`);
    return { results };
  },

  'materials:list': ({ criterionCode }, ctx) => {
    const ws = requireWorkspace(ctx);
    if (criterionCode !== undefined) requireCriterion(ws.db, criterionCode);
    return { materials: listMaterials(ws.db, criterionCode === undefined ? undefined : normalizeCode(criterionCode)) };
  },

  'materials:months': (_args, ctx) => ({ months: materialMonthCounts(requireWorkspace(ctx).db) }),
};

function requireMaterial(ws: Workspace, id: string): Material {
  const m = getMaterial(ws.db, id);
  if (!m) throw new AppError('invalid-args', '这份材料已不存在（可能已删除）。', `no material ${id}`);
  return m;
}

/** Runs a change and records its outcome in the audit log, in one transaction. */
function audited<T>(ws: Workspace, now: Date, action: string, change: () => T): T {
  return ws.db.transaction(() => {
    const result = change();
    appendAudit(ws.db, now, action, result);
    return result;
  })();
}

/** A material counts for a month of the 测评周期, never one outside it (the month a package is of is one of these). */
function requireMonthInPeriod(ws: Workspace, month: string | undefined): void {
  const { period } = ws.settings();
  if (month !== undefined && !monthInPeriod(month, period))
    throw new AppError(
      'invalid-args',
      `${monthOutsidePeriod(month, period)}材料计入的月份须在测评周期内。`,
      `month ${month} outside ${period.start}..${period.end}`,
    );
}
