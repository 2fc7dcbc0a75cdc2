import type { RequestView } from '../../ipc/collection-types';
import type { Doc } from '../package/blocks';
import { dateLabel, groupBy, monthLabel, printable } from '../package/format';
import { MATERIAL_KINDS } from '../value-sets';

/**
 * The 要账单: the open 要账 grouped by person, the sheet an officer hands round the office. One model for its XLSX
 * and its PDF, so the two say the same.
 */

/** Who a request without an assignee goes to. */
export const NO_ASSIGNEE = '未指定';

/** The columns, in order (the XLSX's header row and the PDF's tables). */
export const CHASE_COLUMNS = ['责任人', '电话', '标准编号', '标准', '要求', '月份', '截止日期', '状态'] as const;

export interface ChaseHeader {
  unit: string;
  /** The month listed, or null: every open request. */
  month: string | null;
  /** The day it is made (`YYYY-MM-DD`). */
  today: string;
}

/** The title row's text: the unit, the month (or all), the date. */
export function chaseTitle(h: ChaseHeader): string {
  return `${h.unit} 要账单（${h.month ? monthLabel(h.month) : '全部未交'}） ${dateLabel(h.today)}`;
}

/** What a request asks, in words: its text, else its kind and count. */
export function askOf(r: Pick<RequestView, 'text' | 'kind' | 'min'>): string {
  const counted = r.kind || r.min ? `${r.kind ? MATERIAL_KINDS[r.kind] : '材料'}不少于${r.min ?? 1}份` : '';
  return printable(r.text ?? counted);
}

/** A request's 状态 on the sheet. */
export function chaseState(r: Pick<RequestView, 'overdue' | 'have' | 'min' | 'byHand'>): string {
  const got = r.byHand ? '' : `（已有 ${r.have}/${r.min ?? 1}）`;
  return `${r.overdue ? '逾期' : '未交'}${got}`;
}

/** The open requests by person (assignee; none: 未指定), people in order of their first request by due date. */
export function chaseGroups(
  requests: RequestView[],
  titles: Map<string, string>,
): { person: string; rows: string[][] }[] {
  const sorted = [...requests].sort(
    (a, b) => a.due.localeCompare(b.due) || a.criterionCode.localeCompare(b.criterionCode),
  );
  return [...groupBy(sorted, (r) => r.assignee ?? NO_ASSIGNEE)].map(([person, rs]) => ({
    person,
    rows: rs.map((r) => [
      person,
      r.phone ?? '',
      r.criterionCode,
      printable(titles.get(r.criterionCode) ?? ''),
      askOf(r),
      monthLabel(r.month),
      dateLabel(r.due),
      chaseState(r),
    ]),
  }));
}

/** The printable PDF: the unit, month and date on top, one section per person, page numbers at the foot. */
export function chaseDocument(h: ChaseHeader, groups: ReturnType<typeof chaseGroups>): Doc {
  const widths = [0.08, 0.12, 0.1, 0.18, 0.21, 0.11, 0.12, 0.08];
  return {
    title: `${h.unit} 要账单`,
    blocks: [
      { t: 'title', text: '要账单' },
      { t: 'subtitle', text: `（${h.month ? monthLabel(h.month) : '全部未交'}）` },
      {
        t: 'fields',
        rows: [
          [
            { label: '单位', value: h.unit },
            { label: '日期', value: dateLabel(h.today) },
          ],
        ],
      },
      ...(groups.length === 0 ? [{ t: 'para' as const, text: '没有未交的要账。' }] : []),
      ...groups.flatMap((g) => [
        { t: 'heading' as const, text: `${g.person}（${g.rows.length} 项）` },
        {
          t: 'table' as const,
          columns: CHASE_COLUMNS.map((title, i) => ({ title, width: widths[i]! })),
          rows: g.rows,
        },
      ]),
    ],
  };
}
