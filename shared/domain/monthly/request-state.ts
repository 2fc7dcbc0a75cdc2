import type { Requirement } from '../requirements';
import type { MaterialKind } from '../value-sets';
import type { RequestState } from '../../ipc/collection-types';
import type { MaterialIndex, MonthMaterial } from './owed';

/**
 * Whether a 要账 is met, counted from the materials as they are now (never stored, so removing materials turns it
 * open again): the materials of its criterion whose `month` is the request's month, of its kind (any kind when it
 * names none), that can score, reach `min` (1 when absent). When the criterion's requirement of that kind counts
 * per event (`per: 'event'`: 每场活动), distinct event dates are counted instead of files. A free-text request (no
 * kind, no min) cannot be counted: it is met only by hand. Closed (销号) wins over everything; an open request past
 * its due date is overdue.
 */
export interface RequestAskFacts {
  criterionCode: string;
  month: string;
  kind: MaterialKind | null;
  min: number | null;
  due: string;
  metByHand: boolean;
  closedAt: string | null;
}

export interface RequestCount {
  state: RequestState;
  overdue: boolean;
  byHand: boolean;
  /** Materials (or distinct event dates) counted towards it. */
  have: number;
  /** The ids of the materials counted. */
  materialIds: string[];
}

/** A free-text request: nothing to count, met only by hand. */
export const isFreeText = (r: Pick<RequestAskFacts, 'kind' | 'min'>): boolean => r.kind === null && r.min === null;

export function requestCount(
  r: RequestAskFacts,
  index: MaterialIndex,
  requirements: Requirement[] | undefined,
  today: string,
): RequestCount {
  const byHand = isFreeText(r);
  const counted: MonthMaterial[] = byHand
    ? []
    : (index.get(r.criterionCode)?.get(r.month) ?? []).filter(
        (m) => m.scores && (r.kind === null || m.kind === r.kind),
      );
  const perEvent = r.kind !== null && (requirements ?? []).some((q) => q.kind === r.kind && q.per === 'event');
  const have = perEvent ? new Set(counted.map((m) => m.eventDate ?? '')).size : counted.length;
  const met = byHand ? r.metByHand : have >= (r.min ?? 1);
  const state: RequestState = r.closedAt !== null ? 'closed' : met ? 'met' : 'open';
  return {
    state,
    overdue: state === 'open' && r.due < today,
    byHand,
    have,
    materialIds: counted.map((m) => m.id),
  };
}
