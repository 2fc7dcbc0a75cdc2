import type { ReviewDecision, ReviewLevel } from '../domain/signoff';
import type { RequestCriterion, RequestMaterial } from '../schemas/review-exchange';

/** 送审 (REVIEW-EXCHANGE-FORMAT.md): what its calls return. */

/** What the officer's 导出送审包 wrote. */
export interface RequestExportResult {
  path: string;
  level: ReviewLevel;
  criteria: number;
  materials: number;
  bytes: number;
}

/** What importing a 审核结果 did: reviews recorded, and which criteria they count for now or arrived stale. */
export interface AnswerImportResult {
  recorded: number;
  current: string[];
  stale: string[];
}

/** The key file chosen in the leader's mode (never its sealed key). */
export interface RemoteKeyInfo {
  name: string;
  level: ReviewLevel;
  unit: { id: string; name: string };
  fingerprint: string;
}

/** A decision signed in the leader's mode, not yet saved or saved. */
export interface RemoteSigned {
  criterionCode: string;
  decision: ReviewDecision;
  comment: string;
  at: string;
}

/** The leader's read-only mode: the 送审包 opened, the key chosen, the decisions signed so far. */
export interface RemoteView {
  /** The 送审包's file name (not its folder). */
  file: string;
  request: {
    id: string;
    createdAt: string;
    unit: { id: string; name: string };
    year: number;
    level: ReviewLevel;
    criteria: RequestCriterion[];
    materials: RequestMaterial[];
  };
  key: RemoteKeyInfo | null;
  signed: RemoteSigned[];
}
