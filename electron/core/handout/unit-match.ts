import { HANDOUT_MESSAGES as M, refused } from './messages';

/** A unit as a hand-out lists it. */
export interface ListedUnit {
  id: string;
  name: string;
  aliases: string[];
}

/** Names compare after NFKC (full-width letters and digits) and trimming: `市教育局 ` is `市教育局`. */
const canon = (s: string): string => s.normalize('NFKC').trim();

/** The units whose name or one of whose aliases is one of `names` (exactly, after NFKC and trimming). */
export function unitsNamed(units: ListedUnit[], names: string[]): ListedUnit[] {
  const wanted = new Set(names.map(canon).filter((n) => n !== ''));
  return units.filter((u) => [u.name, ...u.aliases].some((n) => wanted.has(canon(n))));
}

/**
 * Which of the hand-out's units this workspace is: the one the officer chose (`unitId`, which must be listed), else
 * the one on record from the last hand-out while it is still listed, else the one unit whose name or alias is the
 * workspace's unit name or alias. Null when none or several match: the officer chooses (`unitId`).
 */
export function chooseUnit(
  units: ListedUnit[],
  opts: { unitId: string | undefined; recorded: string | undefined; names: string[] },
): ListedUnit | null {
  if (opts.unitId !== undefined) {
    const chosen = units.find((u) => u.id === opts.unitId);
    if (!chosen)
      throw refused(M.unknownUnitId(opts.unitId), `unitId ${opts.unitId} is not one of the hand-out's units`);
    return chosen;
  }
  const recorded = units.find((u) => u.id === opts.recorded);
  if (recorded) return recorded;
  const named = unitsNamed(units, opts.names);
  return named.length === 1 ? named[0]! : null;
}

/** The hand-out's unit called `name` (its name or an alias), for the CLI's `--unit`; refused when none or several. */
export function unitByName(units: ListedUnit[], name: string): ListedUnit {
  const named = unitsNamed(units, [name]);
  const list = (us: ListedUnit[]) => us.map((u) => u.name).join('、');
  if (named.length === 0) throw refused(M.unitNameNone(name, list(units)), `--unit ${name}: no unit of that name`);
  if (named.length > 1) throw refused(M.unitNameMany(name, list(named)), `--unit ${name}: ${named.length} units`);
  return named[0]!;
}
