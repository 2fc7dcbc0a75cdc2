import { refuseOfficeWorkspace } from '../campaign/office-record';
import { givenOrPickedFile, requireWorkspace, type Ctx } from '../context';
import { applyHandout } from '../handout/apply-handout';
import { attachmentFiles } from '../handout/attachments';
import { lastHandout } from '../handout/handouts-repo';
import { planHandout, type HandoutPlan } from '../handout/plan-handout';
import { openHandout, type OpenedHandout } from '../handout/read-handout';
import type { HandlersOf } from './types';

const FILTERS = [
  { name: '创城办下发包 (zip)', extensions: ['zip'] },
  { name: '所有文件', extensions: ['*'] },
];

interface Args {
  file?: string | undefined;
  unitId?: string | undefined;
  acceptNewKey: boolean;
}

/**
 * Opens and verifies the hand-out (`file`, or the one the user picks; null when cancelled) and plans its import;
 * `run` sees the zip still open (the import copies the attachments out of it).
 */
async function withPlan<T>(
  args: Args,
  ctx: Ctx,
  run: (opened: OpenedHandout, plan: HandoutPlan) => Promise<T>,
): Promise<T | null> {
  const ws = requireWorkspace(ctx);
  const file = await givenOrPickedFile(ctx, args.file, { title: '导入创城办下发包', filters: FILTERS });
  if (file === null) return null;
  const opened = await openHandout(file);
  try {
    return await run(opened, planHandout(ws, opened.handout, args));
  } finally {
    opened.close();
  }
}

export const handoutHandlers: HandlersOf<'handout:preview' | 'handout:import' | 'handout:status'> = {
  'handout:preview': (args, ctx) => withPlan(args, ctx, (_opened, plan) => Promise.resolve(plan.preview)),

  'handout:import': (args, ctx) => {
    refuseOfficeWorkspace(requireWorkspace(ctx));
    return withPlan(args, ctx, async (opened, plan) => {
      if (plan.same) {
        ctx.log.info(
          `handout ${plan.preview.sequence} from ${plan.preview.office.name}: already imported, nothing to do`,
        );
        return { ...plan.preview, applied: false };
      }
      if (plan.refusal) throw plan.refusal;
      await applyHandout(requireWorkspace(ctx), opened, plan, ctx.platform.now());
      const p = plan.preview;
      ctx.log.info(
        `handout imported: ${p.file} office ${p.office.name} (${p.office.fingerprint}) sequence ${p.sequence}, unit ${p.unit?.id}; ` +
          `catalog +${p.catalog.added.length} ~${p.catalog.changed.length} -${p.catalog.removed.length}` +
          `${plan.catalog.inForce ? ' (in force)' : ''}; scope +${p.scope.added.length} -${p.scope.removed.length}; ` +
          `requests new ${p.requests.new} updated ${p.requests.updated} closed ${p.requests.closed} skipped ${JSON.stringify(p.requests.skipped)}; ` +
          `key dates ${p.keyDates}; files ${p.files.length}`,
      );
      return { ...p, applied: true };
    });
  },

  'handout:status': async (_args, ctx) => {
    const ws = requireWorkspace(ctx);
    const h = lastHandout(ws.db);
    if (!h) return null;
    return {
      office: { id: h.officeId, name: h.officeName, fingerprint: h.fingerprint },
      sequence: h.sequence,
      issuedAt: h.issuedAt,
      importedAt: h.importedAt,
      unit: { id: h.unitId, name: h.unitName },
      attachments: await attachmentFiles(ws, h),
    };
  },
};
