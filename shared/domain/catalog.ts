import type { CatalogFile, CatalogNodeInput } from '../schemas/catalog-file';
import { deriveCode, normalizeCode } from './codes';
import { parseDeadline } from './deadline';
import { isIsoDate } from './period';
import { parseKind, parseRequirementsText, type Requirement } from './requirements';
import { FREQUENCIES, METHODS, parseValue, type Frequency, type Method } from './value-sets';

/** One node of a 测评体系 after import: every field normalised (see the README's catalog section). */
export interface CatalogNode {
  code: string;
  parentCode: string | null;
  /** The numbering as printed (`（一）`), or null. */
  label: string | null;
  /** A running row number such as 序号, kept but never used as the code. */
  seq: string | null;
  level: number;
  /** Order among the whole catalog (depth-first), for display. */
  position: number;
  title: string;
  text: string;
  methods: Method[];
  points: number | null;
  needsMaterial: boolean;
  requirements: Requirement[];
  leadUnit: string | null;
  responsibleUnits: string[];
  deadline: string | null;
  dueDate: string | null;
  frequency: Frequency | null;
}

export interface SkippedRow {
  /** The node's `row` (a spreadsheet row) or its 1-based ordinal in the file, in document order. */
  row: number;
  reason: string;
}

export interface BuiltCatalog {
  edition: string;
  nodes: CatalogNode[];
  skipped: SkippedRow[];
  /** Faults that make the whole file unusable (duplicate codes, cycles): nothing may be imported. */
  errors: string[];
}

interface Pending {
  /** Ordinal in document order: the node's identity while building. */
  id: number;
  /** What messages call it: its `row` (a spreadsheet row) or its ordinal. */
  row: number;
  input: CatalogNodeInput;
  parentId: number | null;
  parentRef: string | null;
}

/**
 * Turns a parsed catalog file into normalised nodes: derives codes, inherits methods and units from ancestors,
 * parses points, methods, units, requirements and deadlines. Pure; the caller decides what to do with `errors`.
 */
export function buildCatalog(file: CatalogFile): BuiltCatalog {
  const pending = flatten(file.nodes);
  const skipped: SkippedRow[] = [];
  const errors: string[] = [];
  const placed = new Map<number, CatalogNode>();
  const codeRows = new Map<string, number>();
  const childCount = new Map<string | null, number>();
  const children = new Map<number | string | null, Pending[]>();
  const skippedIds = new Set<number>();
  for (const p of pending) {
    if ((p.input.title ?? '').trim() === '' && (p.input.code ?? p.input.label ?? '').trim() === '') {
      skipped.push({ row: p.row, reason: '既无编号也无标题，无法确定是哪一条标准' });
      skippedIds.add(p.id);
      continue;
    }
    const key = p.parentRef ?? p.parentId;
    const siblings = children.get(key);
    if (siblings) siblings.push(p);
    else children.set(key, [p]);
  }
  const ordered: CatalogNode[] = [];
  const place = (p: Pending, parent: CatalogNode | null): void => {
    const position = (childCount.get(parent?.code ?? null) ?? 0) + 1;
    childCount.set(parent?.code ?? null, position);
    const node = toNode(p.input, parent, position);
    const dup = codeRows.get(node.code);
    if (dup !== undefined) {
      errors.push(`编号“${node.code}”重复（第 ${dup} 条与第 ${p.row} 条）`);
      return;
    }
    codeRows.set(node.code, p.row);
    placed.set(p.id, node);
    ordered.push(node);
    for (const child of [...(children.get(p.id) ?? []), ...(children.get(`#${node.code}`) ?? [])]) place(child, node);
    if (ordered.length > 200_000) throw new Error('catalog too large');
  };
  for (const root of children.get(null) ?? []) place(root, null);
  reportUnplaced(pending, placed, skippedIds, skipped, errors);
  ordered.forEach((n, i) => (n.position = i + 1));
  return { edition: file.edition, nodes: ordered, skipped, errors: [...new Set(errors)] };
}

/** Nodes never placed: a `parent` chain that loops is an error, one that leads nowhere is skipped. */
function reportUnplaced(
  pending: Pending[],
  placed: Map<number, CatalogNode>,
  alreadySkipped: Set<number>,
  skipped: SkippedRow[],
  errors: string[],
): void {
  const unplaced = pending.filter((p) => !placed.has(p.id) && !alreadySkipped.has(p.id));
  const byCode = new Map<string, Pending>();
  for (const p of unplaced) if (p.input.code !== undefined) byCode.set(normalizeCode(p.input.code), p);
  for (const p of unplaced) {
    if (p.parentRef === null) {
      skipped.push({ row: p.row, reason: '其上级未能导入' });
      continue;
    }
    const seen = new Set([p.id]);
    let cur: Pending | undefined = p;
    let cycle = false;
    while (cur?.parentRef) {
      cur = byCode.get(cur.parentRef.slice(1));
      if (cur === undefined) break;
      if (seen.has(cur.id)) {
        cycle = true;
        break;
      }
      seen.add(cur.id);
    }
    const ref = p.parentRef.slice(1);
    if (cycle) errors.push(`第 ${p.row} 条的上级“${ref}”形成循环引用`);
    else skipped.push({ row: p.row, reason: byCode.has(ref) ? '其上级未能导入' : `上级编号“${ref}”不存在` });
  }
}

/** How many nodes have no children (the 测评标准 that carry materials). */
export function countLeaves(nodes: Pick<CatalogNode, 'code' | 'parentCode'>[]): number {
  const parents = new Set(nodes.map((n) => n.parentCode));
  return nodes.filter((n) => !parents.has(n.code)).length;
}

/** Depth-first list of every node, with its nesting parent or its `parent` reference (prefixed `#`). */
function flatten(roots: CatalogNodeInput[]): Pending[] {
  const out: Pending[] = [];
  const stack: { input: CatalogNodeInput; parentId: number | null }[] = roots
    .map((input) => ({ input, parentId: null as number | null }))
    .reverse();
  while (stack.length > 0) {
    const { input, parentId } = stack.pop()!;
    const id = out.length + 1;
    const parentRef = input.parent !== undefined && parentId === null ? `#${normalizeCode(input.parent)}` : null;
    out.push({ id, row: input.row ?? id, input, parentId: parentRef === null ? parentId : null, parentRef });
    for (const c of [...(input.children ?? [])].reverse()) stack.push({ input: c, parentId: id });
  }
  return out;
}

function toNode(n: CatalogNodeInput, parent: CatalogNode | null, position: number): CatalogNode {
  const code = deriveCode({ code: n.code, label: n.label, parentCode: parent?.code ?? null, position });
  const ownMethods = parseMethods(n.methods);
  const methods = ownMethods.length > 0 ? ownMethods : (parent?.methods ?? []);
  const schedule = ownSchedule(n) ?? {
    deadline: parent?.deadline ?? null,
    dueDate: parent?.dueDate ?? null,
    frequency: parent?.frequency ?? null,
  };
  const hasOwnUnits = n.leadUnit !== undefined || n.responsibleUnits !== undefined;
  const requirements = parseRequirements(n.requirements);
  return {
    code,
    parentCode: parent?.code ?? null,
    label: n.label?.trim() || null,
    seq: n.seq === undefined ? null : String(n.seq).normalize('NFKC').trim(), // `５` → `5`, like codes
    level: (parent?.level ?? 0) + 1,
    position,
    title: (n.title ?? '').trim(),
    text: (n.text ?? '').trim(),
    methods,
    points: parsePoints(n.points),
    // 网上申报 among its methods; with no method known at all, a standard that asks for material plainly needs it.
    needsMaterial: methods.includes('online') || (methods.length === 0 && requirements.length > 0),
    requirements,
    leadUnit: hasOwnUnits ? n.leadUnit?.trim() || null : (parent?.leadUnit ?? null),
    responsibleUnits: hasOwnUnits ? splitUnits(n.responsibleUnits) : (parent?.responsibleUnits ?? []),
    ...schedule,
  };
}

/** The node's own deadline, due date and frequency; undefined when it gives none (then the parent's apply). */
function ownSchedule(n: CatalogNodeInput): Pick<CatalogNode, 'deadline' | 'dueDate' | 'frequency'> | undefined {
  const deadline = n.deadline?.trim() || null;
  if (deadline === null && !n.dueDate && !n.frequency) return undefined;
  const parsed = deadline === null ? { dueDate: null, frequency: null } : parseDeadline(deadline);
  const frequency = n.frequency ? (parseValue(FREQUENCIES, n.frequency) ?? null) : null;
  return {
    deadline,
    dueDate: n.dueDate && isIsoDate(n.dueDate) ? n.dueDate : parsed.dueDate,
    frequency: frequency ?? parsed.frequency,
  };
}

const LIST_SEPARATORS = /[、，,；;／/\n]+/u;

/** Reads methods given as ids or labels, as a list or one string (`实地考察、网上申报`). Unknown words are dropped. */
export function parseMethods(input: string[] | string | undefined): Method[] {
  const words = typeof input === 'string' ? input.split(LIST_SEPARATORS) : (input ?? []);
  const out = new Set<Method>();
  for (const w of words) {
    const id = parseValue(
      METHODS,
      w
        .normalize('NFKC')
        .replace(/[（(].*?[)）]/gu, '')
        .trim(),
    );
    if (id !== undefined) out.add(id);
    else if (/网上申报|材料审核/u.test(w)) out.add('online');
  }
  return [...out];
}

/**
 * Splits a unit list (`市教育局、市卫健委`) into names; a separator inside brackets belongs to the name
 * (`各县（市、区）` is one collective, not `各县（市` and `区）`).
 */
export function splitUnits(input: string[] | string | undefined): string[] {
  const words = typeof input === 'string' ? splitOutsideBrackets(input) : (input ?? []);
  return words.map((w) => w.trim()).filter((w) => w !== '');
}

function splitOutsideBrackets(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let word = '';
  for (const ch of text) {
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    if (depth === 0 && LIST_SEPARATORS.test(ch)) {
      out.push(word);
      word = '';
    } else word += ch;
  }
  return [...out, word];
}

/** Reads points as a number: `2`, `"2分"`, `"１.５"`; null when none is given or readable. */
export function parsePoints(input: number | string | null | undefined): number | null {
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  if (typeof input !== 'string') return null;
  const m = /\d+(?:\.\d+)?/u.exec(input.normalize('NFKC'));
  return m ? Number(m[0]) : null;
}

function parseRequirements(input: CatalogNodeInput['requirements']): Requirement[] {
  if (input === undefined) return [];
  if (typeof input === 'string') return parseRequirementsText(input);
  // A kind this app does not know is kept as `other` with its words, never dropped.
  return input.map((r) => ({
    kind: parseKind(r.kind) ?? 'other',
    min: r.min ?? 1,
    text: r.text || (parseKind(r.kind) === undefined ? r.kind : ''),
    ...(r.per ? { per: r.per } : {}),
    ...(r.groupSize && r.groupSize > 1 ? { groupSize: r.groupSize } : {}),
  }));
}
