import { localIsoDate } from '@shared/domain/period';
import { defaultRuleProfile, resolveProfile } from '@shared/schemas/rule-profile';
import { checkWorkspace } from '../checker/check-workspace';
import { ledgerState } from '../checker/ledger-state';
import { declarationOf, declareNotResponsible, withdrawDeclaration } from '../checker/declarations-repo';
import { profileInForce, saveProfile } from '../catalog/profile-repo';
import { listReferenceYears, removeReferenceYear } from '../checker/references-repo';
import { importReferences } from '../intake/import-references';
import { asJob, givenOrPickedFile, pickFolderGranted, progressReporter, requireWorkspace } from '../context';
import { PACKAGE_FILTERS } from './package';
import { requireCriterion } from '../catalog/criteria-repo';
import type { HandlersOf } from './types';
import { workspaceInfo } from './workspace';

type Channels =
  | 'check:run'
  | 'ledger:state'
  | 'criteria:declare'
  | 'profile:get'
  | 'profile:update'
  | 'reference:import'
  | 'reference:list'
  | 'reference:remove';

/** The lost-point checker: the check itself, what it reads besides materials (profile, declarations, 往年材料). */
export const checkHandlers: HandlersOf<Channels> = {
  'check:run': (_args, ctx) => {
    const ws = requireWorkspace(ctx);
    const started = performance.now();
    const report = checkWorkspace(ws, localIsoDate(ctx.platform.now()));
    ctx.log.info(`check: ${report.findings.length} findings in ${Math.round(performance.now() - started)} ms`);
    return report;
  },

  'ledger:state': (_args, ctx) => {
    const ws = requireWorkspace(ctx);
    const started = performance.now();
    const state = { workspace: workspaceInfo(ws), ...ledgerState(ws, localIsoDate(ctx.platform.now())) };
    ctx.log.info(`ledger: ${state.criteria.length} criteria checked in ${Math.round(performance.now() - started)} ms`);
    return state;
  },

  'criteria:declare': ({ criterionCode, statement }, ctx) => {
    const ws = requireWorkspace(ctx);
    const c = requireCriterion(ws.db, criterionCode);
    const now = ctx.platform.now();
    if (statement === null) withdrawDeclaration(ws.db, c, now);
    else declareNotResponsible(ws.db, c, statement, now);
    return { criterionCode: c.code, declaration: declarationOf(ws.db, c) };
  },

  'profile:get': (_args, ctx) => ({ ...profileInForce(requireWorkspace(ctx).db), defaults: defaultRuleProfile() }),

  // The contract's schema has validated the profile already; what it left out takes the defaults.
  'profile:update': ({ profile }, ctx) =>
    saveProfile(requireWorkspace(ctx).db, resolveProfile(profile), 'user', ctx.platform.now()),

  'reference:import': async ({ jobId, source, from, year }, ctx) => {
    const ws = requireWorkspace(ctx);
    const dir =
      source === undefined && from === 'folder'
        ? await pickFolderGranted(ctx, '选择往年材料所在的文件夹')
        : await givenOrPickedFile(ctx, source, { title: '选择往年的申报包', filters: PACKAGE_FILTERS });
    if (dir === null) return null;
    const onProgress = progressReporter(ctx, jobId);
    return asJob(ctx, jobId, (signal) =>
      importReferences(
        ws,
        { source: dir, year, signal, onProgress },
        ctx.platform.now(),
        ctx.log,
        ctx.session.readers(ctx.platform),
      ),
    );
  },

  'reference:list': (_args, ctx) => listReferenceYears(requireWorkspace(ctx).db),

  'reference:remove': ({ year }, ctx) => ({
    removed: removeReferenceYear(requireWorkspace(ctx).db, year, ctx.platform.now()),
  }),
};
