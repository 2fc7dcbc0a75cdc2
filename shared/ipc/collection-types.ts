import type { MaterialKind } from '../domain/value-sets';

// 月收集 and the 创城办's hand-out (HANDOUT-FORMAT.md): what the IPC contract returns for them.

/** Why something is owed in a month: the criterion's rhythm, its own due date, or a 要账. */
export type OwedSource = 'frequency' | 'deadline' | 'request';
/** How far what came in meets it. */
export type OwedState = 'met' | 'partly' | 'missing';

/** One thing the unit owes in a collection month (`month --json`'s `owed`). */
export interface OwedItem {
  criterionCode: string;
  /** The criterion's title (the 要账's criterion for a request). */
  title: string;
  source: OwedSource;
  /** The request's id when `source` is `request`, else null. */
  requestId: string | null;
  /** YYYY-MM-DD. */
  due: string;
  state: OwedState;
  /** Past its due date and not met (a closed request is never overdue). */
  overdue: boolean;
  /** How many materials counted towards it. */
  materials: number;
  /** The first of those materials (for thumbnails), at most `OWED_THUMBS`. */
  materialIds: string[];
  /** What is asked: the request's text, or the criterion's 材料要求 in one line; null when there is none. */
  text: string | null;
}

/** A key date (事前预告): an activity day the unit must document, from the hand-out or the unit's own. */
export interface KeyDate {
  date: string;
  title: string;
  criterionCodes: string[];
  note: string | null;
  source: 'unit' | 'office';
}

/** The 月收集 screen for one collection month. */
export interface MonthView {
  month: string;
  collectionDay: number;
  /** The current collection month (clamped into the period): the screen's default. */
  currentMonth: string;
  /** The period's months, for the picker. */
  months: string[];
  owed: OwedItem[];
  keyDates: KeyDate[];
  /** 本月应交 / 已交 / 逾期. */
  counts: { owed: number; met: number; overdue: number };
}

/** A cell of the year grid (criteria × months). */
export type YearCell = 'met' | 'partly' | 'missing' | 'overdue' | 'not-due';

/** The year grid: every leaf of the unit that is owed in some month of the period, one cell per month. */
export interface YearGrid {
  months: string[];
  rows: { code: string; title: string; cells: YearCell[] }[];
}

export type RequestSource = 'unit' | 'office';
export type RequestState = 'open' | 'met' | 'closed';

/** A 要账 as listed (`requests --json`, plus what the screens need). */
export interface RequestView {
  id: string;
  source: RequestSource;
  criterionCode: string;
  text: string | null;
  kind: MaterialKind | null;
  min: number | null;
  assignee: string | null;
  phone: string | null;
  month: string;
  due: string;
  state: RequestState;
  overdue: boolean;
  closedAt: string | null;
  note: string | null;
  /** Free text (no kind, no min): met only by hand. */
  byHand: boolean;
  /** Materials counted towards it now (distinct event dates for a `per: 'event'` requirement). */
  have: number;
  /** The ids of those materials (the package's `requests[].materialIds`). */
  materialIds: string[];
}

/** One reminder (`due --json`'s `items`, plus the key the banner dismisses it by). */
export interface ReminderItem {
  /** Stable for the day: what dismissing it for today records. */
  key: string;
  type: 'due' | 'overdue' | 'keyDate';
  date: string;
  criterionCode: string | null;
  requestId: string | null;
  /** One line, as the banner and the notification show it ("6月5日 世界环境日：3.3.4 需要活动现场照片"). */
  text: string;
}

/** What importing a hand-out would change (`handout:preview`) or changed (`handout:import`). */
export interface HandoutPreview {
  file: string;
  office: {
    id: string;
    name: string;
    fingerprint: string;
    /** No hand-out was imported before: the officer should check the fingerprint with the 创城办. */
    firstSight: boolean;
    /** The key differs from the one on record: refused unless `acceptNewKey`. */
    keyChanged: boolean;
    /** The fingerprint on record (null on first sight). */
    previousFingerprint: string | null;
  };
  sequence: number;
  issuedAt: string;
  year: number;
  collectionDay: number;
  /** The hand-out's unit this workspace is; null when its name matches none (choose one: `unitId`). */
  unit: { id: string; name: string } | null;
  /** Every unit of the hand-out, to choose from. */
  units: { id: string; name: string; aliases: string[] }[];
  catalog: {
    /** The catalog's RFC 8785 hash (the packages' `catalog.sha256`). */
    sha256: string;
    edition: string;
    added: string[];
    changed: string[];
    removed: string[];
    /** Removed codes that hold materials: kept under 已删除的标准, never lost. */
    removedWithMaterials: string[];
  };
  /** Leaves that become the unit's (`added`) or stop being so (`removed`). */
  scope: { added: string[]; removed: string[] };
  requests: {
    new: number;
    updated: number;
    closed: number;
    /** Requests for this unit that cannot be taken (an unknown criterion…), listed and skipped. */
    skipped: { id: string; criterionCode: string; reason: string }[];
  };
  keyDates: number;
  /** The attachments (附件/…), verified. */
  files: { path: string; bytes: number }[];
}

export interface HandoutImportResult extends HandoutPreview {
  applied: boolean;
}

/** The last hand-out imported (设置 → 创城办下发), or null before any. */
export interface HandoutStatus {
  office: { id: string; name: string; fingerprint: string };
  sequence: number;
  issuedAt: string;
  importedAt: string;
  unit: { id: string; name: string };
  /** Where the hand-out's attachments were kept (in the workspace), to open. */
  attachments: { path: string; bytes: number }[];
}
