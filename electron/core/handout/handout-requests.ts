import type Database from 'better-sqlite3';
import { normalizeCode } from '@shared/domain/codes';
import { monthInPeriod, monthOutsidePeriod, nextMonth } from '@shared/domain/collection';
import type { Period } from '@shared/domain/period';
import { MATERIAL_KINDS, parseValue, type MaterialKind } from '@shared/domain/value-sets';
import type { HandoutPreview } from '@shared/ipc/collection-types';
import type { HandoutFile } from '@shared/schemas/handout';
import { getRequest, type RequestAsk } from '../collection/requests-repo';
import { HANDOUT_MESSAGES as M } from './messages';

/** The office's closing (销号) of a request the unit holds. */
export interface OfficeClose {
  id: string;
  closedAt: string;
  note: string | null;
}

/** What the hand-out's 要账 for this unit change. */
export interface RequestsPlan {
  /** Office requests to upsert by id: new or changed ones only. */
  asks: RequestAsk[];
  counts: Omit<HandoutPreview['requests'], 'skipped'>;
  closes: OfficeClose[];
  skipped: HandoutPreview['requests']['skipped'];
}

/**
 * A request's default due date (HANDOUT-FORMAT.md): the collection day of the month after its month, the month's
 * last day when that month is shorter (a collection day of 31 in February is the 28th or 29th).
 */
export function defaultDue(month: string, collectionDay: number): string {
  const next = nextMonth(month);
  const [y, m] = next.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${next}-${String(Math.min(collectionDay, last)).padStart(2, '0')}`;
}

/**
 * The hand-out's requests of this unit against the workspace: each upserted by its `id` (new, or updated when what
 * it asks changed; the officer's own assignee and phone on it are kept), those that cannot be taken listed with the
 * reason and skipped (a criterion that is not a current leaf of the hand-out's catalog, a month outside the period,
 * an unknown kind); `closed` closes the requests we hold that the office has not closed yet.
 */
export function planRequests(
  db: Database.Database,
  json: HandoutFile,
  unitId: string,
  tree: { leaves: Set<string>; codes: Set<string> },
  period: Period,
  collectionDay: number,
): RequestsPlan {
  const byId = new Map(json.requests.filter((r) => r.unitId === unitId).map((r) => [r.id, r]));
  const asks: RequestAsk[] = [];
  const skipped: RequestsPlan['skipped'] = [];
  const counts = { new: 0, updated: 0, closed: 0 };
  const taken = new Set<string>();
  for (const r of byId.values()) {
    const code = normalizeCode(r.criterionCode);
    const kind = r.kind === undefined ? null : (parseValue(MATERIAL_KINDS, r.kind) as MaterialKind | undefined);
    const before = getRequest(db, r.id);
    const reason = !tree.codes.has(code)
      ? M.skipUnknown(code)
      : !tree.leaves.has(code)
        ? M.skipNotLeaf(code)
        : !monthInPeriod(r.month, period)
          ? monthOutsidePeriod(r.month, period).replace(/。$/u, '')
          : kind === undefined
            ? M.skipKind(r.kind!)
            : before?.source === 'unit'
              ? M.skipTaken(r.id)
              : null;
    if (reason !== null) {
      skipped.push({ id: r.id, criterionCode: code, reason });
      continue;
    }
    taken.add(r.id);
    const ask: RequestAsk = {
      id: r.id,
      source: 'office',
      criterionCode: code,
      month: r.month,
      text: r.text ?? null,
      kind: kind ?? null, // never undefined here: an unknown kind was skipped above
      min: r.min ?? null,
      assignee: before?.assignee ?? null,
      phone: before?.phone ?? null,
      due: r.due ?? defaultDue(r.month, collectionDay),
    };
    if (before === undefined) counts.new++;
    else if (KEYS.some((k) => before[k] !== ask[k])) counts.updated++;
    else continue;
    asks.push(ask);
  }
  const closes: OfficeClose[] = [];
  const seen = new Set<string>();
  for (const c of json.closed) {
    if (seen.has(c.requestId)) continue;
    const held = getRequest(db, c.requestId);
    const ours = taken.has(c.requestId) || held?.source === 'office';
    if (!ours || held?.closedBy === 'office') continue;
    seen.add(c.requestId);
    closes.push({ id: c.requestId, closedAt: c.closedAt, note: c.note ?? null });
  }
  counts.closed = closes.length;
  return { asks, counts, closes, skipped };
}

/** The fields `upsertRequest` compares: a difference in any is an update. */
const KEYS = ['criterionCode', 'month', 'text', 'kind', 'min', 'assignee', 'phone', 'due'] as const;
