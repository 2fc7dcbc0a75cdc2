import type { YearCell, YearGrid } from '../../ipc/collection-types';
import type { MonthContext } from './month-view';
import { isOwingLeaf, owedIn, type MaterialIndex, type OwedLeaf } from './owed';

/**
 * The year grid: a row per leaf of the unit owed in some month of the period, a cell per period month. A cell is
 * `not-due` when the leaf owes nothing that month, or when the month has not begun yet (after today's month) and
 * nothing came in for it — a month to come is not yet missing; else it is the owed item's state, `overdue` when it
 * is missing or partly past its due date.
 */
export function yearGrid(leaves: OwedLeaf[], index: MaterialIndex, ctx: MonthContext): YearGrid {
  const thisMonth = ctx.today.slice(0, 7);
  const rows: YearGrid['rows'] = [];
  for (const c of leaves) {
    if (!isOwingLeaf(c)) continue;
    let owes = false;
    const cells = ctx.periodMonths.map((month): YearCell => {
      const o = owedIn(c, month, index, ctx.periodMonths, ctx.today, ctx.collectionDay);
      if (!o) return 'not-due';
      owes = true;
      if (o.overdue) return 'overdue';
      if (o.state === 'missing' && month > thisMonth) return 'not-due';
      return o.state;
    });
    if (owes) rows.push({ code: c.code, title: c.title, cells });
  }
  return { months: ctx.periodMonths, rows };
}
