import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { defaultPeriod, isValidPeriod, type Period } from '@shared/domain/period';
import { AppError } from '@shared/ipc/errors';
import type { WorkspaceInfo } from '@shared/ipc/types';
import { loadSource } from '../catalog/load-source';
import { importCatalog } from '../catalog/import-catalog';
import { listCriteria, refreshMineAuto } from '../catalog/criteria-repo';
import { latestCatalogVersion } from '../catalog/versions-repo';
import { allowPath, pickFolderGranted, realPath, requireWorkspace, type Ctx } from '../context';
import { guessUnitKind } from '@shared/domain/unit-kind';
import { readRecent, touchRecent } from '../workspace/recent';
import { collectionDayOf, scopeUnitOf, Workspace } from '../workspace/workspace';
import type { HandlersOf } from './types';

type Channels =
  | 'workspace:update'
  | 'app:info'
  | 'dialog:pickFolder'
  | 'workspace:create'
  | 'workspace:open'
  | 'workspace:current'
  | 'workspace:recent'
  | 'workspace:close';

export const workspaceHandlers: HandlersOf<Channels> = {
  'app:info': (_args, ctx) => ({
    version: ctx.platform.appVersion,
    defaultWorkspaceRoot: ctx.platform.defaultWorkspaceRoot,
    pathSeparator: sep === '\\' ? '\\' : '/',
  }),

  'dialog:pickFolder': ({ title }, ctx) => pickFolderGranted(ctx, title ?? '选择文件夹'),

  'workspace:create': async (args, ctx) => {
    const dir = newFolderInDefaultRoot(ctx, args.dir) ?? allowPath(ctx, args.dir);
    const period = args.period ?? defaultPeriod(args.year);
    if (!isValidPeriod(period)) throw invalidPeriod(period);
    const settings = {
      unit: { name: args.unit, aliases: args.aliases, kind: args.unitKind ?? guessUnitKind(args.unit) },
      unitId: randomBytes(16).toString('hex'),
      year: args.year,
      period,
      createdAt: ctx.platform.now().toISOString(),
      createdBy: `wangbao ${ctx.platform.appVersion}`,
    };
    const ws = await Workspace.create(dir, settings, { nativeBinding: ctx.platform.nativeBinding });
    try {
      if (args.demo) {
        const demo = await loadSource(join(ctx.platform.resourcesDir, 'demo', 'catalog.json'), {});
        importCatalog(ws.db, settings, demo, ctx.platform.now());
      }
    } catch (e) {
      ws.close();
      throw e;
    }
    ctx.log.info(`workspace created: ${dir} (unit ${args.unit}, year ${args.year}, demo ${args.demo})`);
    return adopt(ctx, ws);
  },

  'workspace:open': async ({ dir, access }, ctx) => {
    const picked = dir ?? (await pickFolderGranted(ctx, '打开工作区'));
    if (picked === null) return null;
    const ws = await Workspace.open(allowPath(ctx, picked), { nativeBinding: ctx.platform.nativeBinding, access });
    ctx.log.info(`workspace opened${ws.writable ? '' : ' read-only'}: ${ws.dir}`);
    const s = ws.swept;
    if (s && s.tmpRemoved + s.orphansRemoved > 0)
      ctx.log.info(
        `swept ${ws.dir}: ${s.tmpRemoved} temp files and ${s.orphansRemoved} orphan blobs, ${s.bytesReclaimed} bytes reclaimed`,
      );
    return adopt(ctx, ws);
  },

  'workspace:current': (_args, ctx) => (ctx.session.workspace ? workspaceInfo(ctx.session.workspace) : null),

  'workspace:recent': async (_args, ctx) => {
    const list = await readRecent(ctx.platform.userDataDir);
    for (const r of list) ctx.session.grant(r.dir);
    return list;
  },

  'workspace:update': ({ unit, aliases, unitKind, year, period, contact, collectionDay }, ctx) => {
    const ws = requireWorkspace(ctx);
    if (period && !isValidPeriod(period)) throw invalidPeriod(period);
    const before = ws.settings();
    const nextUnit = {
      name: unit ?? before.unit.name,
      aliases: aliases ?? before.unit.aliases,
      kind: unitKind ?? before.unit.kind,
    };
    const unitChanged = JSON.stringify(nextUnit) !== JSON.stringify(before.unit);
    ws.updateSettings(
      {
        unit: nextUnit,
        ...(year !== undefined ? { year } : {}),
        ...(period ? { period } : {}),
        ...(contact ? { contact } : {}),
        ...(collectionDay !== undefined ? { collectionDay } : {}),
      },
      ctx.platform.now(),
      unitChanged ? () => refreshMineAuto(ws.db, scopeUnitOf({ ...before, unit: nextUnit })) : undefined,
    );
    return workspaceInfo(ws);
  },

  'workspace:close': (_args, ctx) => {
    ctx.session.workspace?.close();
    ctx.session.workspace = null;
    return null;
  },
};

/**
 * The wizard proposes a new folder directly inside the default workspace folder (Documents/网报通) before the user
 * has picked anything: that one place is allowed for creating, without granting the whole folder (and with it
 * every other workspace in it) to the window.
 */
function newFolderInDefaultRoot(ctx: Ctx, dir: string): string | null {
  const p = resolve(dir);
  const name = basename(p);
  return realPath(dirname(p)) === realPath(ctx.platform.defaultWorkspaceRoot) && name !== '' && !name.startsWith('.')
    ? p
    : null;
}

function invalidPeriod(period: Period): AppError {
  return new AppError('invalid-args', '测评周期不正确：开始日期须早于结束日期，且不超过两年。', JSON.stringify(period));
}

/** Makes `ws` the session's workspace (closing the previous one) and records it as recent. */
async function adopt(ctx: Ctx, ws: Workspace): Promise<WorkspaceInfo> {
  ctx.session.workspace?.close();
  ctx.session.workspace = ws;
  ctx.session.grant(ws.dir);
  const info = workspaceInfo(ws);
  await touchRecent(ctx.platform.userDataDir, {
    dir: ws.dir,
    unit: info.unit.name,
    year: info.year,
    openedAt: ctx.platform.now().toISOString(),
  }).catch((e: unknown) => ctx.log.warn(`recent list not written: ${String(e)}`));
  return info;
}

/** What the header and the CLI show of a workspace. */
export function workspaceInfo(ws: Workspace): WorkspaceInfo {
  const s = ws.settings();
  const v = latestCatalogVersion(ws.db);
  const mineLeaves = listCriteria(ws.db).filter((c) => c.leaf && c.mine && !c.removed).length;
  return {
    dir: ws.dir,
    unit: s.unit,
    year: s.year,
    period: s.period,
    contact: s.contact ?? { name: '', phone: '' },
    collectionDay: collectionDayOf(s),
    catalog: v
      ? { edition: v.edition, name: v.name, importedAt: v.importedAt, nodes: v.nodes, leaves: v.leaves }
      : null,
    mineLeaves,
  };
}
