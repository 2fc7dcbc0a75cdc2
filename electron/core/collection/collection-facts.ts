import { clampMonth, collectionMonth, periodMonths } from '@shared/domain/collection';
import type { MonthContext } from '@shared/domain/monthly/month-view';
import { indexMaterials, type MaterialIndex } from '@shared/domain/monthly/owed';
import { requestCount } from '@shared/domain/monthly/request-state';
import { localIsoDate, type Period } from '@shared/domain/period';
import type { RequestView } from '@shared/ipc/collection-types';
import type { Criterion } from '@shared/ipc/types';
import { listCriteria } from '../catalog/criteria-repo';
import { collectionMaterials } from './collection-materials';
import { collectionDayOf, type Workspace } from '../workspace/workspace';
import { listRequests, type RequestRow } from './requests-repo';

/**
 * What every 月收集 answer is computed from, read once per call: the criteria, the live materials indexed by
 * criterion and month in one pass, and the 要账 with their counts.
 */
export interface CollectionFacts {
  period: Period;
  ctx: MonthContext;
  /** The current collection month, clamped into the period. */
  currentMonth: string;
  criteria: Criterion[];
  index: MaterialIndex;
  requests: RequestView[];
}

export function readCollectionFacts(ws: Workspace, now: Date): CollectionFacts {
  const settings = ws.settings();
  const today = localIsoDate(now);
  const collectionDay = collectionDayOf(settings);
  const { period } = settings;
  // One read of each: the criteria as stored (no per-leaf progress or reviews: 月收集 counts by month itself) and
  // the materials with what scoring reads, indexed by criterion and month in one pass.
  const criteria = listCriteria(ws.db);
  const index = indexMaterials(collectionMaterials(ws.db, period));
  const requirements = new Map(criteria.map((c) => [c.code, c.requirements]));
  const requests = listRequests(ws.db).map((r) =>
    requestView(r, requestCount(r, index, requirements.get(r.criterionCode), today)),
  );
  return {
    period,
    ctx: { today, collectionDay, periodMonths: periodMonths(period) },
    currentMonth: clampMonth(collectionMonth(today, collectionDay), period),
    criteria,
    index,
    requests,
  };
}

/** A stored request with what its materials say now. */
export function requestView(r: RequestRow, count: ReturnType<typeof requestCount>): RequestView {
  return {
    id: r.id,
    source: r.source,
    criterionCode: r.criterionCode,
    text: r.text,
    kind: r.kind,
    min: r.min,
    assignee: r.assignee,
    phone: r.phone,
    month: r.month,
    due: r.due,
    state: count.state,
    overdue: count.overdue,
    closedAt: r.closedAt,
    note: r.note,
    byHand: count.byHand,
    have: count.have,
    materialIds: count.materialIds,
  };
}
