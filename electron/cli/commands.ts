import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { campaignYear, localIsoDate, parsePeriod } from '@shared/domain/period';
import { parseKind } from '@shared/domain/requirements';
import { parseUnitKind, UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '@shared/domain/unit-kind';
import { CRITERION_STATUSES, MATERIAL_KINDS } from '@shared/domain/value-sets';
import { AppError } from '@shared/ipc/errors';
import { SheetMapping } from '@shared/schemas/sheet-mapping';
import { call } from '../core/dispatch';
import { fsError } from '../core/fs-errors';
import type { Ctx } from '../core/context';
import { EXIT } from './exit-codes';
import { dateFlag, forTerminal, monthFlag, textFlag, usage, wrongUsage, yearFlag } from './messages';

/** What a command hands back: the JSON result, a human rendering of it, and the exit code. */
export interface Outcome {
  json: unknown;
  human: string;
  exit: number;
}

export type Flags = Record<string, string | boolean | string[] | undefined>;

/** `wangbao init <dir> [--demo] [--unit NAME] [--alias NAME]... [--unit-kind KIND] [--year YYYY] [--period START..END]` */
export async function init(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [dir] = pos;
  if (!dir || pos.length > 1) throw wrongUsage();
  const year = yearFlag('--year', str(flags, 'year')) ?? campaignYear(localIsoDate(ctx.platform.now()));
  let period;
  if (typeof flags.period === 'string') {
    period = parsePeriod(flags.period);
    if (!period)
      throw usage(
        `测评周期不正确：${flags.period}。应为“开始..结束”，两个日期都是 YYYY-MM-DD，开始不晚于结束，相隔不超过两年，例如 2025-11-01..2026-10-31。`,
      );
  }
  const demo = flags.demo === true;
  const unit = textFlag('--unit', '单位名称', str(flags, 'unit'), 100) ?? (demo ? '市教育局' : '本单位');
  const aliases = (Array.isArray(flags.alias) ? flags.alias : []).map((a) => textFlag('--alias', '别名', a, 100)!);
  const unitKind = unitKindFlag(str(flags, 'unit-kind'));
  const info = await call('workspace:create', { dir: resolve(dir), unit, aliases, unitKind, year, period, demo }, ctx);
  const criteria = info.catalog?.nodes ?? 0;
  return {
    // The documented JSON, unchanged; the human output names the unit's kind for the officer to confirm.
    json: { workspace: info.dir, unit: info.unit.name, year: info.year, period: info.period, criteria },
    human: `已创建工作区：${info.dir}\n单位：${info.unit.name}（${UNIT_KIND_LABELS[info.unit.kind]}）  年度：${info.year}  测评周期：${info.period.start} 至 ${info.period.end}\n测评标准：${criteria} 条`,
    exit: EXIT.ok,
  };
}

/** `--unit-kind 市直单位` (or its id, `city`). */
function unitKindFlag(value: string | undefined): UnitKind | undefined {
  if (value === undefined) return undefined;
  const kind = parseUnitKind(value);
  if (!kind)
    throw usage(
      `--unit-kind 的单位类别不正确：${value}。应为 ${UNIT_KINDS.map((k) => UNIT_KIND_LABELS[k]).join('、')} 之一。`,
    );
  return kind;
}

/** `wangbao catalog import <ws> <file.json|file.xlsx> [--mapping mapping.json] [--sheet NAME] [--edition NAME]` */
export async function catalogImport(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [ws, file] = pos;
  if (!ws || !file || pos.length > 2) throw wrongUsage();
  await call('workspace:open', { dir: resolve(ws) }, ctx);
  const edition = textFlag('--edition', '版本名', str(flags, 'edition'), 100);
  const mapping = await readMapping(flags);
  const r = (await call('catalog:import', { file: resolve(file), edition, mapping }, ctx))!;
  const skipped = r.skipped.map((s) => `  第 ${s.row} 条：${forTerminal(s.reason, ctx.log)}`).join('\n');
  return {
    json: r,
    human:
      `已导入测评体系“${r.edition}”：${r.nodes} 条（其中末级标准 ${r.leaves} 条）` +
      (r.skipped.length ? `\n跳过 ${r.skipped.length} 条：\n${skipped}` : '') +
      (r.removedCodes.length ? `\n新版本中已移除（保留并标记）：${r.removedCodes.join('、')}` : '') +
      r.warnings.map((w) => `\n注意：${w}`).join(''),
    exit: EXIT.ok,
  };
}

/** `--mapping mapping.json` (validated like the IPC argument) with `--sheet` on top. */
async function readMapping(flags: Flags): Promise<SheetMapping | undefined> {
  let mapping: SheetMapping | undefined;
  if (typeof flags.mapping === 'string') {
    const text = await readFile(resolve(flags.mapping), 'utf8').catch((e: unknown) => {
      throw fsError(e, '读取映射文件', String(flags.mapping));
    });
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new AppError('catalog-invalid', `映射文件不是有效的 JSON：${flags.mapping}`);
    }
    const parsed = SheetMapping.safeParse(raw);
    if (!parsed.success)
      throw new AppError(
        'catalog-invalid',
        `映射文件的格式不对：${flags.mapping}（应为 {"sheet", "headerRow", "columns": {…}}）`,
        parsed.error.message,
      );
    mapping = parsed.data;
  }
  if (typeof flags.sheet === 'string') mapping = { ...mapping, sheet: flags.sheet };
  return mapping;
}

/** `wangbao catalog list <ws>` */
export async function catalogList(ctx: Ctx, pos: string[]): Promise<Outcome> {
  const [ws] = pos;
  if (!ws || pos.length > 1) throw wrongUsage();
  await call('workspace:open', { dir: resolve(ws), access: 'read' }, ctx);
  const { criteria } = await call('catalog:list', {}, ctx);
  const lines = criteria.map(
    (c) =>
      `${'  '.repeat(c.level - 1)}${c.code} ${c.title}` +
      (c.leaf ? `  [${CRITERION_STATUSES[c.status]}${c.mine ? '' : '，非本单位'}${c.removed ? '，已移除' : ''}]` : ''),
  );
  return { json: { criteria }, human: lines.join('\n'), exit: EXIT.ok };
}

/** `wangbao scope <ws> <code>... --mine|--not-mine` */
export async function scope(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [ws, ...codes] = pos;
  if (!ws || codes.length === 0 || flags.mine === flags['not-mine']) throw wrongUsage();
  await call('workspace:open', { dir: resolve(ws) }, ctx);
  const r = await call('criteria:scope', { codes, mine: flags.mine === true }, ctx);
  if (r.unknown.length > 0)
    return { json: r, human: `找不到这些编号，未做任何修改：${r.unknown.join('、')}`, exit: EXIT.usage };
  return {
    json: r,
    human: `已将 ${r.updated.length} 条标准设为${flags.mine ? '本单位负责' : '非本单位负责'}`,
    exit: EXIT.ok,
  };
}

/** `wangbao attach <ws> <criterion-code> <file|folder>... [--kind K] [--title T] [--caption TEXT] [--date D] [--month M]` */
export async function attach(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [ws, code, ...paths] = pos;
  if (!ws || !code || paths.length === 0) throw wrongUsage();
  const kind = typeof flags.kind === 'string' ? parseKind(flags.kind) : undefined;
  if (typeof flags.kind === 'string' && !kind)
    throw usage(`材料类型不正确：${flags.kind}（可用：${Object.values(MATERIAL_KINDS).join('、')}）`);
  // Checked before the workspace is opened, each with what was expected.
  const args = {
    criterionCode: code,
    paths: paths.map((p) => resolve(p)),
    kind,
    title: textFlag('--title', '标题', str(flags, 'title'), 200),
    caption: captionFlag(str(flags, 'caption')),
    date: dateFlag('--date', str(flags, 'date')),
    month: monthFlag('--month', str(flags, 'month')),
  };
  await call('workspace:open', { dir: resolve(ws) }, ctx);
  const { results } = await call('materials:attach', args, ctx);
  const label = { added: '已添加', duplicate: '重复（已有）', skipped: '已跳过', refused: '未添加' } as const;
  return {
    json: { results },
    human: results
      .map(
        (r) =>
          `${label[r.status]}  ${r.file}${r.reason ? `：${forTerminal(r.reason, ctx.log)}` : ''}${r.alsoOn.length ? `（也在 ${r.alsoOn.join('、')}）` : ''}`,
      )
      .join('\n'),
    exit: results.some((r) => r.status === 'refused') ? EXIT.refused : EXIT.ok,
  };
}

/** `wangbao materials <ws> [--criterion CODE]` */
export async function materials(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [ws] = pos;
  if (!ws || pos.length > 1) throw wrongUsage();
  await call('workspace:open', { dir: resolve(ws), access: 'read' }, ctx);
  const criterionCode = typeof flags.criterion === 'string' ? flags.criterion : undefined;
  const { materials: list } = await call('materials:list', { criterionCode }, ctx);
  return {
    json: { materials: list },
    human: list
      .map((m) => `${m.criterionCode}  ${MATERIAL_KINDS[m.kind]}  ${m.title}  ${m.eventDate ?? ''}  ${m.fileName}`)
      .join('\n'),
    exit: EXIT.ok,
  };
}

/** A string flag's value (parseArgs gives strings for the string options). */
export function str(flags: Flags, key: string): string | undefined {
  const v = flags[key];
  return typeof v === 'string' ? v : undefined;
}

/** `--caption` may be empty (no caption), not longer than the contract allows. */
function captionFlag(value: string | undefined): string | undefined {
  if (value !== undefined && value.length > 1000)
    throw usage(`--caption 的图片说明太长（${value.length} 个字符，最多 1000 个）。`);
  return value;
}
