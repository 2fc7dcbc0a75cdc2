/**
 * The 创城办's units and their 牵头/责任 assignments, read from the 台账's unit columns (issue 17). A listed name is
 * a unit; a collective (各市直单位, 各区人民政府…) reaches every unit of its kinds (unit-kind.ts's table), so a street
 * office the 台账 never names still gets the criteria 各街道 must answer; a collective we cannot place (各执法部门)
 * reaches nobody and is left to the officer.
 */
import { unitMatches } from '../scope';
import { canonUnit, collectiveReaches, guessUnitKind, reachOf, type UnitKind } from '../unit-kind';

/** A leaf of the catalog as the assignment reads it. */
export interface LedgerLeaf {
  code: string;
  leadUnit: string | null;
  responsibleUnits: string[];
}

/** A unit as the assignment sees it. */
export interface AssignableUnit {
  id: string;
  name: string;
  aliases: string[];
  kind: UnitKind;
}

export type AssignmentRole = 'lead' | 'responsible';

export interface Assignment {
  unitId: string;
  criterionCode: string;
  role: AssignmentRole;
}

/** The units the 台账 names (not the collectives), first spelling kept, each with its kind guessed from its name. */
export function namedUnits(leaves: LedgerLeaf[]): { name: string; kind: UnitKind }[] {
  const seen = new Map<string, { name: string; kind: UnitKind }>();
  for (const leaf of leaves)
    for (const listed of [leaf.leadUnit ?? '', ...leaf.responsibleUnits]) {
      const name = listed.trim();
      if (name === '' || reachOf(name).type !== 'named') continue;
      const key = canonUnit(name);
      if (key.length >= 2 && !seen.has(key)) seen.set(key, { name, kind: guessUnitKind(name) });
    }
  return [...seen.values()];
}

/**
 * Every unit × leaf the 台账 reaches: `lead` where the unit is the 牵头单位 by name, `responsible` where a 责任单位
 * names it or a collective there reaches its kind (a unit named as 牵头 is not also 责任 of the same leaf). A lead
 * column holding a collective makes each unit it reaches responsible, not lead: one unit leads.
 */
export function assignUnits(leaves: LedgerLeaf[], units: AssignableUnit[]): Assignment[] {
  const out: Assignment[] = [];
  for (const leaf of leaves) {
    const lead = leaf.leadUnit?.trim() ?? '';
    const listed = [lead, ...leaf.responsibleUnits].filter((u) => u.trim() !== '');
    for (const u of units) {
      const names = [u.name, ...u.aliases];
      if (lead !== '' && unitMatches(lead, names)) {
        out.push({ unitId: u.id, criterionCode: leaf.code, role: 'lead' });
        continue;
      }
      const reached = listed.some((l) => unitMatches(l, names) || collectiveReaches(l, u.kind));
      if (reached) out.push({ unitId: u.id, criterionCode: leaf.code, role: 'responsible' });
    }
  }
  return out;
}
