import { collectionDate, nextMonth } from '../collection';
import { requirementProgress, type CountedMaterial } from '../requirement-progress';
import type { Requirement } from '../requirements';
import type { Frequency } from '../value-sets';
import type { OwedSource, OwedState } from '../../ipc/collection-types';

/**
 * What a leaf criterion of the unit owes in a collection month (月收集, issue 16). Decisions, written down here and in
 * the README:
 * - Owed by its rhythm (source `frequency`): `monthly` and `ongoing` (常态) every month, `quarterly` in the quarter's
 *   last month (Mar/Jun/Sep/Dec). Else owed by its own date (source `deadline`): any criterion whose `dueDate`
 *   falls in the month — which is how `yearly` and `once` are owed. A criterion owed by its rhythm in a month is not
 *   listed a second time for a `dueDate` in the same month.
 * - Only the unit's leaves: `mine`, not removed, not declared 不属本单位职责, needing material.
 * - Due: a rhythm's month is collected on the collection day of the following month (a day past that month's end:
 *   its last day); a deadline item is due on its `dueDate`.
 * - State: a rhythm item counts the materials whose `month` is that month (a quarterly one: its quarter's months), a
 *   deadline item the criterion's materials of every month up to that one; only materials that can score count,
 *   through `requirementProgress` (the 体检's count): `met` when every requirement is met, `partly` when some
 *   scoring material came in but not all is met, `missing` when none did. A criterion without typed requirements is
 *   met by one scoring material.
 */

/** The fields of a criterion the 月收集 reads. */
export interface OwedLeaf {
  code: string;
  title: string;
  leaf: boolean;
  mine: boolean;
  removed: boolean;
  needsMaterial: boolean;
  declaration: unknown;
  frequency: Frequency | null;
  dueDate: string | null;
  requirements: Requirement[];
}

/** A live material as the 月收集 counts it: a `CountedMaterial` with its id and criterion. */
export interface MonthMaterial extends CountedMaterial {
  id: string;
  criterionCode: string;
}

/** Materials by criterion code, then by `month` (null month: ''): built in one pass, read per criterion and month. */
export type MaterialIndex = Map<string, Map<string, MonthMaterial[]>>;

/** How many of an owed item's materials travel with it for thumbnails. */
export const OWED_THUMBS = 4;

/** One pass over the materials, grouped by criterion and month. */
export function indexMaterials(materials: MonthMaterial[]): MaterialIndex {
  const out: MaterialIndex = new Map();
  for (const m of materials) {
    let byMonth = out.get(m.criterionCode);
    if (!byMonth) out.set(m.criterionCode, (byMonth = new Map()));
    const key = m.month ?? '';
    const list = byMonth.get(key);
    if (list) list.push(m);
    else byMonth.set(key, [m]);
  }
  return out;
}

/** The leaves the unit answers for with material (what can be owed at all). */
export function isOwingLeaf(c: OwedLeaf): boolean {
  return c.leaf && c.mine && !c.removed && c.needsMaterial && (c.declaration === null || c.declaration === undefined);
}

/** The quarter's months a quarter-end month closes (`2026-06` → April to June). */
export function quarterMonths(month: string): string[] {
  const y = month.slice(0, 4);
  const last = Number(month.slice(5, 7));
  return [last - 2, last - 1, last].map((m) => `${y}-${String(m).padStart(2, '0')}`);
}

/** Why a leaf owes something in `month`, or null when it owes nothing then. */
export function owedSource(
  c: Pick<OwedLeaf, 'frequency' | 'dueDate'>,
  month: string,
): Exclude<OwedSource, 'request'> | null {
  if (c.frequency === 'monthly' || c.frequency === 'ongoing') return 'frequency';
  if (c.frequency === 'quarterly' && Number(month.slice(5, 7)) % 3 === 0) return 'frequency';
  if (c.dueDate !== null && c.dueDate.startsWith(month)) return 'deadline';
  return null;
}

/** What a leaf owes in a month, and how far it is met. */
export interface Owed {
  criterionCode: string;
  title: string;
  source: Exclude<OwedSource, 'request'>;
  month: string;
  due: string;
  state: OwedState;
  overdue: boolean;
  /** The scoring materials counted towards it, in attachment order. */
  counted: MonthMaterial[];
}

/**
 * What `c` owes in `month`, counted against `index`; null when nothing. `periodMonths` are the period's months (a
 * deadline item counts those up to its month); `today` decides `overdue` (not met, past its due date).
 */
export function owedIn(
  c: OwedLeaf,
  month: string,
  index: MaterialIndex,
  periodMonths: string[],
  today: string,
  collectionDay: number,
): Owed | null {
  const source = owedSource(c, month);
  if (source === null) return null;
  const months =
    source === 'deadline'
      ? periodMonths.filter((m) => m <= month)
      : c.frequency === 'quarterly'
        ? quarterMonths(month)
        : [month];
  const byMonth = index.get(c.code);
  const materials = byMonth ? months.flatMap((m) => byMonth.get(m) ?? []) : [];
  const counted = materials.filter((m) => m.scores);
  const due = source === 'deadline' ? c.dueDate! : collectionDate(nextMonth(month), collectionDay);
  const state = stateOf(c.requirements, materials, counted.length, months);
  return {
    criterionCode: c.code,
    title: c.title,
    source,
    month,
    due,
    state,
    overdue: state !== 'met' && due < today,
    counted,
  };
}

/** met / partly / missing as the module comment says. */
function stateOf(
  requirements: Requirement[],
  materials: MonthMaterial[],
  scoring: number,
  months: string[],
): OwedState {
  if (scoring === 0) return 'missing';
  if (requirements.length === 0) return 'met';
  return requirementProgress(requirements, materials, months).every((p) => p.met) ? 'met' : 'partly';
}
