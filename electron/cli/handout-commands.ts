import { resolve } from 'node:path';
import { displayFingerprint } from '@shared/domain/signoff';
import type { HandoutPreview } from '@shared/ipc/collection-types';
import { call } from '../core/dispatch';
import type { Ctx } from '../core/context';
import { importRefusal } from '../core/handout/plan-handout';
import { unitByName } from '../core/handout/unit-match';
import { str, type Flags, type Outcome } from './commands';
import { EXIT } from './exit-codes';
import { forTerminal, textFlag, wrongUsage } from './messages';

/**
 * `wangbao handout import <ws> <handout.zip> [--unit NAME] [--accept-new-key] [--dry-run] [--json]`: verifies the
 * 创城办's hand-out and imports it in one transaction (`--dry-run`: says what would change and writes nothing).
 * Exit 0 imported (or nothing to change), 1 refused (the reason in `error`), 2 usage or a file that cannot be read.
 */
export async function handoutImport(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [ws, file] = pos;
  if (!ws || !file || pos.length > 2) throw wrongUsage();
  const unitName = textFlag('--unit', '单位名称', str(flags, 'unit'), 200);
  const acceptNewKey = flags['accept-new-key'] === true;
  const dryRun = flags['dry-run'] === true;
  await call('workspace:open', { dir: resolve(ws) }, ctx);
  const path = resolve(file);
  let unitId: string | undefined;
  if (unitName !== undefined) {
    // The hand-out's own list of units names them: `--unit` picks one by name or alias.
    const first = (await call('handout:preview', { file: path, acceptNewKey }, ctx))!;
    unitId = unitByName(first.units, unitName).id;
  }
  const args = { file: path, unitId, acceptNewKey };
  let r: HandoutPreview;
  let applied: boolean;
  if (dryRun) {
    r = (await call('handout:preview', args, ctx))!;
    const refusal = importRefusal(r, acceptNewKey);
    if (refusal) throw refusal;
    applied = false;
  } else {
    const imported = (await call('handout:import', args, ctx))!;
    [r, applied] = [imported, imported.applied];
  }
  return { json: contractOf(r, applied), human: humanOf(r, applied, dryRun, ctx), exit: EXIT.ok };
}

/** The CLI's JSON (issue 16): the keys the contract names, with counts for the lists. */
function contractOf(r: HandoutPreview, applied: boolean) {
  return {
    office: { name: r.office.name, fingerprint: r.office.fingerprint, firstSight: r.office.firstSight },
    sequence: r.sequence,
    catalog: { added: r.catalog.added.length, changed: r.catalog.changed.length, removed: r.catalog.removed.length },
    scope: { added: r.scope.added.length, removed: r.scope.removed.length },
    requests: { new: r.requests.new, updated: r.requests.updated, closed: r.requests.closed },
    keyDates: r.keyDates,
    applied,
  };
}

function humanOf(r: HandoutPreview, applied: boolean, dryRun: boolean, ctx: Ctx): string {
  const c = r.catalog;
  if (!dryRun && !applied) return `这份下发包（${r.office.name}第 ${r.sequence} 号）已导入过，没有需要更新的内容。`;
  const lines = [
    `${dryRun ? '预览' : '已导入'}创城办下发包：${r.office.name}第 ${r.sequence} 号（${r.issuedAt.slice(0, 10)} 下发）` +
      (dryRun ? '，未写入任何内容' : ''),
    `本单位：${r.unit?.name ?? '未确定'}  年度：${r.year}  每月收集日：${r.collectionDay} 日`,
    `测评标准：新增 ${c.added.length} 条，修改 ${c.changed.length} 条，删除 ${c.removed.length} 条` +
      (c.removedWithMaterials.length > 0
        ? `（其中 ${c.removedWithMaterials.join('、')} 有材料，保留在“已删除的标准”下）`
        : ''),
    `本单位负责范围：新增 ${r.scope.added.length} 条，移出 ${r.scope.removed.length} 条`,
    `要账：新增 ${r.requests.new} 条，更新 ${r.requests.updated} 条，销号 ${r.requests.closed} 条`,
    ...r.requests.skipped.map((s) => `  跳过要账 ${s.id}（${s.criterionCode}）：${forTerminal(s.reason, ctx.log)}`),
    `重要时间节点：${r.keyDates} 个${r.files.length > 0 ? `；附件 ${r.files.length} 个` : ''}`,
  ];
  if (r.office.firstSight)
    lines.push(
      `初次导入：请与创城办核对指纹 ${displayFingerprint(r.office.fingerprint)}（完整指纹 ${r.office.fingerprint}）`,
    );
  else if (r.office.keyChanged)
    lines.push(
      `注意：创城办的签名密钥已更换，新指纹 ${displayFingerprint(r.office.fingerprint)}（原指纹 ${displayFingerprint(r.office.previousFingerprint ?? '')}）`,
    );
  return lines.join('\n');
}
