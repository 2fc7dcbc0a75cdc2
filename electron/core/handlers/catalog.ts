import { yearWarnings } from '@shared/domain/catalog-year';
import { normalizeCode } from '@shared/domain/codes';
import { withRequirementKinds, type RequirementKindChoice } from '@shared/domain/requirements';
import { scopeStep } from '@shared/domain/scope';
import { AppError } from '@shared/ipc/errors';
import type { CatalogPreview } from '@shared/ipc/types';
import type { SheetMapping } from '@shared/schemas/sheet-mapping';
import { localIsoDate } from '@shared/domain/period';
import { ledgerCriteria } from '../checker/ledger-progress';
import { importCatalog } from '../catalog/import-catalog';
import { setScope, userScopeChoices } from '../catalog/criteria-repo';
import { loadSource, type LoadedSource } from '../catalog/load-source';
import { readRequirementKinds } from '../catalog/requirement-kinds-repo';
import { givenOrPickedFile, requireWorkspace, type Ctx } from '../context';
import { scopeUnitOf, type WorkspaceSettings } from '../workspace/workspace';
import type { HandlersOf } from './types';

const NO_METHODS =
  '没有找到“测评方法”列：写有材料要求的标准视为需要网上申报材料，其余视为不需要。如台账有测评方法列，请指定它所在的列。';

const FILTERS = [
  { name: '台账或测评体系 (xlsx, json)', extensions: ['xlsx', 'json'] },
  { name: '所有文件', extensions: ['*'] },
];

/** The file to read: the one given, or the one the user picks; null when cancelled. */
const sourcePath = (file: string | undefined, ctx: Ctx) =>
  givenOrPickedFile(ctx, file, { title: '导入台账或测评体系', filters: FILTERS });

interface ReadArgs {
  file?: string | undefined;
  mapping?: SheetMapping | undefined;
  edition?: string | undefined;
  requirementKinds?: RequirementKindChoice[] | undefined;
}

/**
 * Reads the source as the preview shows it and the import writes it: the officer's kinds for 材料要求 phrases (kept
 * from earlier imports, then the ones given now) put on the nodes. Null when the file dialog was cancelled.
 */
async function readSource(
  args: ReadArgs,
  ctx: Ctx,
): Promise<{ loaded: LoadedSource; given: RequirementKindChoice[] } | null> {
  const ws = requireWorkspace(ctx);
  const path = await sourcePath(args.file, ctx);
  if (path === null) return null;
  const loaded = await loadSource(path, { mapping: args.mapping, edition: args.edition });
  const given = (args.requirementKinds ?? []).map((c) => ({ ...c, code: normalizeCode(c.code) }));
  const nodes = withRequirementKinds(loaded.built.nodes, [...readRequirementKinds(ws.db), ...given]);
  loaded.built = { ...loaded.built, nodes };
  loaded.preview = { ...loaded.preview, nodes };
  return { loaded, given };
}

/**
 * What the preview and the import both report: a 台账 read without its 测评方法 column (only standards with 材料要求
 * then count as needing material — said, not left for the officer to find in an empty 体检) and another year than
 * the workspace's.
 */
function warningsOf(preview: CatalogPreview, settings: WorkspaceSettings): string[] {
  const noMethods = preview.kind === 'xlsx' && preview.mapping.methods === undefined ? [NO_METHODS] : [];
  return [
    ...noMethods,
    ...yearWarnings(
      preview.edition,
      preview.nodes.map((n) => n.dueDate),
      settings,
    ),
  ];
}

export const catalogHandlers: HandlersOf<'catalog:preview' | 'catalog:import' | 'catalog:list' | 'criteria:scope'> = {
  'catalog:preview': async (args, ctx) => {
    const ws = requireWorkspace(ctx);
    const read = await readSource(args, ctx);
    if (read === null) return null;
    const { preview } = read.loaded;
    const s = ws.settings();
    const step = scopeStep(preview.nodes, scopeUnitOf(s), userScopeChoices(ws.db));
    return {
      ...preview,
      warnings: warningsOf(preview, s),
      scope: step.rows,
      scopeAll: step.all,
      unitKind: s.unit.kind,
    };
  },

  'catalog:import': async (args, ctx) => {
    const ws = requireWorkspace(ctx);
    const read = await readSource(args, ctx);
    if (read === null) return null;
    const { loaded, given } = read;
    const codes = new Set(loaded.built.nodes.map((n) => n.code));
    const scope = (args.scope ?? []).map((c) => ({ ...c, code: normalizeCode(c.code) }));
    const stray = [...scope, ...given].map((c) => c.code).filter((c) => !codes.has(c));
    if (stray.length > 0)
      throw new AppError(
        'invalid-args',
        `所选内容与文件不一致（${stray.slice(0, 3).join('、')} 不在该文件中），请重新预览后再导入。`,
        `choices for codes not in the file: ${stray.join(', ')}`,
      );
    const settings = ws.settings();
    const result = {
      ...importCatalog(ws.db, settings, { ...loaded, scope, requirementKinds: given }, ctx.platform.now()),
      warnings: warningsOf(loaded.preview, settings),
    };
    ctx.log.info(
      `catalog imported: ${loaded.sourceName} edition ${result.edition}, ${result.nodes} nodes, ${result.skipped.length} skipped, ${scope.length} scope choices, ${given.length} requirement kinds`,
    );
    return result;
  },

  'catalog:list': (_args, ctx) => {
    const ws = requireWorkspace(ctx);
    return { criteria: ledgerCriteria(ws, localIsoDate(ctx.platform.now())) };
  },

  'criteria:scope': ({ codes, mine }, ctx) => setScope(requireWorkspace(ctx).db, codes, mine, ctx.platform.now()),
};
