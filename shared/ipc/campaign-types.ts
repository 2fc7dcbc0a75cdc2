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
