import type { Group, HostileCase } from './case';
import { CATALOG_CASES } from './cases-catalog';
import { INTAKE_CASES } from './cases-intake';
import { PACKAGE_CASES, REFERENCE_CASES } from './cases-package';
import { LARGE_CASES, TITLE_CASES } from './cases-titles';

const inGroup = (group: Group, cases: Omit<HostileCase, 'group'>[]): HostileCase[] =>
  cases.map((c) => ({ ...c, group }));

/**
 * The hostile-input suite's one table: every case, in the order it runs, each with the workspace group it shares.
 * Inputs are generated from test/fixtures (or from nothing) at run time; no hostile file is stored.
 */
export const HOSTILE_CASES: HostileCase[] = [
  ...inGroup('intake', INTAKE_CASES),
  ...inGroup('catalog', CATALOG_CASES),
  ...inGroup('package', PACKAGE_CASES),
  ...inGroup('reference', REFERENCE_CASES),
  ...inGroup('titles', TITLE_CASES),
  ...inGroup('large', LARGE_CASES),
];
