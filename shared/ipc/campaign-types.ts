/** Results of the 创城办 mode's channels (`office:*`, issue 17). The CLI's JSON is built from these. */
import type { Period } from '../domain/period';
import type { UnitKind } from '../domain/unit-kind';

export interface OfficeInitResult {
  dir: string;
  name: string;
  /** hex SHA-256 of the office key's SPKI DER: units compare it at their first hand-out import. */
  fingerprint: string;
  year: number;
  period: Period;
}

export interface OfficeUnitView {
  id: string;
  name: string;
  aliases: string[];
  kind: UnitKind;
  /** How many leaves are assigned to the unit (牵头 and 责任). */
  assigned: number;
}

export interface OfficeUnitsResult {
  units: OfficeUnitView[];
}

export interface OfficeHandoutResult {
  /** One signed zip per unit: its path, the unit's name and how many open 要账 it carries. */
  files: { path: string; unit: string; requests: number }[];
}

/** One package as 收件 took it (or refused it): the CLI's `office import` JSON, entry by entry. */
export interface TakenPackage {
  file: string;
  /** The office's unit it was matched to (else the name the package gives, or null when unreadable). */
  unit: string | null;
  month: string | null;
  kind: string | null;
  /** Of the zip file's bytes: the same file twice is recognised by it. */
  sha256: string | null;
  accepted: boolean;
  duplicate: boolean;
  /** It is now its unit's current package. */
  current: boolean;
  /** verify's problems (every code of PACKAGE-FORMAT.md), then the office's (take-in-checks.ts). */
  problems: { code: string; severity: 'error' | 'warning' | 'info'; message: string }[];
}

export interface OfficeImportResult {
  packages: TakenPackage[];
}

export type OfficeCellStatus = 'missing' | 'incomplete' | 'at-risk' | 'unsigned' | 'signed';

export interface OfficeStatusResult {
  units: {
    unit: string;
    /** Counts of criteria: assigned, complete (requirements met), missing (nothing received), signed. */
    assigned: number;
    complete: number;
    missing: number;
    signed: number;
    /** The points of the unit's cells that are missing, incomplete or at risk. */
    pointsAtRisk: number;
    lastPackage: { file: string; kind: string; month: string; createdAt: string; sha256: string } | null;
  }[];
  /** Each assigned criterion with the status of every unit assigned to it. */
  criteria: { code: string; units: Record<string, OfficeCellStatus> }[];
  /** City-wide: each criterion with a cell at risk counted once (IPC only; not in the CLI's documented JSON). */
  pointsAtRisk: number;
}

/** A 要账 of the office as 销号 by hand returns it. */
export interface OfficeRequestView {
  id: string;
  unit: string;
  criterionCode: string;
  month: string;
  text: string;
  closedAt: string | null;
  closedBy: 'auto' | 'office' | null;
  note: string | null;
}
