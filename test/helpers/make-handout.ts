import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import type { CatalogNodeInput } from '@shared/schemas/catalog-file';
import { publicKeyInfo } from '../../electron/core/signoff/public-keys';
import { writeZip, type ZipItem } from './zips';

/**
 * Writes a 创城办 hand-out exactly as HANDOUT-FORMAT.md describes it — `handout.json`, `handout.sig` (Ed25519 over
 * its exact bytes, the office's real key) and `附件/…` listed in `files` — until the office mode (issue 17) makes real
 * ones. Every field can be overridden, and `tamper` reaches the bytes after signing, for the hostile cases.
 */

/** An office's signing key: generate one per test city and pass it to every hand-out of that office. */
export interface OfficeKey {
  privateKey: KeyObject;
  publicKey: string;
  fingerprint: string;
}

export function officeKey(): OfficeKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { privateKey, ...publicKeyInfo(privateKey) };
}

export interface HandoutUnit {
  id: string;
  name: string;
  aliases?: string[];
}

export interface HandoutSpec {
  key: OfficeKey;
  office?: { id: string; name: string };
  sequence?: number;
  year?: number;
  period?: { start: string; end: string };
  collectionDay?: number;
  issuedAt?: string;
  /** The catalog's nodes (a whole wangbao-catalog file is built around them) and edition. */
  nodes: CatalogNodeInput[];
  edition?: string;
  ruleProfile?: unknown;
  units: HandoutUnit[];
  assignments?: { unitId: string; criterionCode: string; role: 'lead' | 'responsible' }[];
  requests?: {
    id: string;
    unitId: string;
    criterionCode: string;
    month: string;
    text: string;
    due?: string;
    kind?: string;
    min?: number;
  }[];
  closed?: { requestId: string; closedAt: string; note: string }[];
  keyDates?: { date: string; title: string; criterionCodes: string[]; note?: string }[];
  /** Attachments: written under `附件/` and listed in `files`. */
  attachments?: { name: string; bytes: Buffer }[];
  /** Changes the parsed JSON before it is serialised and signed (fields the spec above does not reach). */
  edit?: (json: Record<string, unknown>) => void;
  /** Changes the zip's entries after signing (a broken signature, an unlisted file…). */
  tamper?: (items: ZipItem[]) => ZipItem[];
  /** Signs with this key instead of `key` (the `handout.sig` then names it). */
  signWith?: OfficeKey;
}

export interface WrittenHandout {
  path: string;
  json: Record<string, unknown>;
  bytes: Buffer;
}

/** The catalog object a hand-out carries: a whole catalog file, format 1. */
export function handoutCatalog(nodes: CatalogNodeInput[], edition = '2026', ruleProfile?: unknown) {
  return {
    format: 'wangbao-catalog',
    formatVersion: 1,
    edition,
    nodes,
    ...(ruleProfile === undefined ? {} : { ruleProfile }),
  };
}

/** Writes the hand-out zip into `dir` under the standard name and returns its path and content. */
export async function writeHandout(dir: string, spec: HandoutSpec, fileName?: string): Promise<WrittenHandout> {
  const office = spec.office ?? { id: 'office-1', name: '示例市创城办' };
  const year = spec.year ?? 2026;
  const sequence = spec.sequence ?? 1;
  const attachments = (spec.attachments ?? []).map((a) => ({ path: `附件/${a.name}`, bytes: a.bytes }));
  const json: Record<string, unknown> = {
    format: 'wangbao-handout',
    formatVersion: 1,
    office: { id: office.id, name: office.name, fingerprint: spec.key.fingerprint },
    issuedAt: spec.issuedAt ?? `${year}-06-01T09:00:00+08:00`,
    sequence,
    year,
    period: spec.period ?? { start: `${year - 1}-11-01`, end: `${year}-10-31` },
    ...(spec.collectionDay === undefined ? {} : { collectionDay: spec.collectionDay }),
    catalog: handoutCatalog(spec.nodes, spec.edition ?? String(year), spec.ruleProfile),
    units: spec.units.map((u) => ({ id: u.id, name: u.name, aliases: u.aliases ?? [] })),
    assignments: spec.assignments ?? [],
    requests: spec.requests ?? [],
    closed: spec.closed ?? [],
    keyDates: spec.keyDates ?? [],
    files: attachments.map((a) => ({
      path: a.path,
      sha256: createHash('sha256').update(a.bytes).digest('hex'),
      bytes: a.bytes.length,
    })),
  };
  spec.edit?.(json);
  const bytes = Buffer.from(`${JSON.stringify(json, null, 1)}\n`);
  const signer = spec.signWith ?? spec.key;
  const sig = {
    alg: 'Ed25519',
    publicKey: signer.publicKey,
    fingerprint: signer.fingerprint,
    signer: { name: office.name },
    signature: sign(null, bytes, signer.privateKey).toString('base64'),
  };
  let items: ZipItem[] = [
    { name: 'handout.json', bytes, compress: true },
    { name: 'handout.sig', bytes: Buffer.from(`${JSON.stringify(sig, null, 1)}\n`) },
    ...attachments.map((a) => ({ name: a.path, bytes: a.bytes })),
  ];
  if (spec.tamper) items = spec.tamper(items);
  const stamp = String(json.issuedAt).slice(0, 10).replaceAll('-', '');
  const path = join(dir, fileName ?? `${year}_${office.name}_下发_${stamp}_${sequence}.zip`);
  await writeZip(path, items);
  return { path, json, bytes };
}
