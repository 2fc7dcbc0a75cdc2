import { defaultPeriod, isValidPeriod } from '@shared/domain/period';
import { AppError } from '@shared/ipc/errors';
import type { OfficeUnitView } from '@shared/ipc/campaign-types';
import { importUnits } from '../campaign/import-units';
import { initOffice } from '../campaign/init-office';
import { requireOffice } from '../campaign/office-record';
import { listAssignments, listUnits } from '../campaign/units-repo';
import { writeHandouts } from '../campaign/write-handouts';
import { allowPath, asJob, progressReporter, type Ctx } from '../context';
import { takeInAll } from '../campaign/take-in-all';
import { officeStatus } from '../campaign/status';
import { closeByHand, reopenByHand } from '../campaign/request-by-hand';
import type { Workspace } from '../workspace/workspace';
import type { HandlersOf } from './types';

type Channels =
  | 'office:init'
  | 'office:unitsImport'
  | 'office:handout'
  | 'office:import'
  | 'office:status'
  | 'office:requestClose'
  | 'office:requestReopen';

/** 创城办 mode (issue 17): the office workspace's handlers. Every one but init refuses a unit's workspace. */
export const campaignHandlers: HandlersOf<Channels> = {
  'office:init': async (args, ctx) => {
    const period = args.period ?? defaultPeriod(args.year);
    if (!isValidPeriod(period))
      throw new AppError(
        'invalid-args',
        '测评周期不正确：开始日期须早于结束日期，且不超过两年。',
        JSON.stringify(period),
      );
    const ws = await initOffice({ ...args, dir: allowPath(ctx, args.dir), period }, ctx);
    adopt(ctx, ws);
    const { office } = requireOffice(ctx);
    ctx.log.info(`office workspace created: ${ws.dir} (${office.name}, key ${office.fingerprint}, demo ${args.demo})`);
    return { dir: ws.dir, name: office.name, fingerprint: office.fingerprint, year: args.year, period };
  },

  'office:unitsImport': async ({ file }, ctx) => {
    const { ws } = requireOffice(ctx);
    await importUnits(ws, allowPath(ctx, file), ctx.platform.now());
    const units = unitViews(ws);
    ctx.log.info(`office units imported from ${file}: ${units.length} units`);
    return { units };
  },

  'office:handout': async ({ out, unit, month, passphrase }, ctx) => {
    const { ws, office } = requireOffice(ctx);
    const files = await writeHandouts(
      ws,
      office,
      { outDir: allowPath(ctx, out), unitName: unit, month, passphrase },
      ctx.platform.now(),
    );
    ctx.log.info(`office hand-out ${office.lastSequence + 1}: ${files.length} files into ${out}`);
    return { files };
  },

  'office:import': async ({ paths, acceptNewKey, jobId }, ctx) => {
    const { ws } = requireOffice(ctx);
    const inputs = paths.map((p) => allowPath(ctx, p));
    const onProgress = progressReporter(ctx, jobId);
    const packages = await asJob(ctx, jobId, (signal) =>
      takeInAll(ws, inputs, acceptNewKey, () => ctx.platform.now(), signal, onProgress),
    );
    const accepted = packages.filter((p) => p.accepted).length;
    ctx.log.info(`office import: ${packages.length} packages, ${accepted} accepted`);
    return { packages };
  },

  'office:status': ({ month }, ctx) => officeStatus(requireOffice(ctx).ws, month),

  'office:requestClose': ({ id, note }, ctx) => closeByHand(requireOffice(ctx).ws.db, id, note, ctx.platform.now()),

  'office:requestReopen': ({ id, note }, ctx) => reopenByHand(requireOffice(ctx).ws.db, id, note, ctx.platform.now()),
};

/** Makes `ws` the session's workspace (closing the previous one). */
function adopt(ctx: Ctx, ws: Workspace): void {
  ctx.session.workspace?.close();
  ctx.session.workspace = ws;
  ctx.session.grant(ws.dir);
}

function unitViews(ws: Workspace): OfficeUnitView[] {
  const assigned = new Map<string, number>();
  for (const a of listAssignments(ws.db)) assigned.set(a.unitId, (assigned.get(a.unitId) ?? 0) + 1);
  return listUnits(ws.db).map((u) => ({
    id: u.id,
    name: u.name,
    aliases: u.aliases,
    kind: u.kind,
    assigned: assigned.get(u.id) ?? 0,
  }));
}
