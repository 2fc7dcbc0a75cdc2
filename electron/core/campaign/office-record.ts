import type Database from 'better-sqlite3';
import { AppError } from '@shared/ipc/errors';
import { requireWorkspace, type Ctx } from '../context';
import type { Workspace } from '../workspace/workspace';
import { CAMPAIGN_MESSAGES } from './messages';

/** The office itself: who it is, its key (sealed under the 口令) and the last hand-out sequence it used. */
export interface OfficeRecord {
  officeId: string;
  name: string;
  sealedKey: unknown;
  publicKey: string;
  fingerprint: string;
  lastSequence: number;
  createdAt: string;
}

interface Row {
  office_id: string;
  name: string;
  sealed_key: string;
  public_key: string;
  fingerprint: string;
  last_sequence: number;
  created_at: string;
}

export function readOffice(db: Database.Database): OfficeRecord | undefined {
  const r = db.prepare('SELECT * FROM office WHERE id = 1').get() as Row | undefined;
  return (
    r && {
      officeId: r.office_id,
      name: r.name,
      sealedKey: JSON.parse(r.sealed_key) as unknown,
      publicKey: r.public_key,
      fingerprint: r.fingerprint,
      lastSequence: r.last_sequence,
      createdAt: r.created_at,
    }
  );
}

export function insertOffice(db: Database.Database, o: Omit<OfficeRecord, 'lastSequence'>): void {
  db.prepare(
    `INSERT INTO office (id, office_id, name, sealed_key, public_key, fingerprint, created_at)
     VALUES (1, ?, ?, ?, ?, ?, ?)`,
  ).run(o.officeId, o.name, JSON.stringify(o.sealedKey), o.publicKey, o.fingerprint, o.createdAt);
}

/** Whether the workspace is a 创城办's (its settings say so and its office row exists). */
export function isOfficeWorkspace(ws: Workspace): boolean {
  return ws.settings().mode === 'office';
}

/** The open workspace and its office, or a clear refusal when the open workspace is a unit's. */
export function requireOffice(ctx: Ctx): { ws: Workspace; office: OfficeRecord } {
  const ws = requireWorkspace(ctx);
  const office = isOfficeWorkspace(ws) ? readOffice(ws.db) : undefined;
  if (!office) throw new AppError('input-refused', CAMPAIGN_MESSAGES.notOffice, `not an office workspace: ${ws.dir}`);
  return { ws, office };
}

/** Refuses a unit's operation on an office workspace (attach, export, hand-out import…). */
export function refuseOfficeWorkspace(ws: Workspace): void {
  if (isOfficeWorkspace(ws))
    throw new AppError('input-refused', CAMPAIGN_MESSAGES.isOffice, `office workspace: ${ws.dir}`);
}
