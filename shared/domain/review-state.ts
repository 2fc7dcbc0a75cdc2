import type { ReviewDecision, ReviewLevel } from './signoff';

/**
 * A criterion's review state as the officer and the leaders see it (PACKAGE-FORMAT.md, "Sign-off"): decided from
 * the latest valid review at each level and the hash of the criterion's content now. Pure: core reads the reviews,
 * checks their signatures and hashes the content; this says what that means.
 */

/** A criterion's content as a review signs it (`contentSha256` hashes its canonical JSON). */
export type ReviewedContent = {
  criterionCode: string;
  declaration: string | null;
  materials: {
    id: string;
    kind: string;
    title: string;
    captionText: string | null;
    eventDate: string | null;
    month: string | null;
    sha256: string;
  }[];
};

/** One recorded review whose signature verified (an invalid one is never counted), as core read it back. */
export interface ReviewRecord {
  /** The order it was recorded in (its row id): later reviews win, whatever their clocks said. */
  seq: number;
  level: ReviewLevel;
  decision: ReviewDecision;
  comment: string;
  signer: string;
  at: string;
  contentSha256: string;
}

/** The latest review at one level, as `materials` and `catalog list` report it (`review.leader`, `.principal`). */
export interface LevelReview {
  decision: ReviewDecision;
  signer: string;
  at: string;
  /** Made for other content than the criterion holds now. */
  stale: boolean;
}

/** The review states, in the words the ledger shows. */
export const REVIEW_STATUSES = {
  unreviewed: '待审改',
  returned: '退回',
  stale: '已失效',
  'leader-approved': '已审改',
  approved: '已审阅把关',
} as const;
export type ReviewStatus = keyof typeof REVIEW_STATUSES;

/** A criterion's latest review at each level, for the contract (`Criterion.review`). */
export interface CriterionReview {
  leader: LevelReview | null;
  principal: LevelReview | null;
}

/** What the screens say of a criterion's review beyond the contract's two levels. */
export interface ReviewState {
  status: ReviewStatus;
  /** The comment of the return that made it `returned`. */
  comment: string | null;
  /** For `stale`: what changed since the approval (`contentChanges`). */
  changes: string[];
  /** Reviews of it that failed their check (signature, or dated before what they cover): never counted. */
  invalid: number;
}

const levelReview = (r: ReviewRecord | undefined, current: string): LevelReview | null =>
  r ? { decision: r.decision, signer: r.signer, at: r.at, stale: r.contentSha256 !== current } : null;

/** A current approval: an approval of the content as it is now. */
const approves = (r: ReviewRecord | undefined, current: string): boolean =>
  r !== undefined && r.decision === 'approve' && r.contentSha256 === current;

/**
 * The state from the latest valid review at each level and the content's hash now. `approved` needs both levels'
 * approvals of the current content (a principal's approval counts while the leader's of that content stands);
 * `returned` when the newest review is a return (its comment says what to change); then `leader-approved`; `stale`
 * when an approval exists but of other content; else `unreviewed`.
 */
export function reviewState(
  latest: { leader?: ReviewRecord | undefined; principal?: ReviewRecord | undefined },
  current: string,
): { review: CriterionReview; status: ReviewStatus; comment: string | null } {
  const { leader, principal } = latest;
  const review = { leader: levelReview(leader, current), principal: levelReview(principal, current) };
  const leaderOk = approves(leader, current);
  if (leaderOk && approves(principal, current)) return { review, status: 'approved', comment: null };
  const newest = [leader, principal].reduce<ReviewRecord | undefined>(
    (a, r) => (r && (!a || r.seq > a.seq) ? r : a),
    undefined,
  );
  if (newest?.decision === 'return') return { review, status: 'returned', comment: newest.comment };
  if (leaderOk) return { review, status: 'leader-approved', comment: null };
  const approvedBefore = leader?.decision === 'approve' || principal?.decision === 'approve';
  return { review, status: approvedBefore ? 'stale' : 'unreviewed', comment: null };
}

/** Whether a criterion is `level`'s to review now: the leader's until they approve it; then the principal's. */
export function waitsFor(level: ReviewLevel, status: ReviewStatus): boolean {
  if (status === 'approved') return false;
  return level === 'leader' ? status !== 'leader-approved' : status === 'leader-approved';
}

/**
 * What changed between the content a leader approved and the content now, in the officer's words: files added,
 * removed or replaced; a caption, date, month, title or kind edited; the declaration changed.
 */
export function contentChanges(before: ReviewedContent, now: ReviewedContent): string[] {
  const out: string[] = [];
  const was = new Map(before.materials.map((m) => [m.id, m]));
  const is = new Set(now.materials.map((m) => m.id));
  for (const m of now.materials) {
    const old = was.get(m.id);
    if (!old) {
      out.push(`新增材料“${m.title}”`);
      continue;
    }
    if (old.sha256 !== m.sha256) out.push(`更换了“${m.title}”的文件`);
    if (old.captionText !== m.captionText) out.push(`修改了“${m.title}”的说明`);
    if (old.eventDate !== m.eventDate) out.push(`修改了“${m.title}”的日期`);
    if (old.month !== m.month) out.push(`修改了“${m.title}”的所属月份`);
    if (old.title !== m.title) out.push(`“${old.title}”改名为“${m.title}”`);
    if (old.kind !== m.kind) out.push(`修改了“${m.title}”的类别`);
  }
  for (const m of before.materials) if (!is.has(m.id)) out.push(`移除材料“${m.title}”`);
  if (before.declaration !== now.declaration)
    out.push(now.declaration === null ? '撤回了不属本单位职责的声明' : '修改了不属本单位职责的声明');
  return out;
}
