import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { assignUnits, namedUnits, type LedgerLeaf } from '@shared/domain/campaign/assign-units';
import { parseUnitKind } from '@shared/domain/unit-kind';
import { AppError } from '@shared/ipc/errors';
import { loadSource } from '../catalog/load-source';
import { fsError } from '../fs-errors';
import { appendAudit } from '../workspace/audit';
import type { Workspace } from '../workspace/workspace';
import { catalogLeaves } from './catalog-leaves';
import { CAMPAIGN_MESSAGES } from './messages';
import { replaceAssignments, upsertUnits, type UnitInput } from './units-repo';

const Text = z.string().trim().min(1).max(100);

/** units.json (README "创城办 mode"): the units, typed by the office; kinds as id or label. */
const UnitsFile = z.object({
  units: z
    .array(
      z.object({
        name: Text,
        aliases: z.array(Text).max(20).optional(),
        kind: z
          .string()
          .optional()
          .refine(
            (k) => k === undefined || parseUnitKind(k) !== undefined,
            '单位类别应为 市直单位、区县、街道乡镇、学校、其他',
          ),
        leader: Text.optional(),
        liaison: Text.optional(),
        phone: z.string().trim().max(40).optional(),
      }),
    )
    .min(1)
    .max(5_000),
});

/** Larger than any list of a city's units (300 units take ~30 KB). */
const MAX_UNITS_FILE = 4 * 1024 * 1024;

/**
 * Reads units from a units.json, or from a 台账 (.xlsx or catalog JSON: the units its 牵头/责任 columns name, each
 * kind guessed from its name), and assigns every unit from the 牵头/责任 columns — the sheet's own for a 台账, the
 * office catalog's for units.json — collectives reaching units by kind. Everything in one transaction.
 */
export async function importUnits(ws: Workspace, file: string, now: Date): Promise<void> {
  const listed = await readUnitsFile(file);
  let inputs: UnitInput[];
  let leaves: LedgerLeaf[];
  if (listed) {
    leaves = catalogLeaves(ws.db);
    if (leaves.length === 0) throw new AppError('input-refused', CAMPAIGN_MESSAGES.noCatalog, 'no catalog leaves');
    inputs = listed;
  } else {
    const source = await loadSource(file, {});
    if (source.built.errors.length > 0)
      throw new AppError(
        'catalog-invalid',
        `台账有错误，未导入单位：${source.built.errors.slice(0, 3).join('；')}`,
        source.built.errors.join('\n'),
      );
    const parents = new Set(source.built.nodes.map((n) => n.parentCode));
    leaves = source.built.nodes.filter((n) => n.needsMaterial && !parents.has(n.code));
    inputs = namedUnits(leaves);
    if (inputs.length === 0)
      throw new AppError(
        'input-refused',
        '台账的牵头单位、责任单位列中没有找到单位名称。请检查台账，或改用 units.json 列出单位。',
        `${file}: no named units`,
      );
  }
  ws.db.transaction(() => {
    const units = upsertUnits(ws.db, inputs, now);
    const all = ws.db.prepare('SELECT id, name, aliases, kind FROM office_units').all() as {
      id: string;
      name: string;
      aliases: string;
      kind: string;
    }[];
    const assignable = all.map((u) => ({
      id: u.id,
      name: u.name,
      aliases: JSON.parse(u.aliases) as string[],
      kind: parseUnitKind(u.kind) ?? 'other',
    }));
    replaceAssignments(ws.db, assignUnits(leaves, assignable));
    appendAudit(ws.db, now, 'office.units', { file, units: units.map((u) => u.name) });
  })();
}

/** The units of a units.json, or null when the file is not one (a 台账 or a catalog file). */
async function readUnitsFile(file: string): Promise<UnitInput[] | null> {
  const info = await stat(file).catch((e: unknown) => {
    throw fsError(e, '读取单位文件', file);
  });
  if (!info.isFile()) throw new AppError('input-refused', `这不是一个文件：${file}`, `not a file: ${file}`);
  if (info.size > MAX_UNITS_FILE) return null; // too large for a units list: a 台账 (loadSource has its own limit)
  const text = await readFile(file, 'utf8').catch((e: unknown) => {
    throw fsError(e, '读取单位文件', file);
  });
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || !('units' in raw)) return null;
  const parsed = UnitsFile.safeParse(raw);
  if (!parsed.success)
    throw new AppError(
      'input-refused',
      `单位文件的格式不对：${file}（应为 {"units": [{"name", "aliases", "kind", "leader", "liaison", "phone"}]}）`,
      z.prettifyError(parsed.error),
    );
  return parsed.data.units.map((u) => ({ ...u, kind: u.kind === undefined ? undefined : parseUnitKind(u.kind) }));
}
