/**
 * The 创城办's 要账 for a unit and a collection month (issue 17): what the unit owes that month by the 月收集's own
 * rule (monthly/owed.ts: rhythm, or a due date in the month) on the leaves assigned to it, one request per typed
 * requirement (its kind and `min`, so the unit's app and the office both count it), or one for any material when the
 * leaf has no typed requirement — less what the unit's current accepted package already delivers (counted as the
 * unit counts a request: monthly/request-state.ts). Pure: the caller reads the leaves and the package.
 */
import { collectionDate, nextMonth } from '../collection';
import { owedSource, type MaterialIndex } from '../monthly/owed';
import { requestCount } from '../monthly/request-state';
import type { Requirement } from '../requirements';
import { MATERIAL_KINDS, type Frequency, type MaterialKind } from '../value-sets';

/** A leaf as the office's 要账 reads it. */
export interface OwingLeaf {
  code: string;
  title: string;
  frequency: Frequency | null;
  dueDate: string | null;
  requirements: Requirement[];
}

/** One 要账 the office would send; `key` identifies it across hand-outs (unit, criterion, month, kind). */
export interface OwedRequest {
  key: string;
  criterionCode: string;
  month: string;
  text: string;
  kind: MaterialKind | null;
  min: number;
  due: string;
}

/** The requests `leaves` owe in `month`, those already met by `delivered` (the current package's materials) left out. */
export function owedRequests(
  unitId: string,
  leaves: OwingLeaf[],
  month: string,
  delivered: MaterialIndex,
  collectionDay: number,
  today: string,
): OwedRequest[] {
  const out: OwedRequest[] = [];
  for (const leaf of leaves) {
    const source = owedSource(leaf, month);
    if (source === null) continue;
    const due = source === 'deadline' ? leaf.dueDate! : collectionDate(nextMonth(month), collectionDay);
    const asks: { kind: MaterialKind | null; min: number; what: string }[] =
      leaf.requirements.length > 0
        ? leaf.requirements.map((q) => ({
            kind: q.kind,
            min: Math.max(1, q.min),
            what: `${MATERIAL_KINDS[q.kind]}不少于${Math.max(1, q.min)}${q.kind === 'photo' ? '张' : '份'}`,
          }))
        : [{ kind: null, min: 1, what: '材料至少1份' }];
    for (const ask of asks) {
      const facts = {
        criterionCode: leaf.code,
        month,
        kind: ask.kind,
        min: ask.min,
        due,
        metByHand: false,
        closedAt: null,
      };
      if (requestCount(facts, delivered, leaf.requirements, today).state === 'met') continue;
      out.push({
        key: [unitId, leaf.code, month, ask.kind ?? '*'].join('|'),
        criterionCode: leaf.code,
        month,
        text: `${Number(month.slice(5, 7))}月份 ${leaf.code} ${leaf.title}：${ask.what}`,
        kind: ask.kind,
        min: ask.min,
        due,
      });
    }
  }
  return out;
}
