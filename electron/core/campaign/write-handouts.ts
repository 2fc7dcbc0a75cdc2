import { sign, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import yazl from 'yazl';
import { owedRequests } from '@shared/domain/campaign/owed-requests';
import { clampMonth, collectionMonth, monthInPeriod, monthOutsidePeriod } from '@shared/domain/collection';
import { localIsoDate, localIsoTimestamp } from '@shared/domain/period';
import { safeSegment } from '@shared/domain/naming/segment';
import { canonUnit } from '@shared/domain/unit-kind';
import { AppError } from '@shared/ipc/errors';
import type { JsonValue } from '../signoff/canonical-json';
import { unlockSigningKey } from '../signoff/keys';
import { writeAtomically } from '../store/atomic-write';
import { appendAudit } from '../workspace/audit';
import { collectionDayOf, type Workspace } from '../workspace/workspace';
import { deliveredIndex } from './delivered';
import { CAMPAIGN_MESSAGES } from './messages';
import { officeCatalog, owingLeaves, recordHandedCatalog } from './office-catalog';
import type { OfficeRecord } from './office-record';
import { recordOwed, requestsOfUnit } from './office-requests-repo';
import { listAssignments, listUnits, type OfficeUnit } from './units-repo';

export interface HandoutInput {
  outDir: string;
  unitName: string | undefined;
  month: string | undefined;
  passphrase: string;
}

export interface WrittenHandout {
  path: string;
  unit: string;
  requests: number;
}

/**
 * 下发: one signed hand-out zip per unit (HANDOUT-FORMAT.md), all of one run sharing one sequence (the next after
 * the last used). The 口令 unlocks the office key first (a wrong one writes nothing). Then, in one transaction: the
 * catalog handed out is recorded by its hash, each unit's owed 要账 of the month are recorded (met ones left out),
 * and the sequence is taken. Then each zip is written atomically (a temp file renamed into place) into `outDir`.
 * A run that fails after the transaction leaves a gap in the sequence, never a reused number.
 */
export async function writeHandouts(
  ws: Workspace,
  office: OfficeRecord,
  input: HandoutInput,
  now: Date,
): Promise<WrittenHandout[]> {
  const key = await unlockSigningKey(office.sealedKey, input.passphrase);
  const settings = ws.settings();
  const collectionDay = collectionDayOf(settings);
  const today = localIsoDate(now);
  const month = input.month ?? clampMonth(collectionMonth(today, collectionDay), settings.period);
  if (!monthInPeriod(month, settings.period))
    throw new AppError('input-refused', monthOutsidePeriod(month, settings.period), `month ${month}`);
  const catalog = officeCatalog(ws.db);
  const all = listUnits(ws.db);
  if (all.length === 0) throw new AppError('input-refused', CAMPAIGN_MESSAGES.noUnits, 'no units');
  const targets = input.unitName === undefined ? all : [unitNamed(all, input.unitName)];
  const leaves = owingLeaves(ws.db);
  const assignments = listAssignments(ws.db);
  const sequence = office.lastSequence + 1;

  ws.db.transaction(() => {
    recordHandedCatalog(ws.db, catalog, now);
    for (const unit of targets) {
      const mine = assignments.filter((a) => a.unitId === unit.id).flatMap((a) => leaves.get(a.criterionCode) ?? []);
      for (const r of owedRequests(
        unit.id,
        mine,
        month,
        deliveredIndex(ws.db, unit.id, settings.period),
        collectionDay,
        today,
      ))
        recordOwed(ws.db, unit.id, r, now);
    }
    ws.db.prepare('UPDATE office SET last_sequence = ? WHERE id = 1').run(sequence);
    appendAudit(ws.db, now, 'office.handout', {
      sequence,
      month,
      units: targets.map((u) => u.name),
      catalogSha256: catalog.sha256,
    });
  })();

  const issuedAt = localIsoTimestamp(now);
  // "Since the start of the year": of the campaign year, whose period may begin in the calendar year before.
  const yearStart = [settings.period.start, `${settings.year}-01-01`].sort()[0]!;
  const keyDates = ws.db
    .prepare('SELECT date, title, criterion_codes, note FROM key_dates ORDER BY date, id')
    .all() as { date: string; title: string; criterion_codes: string; note: string | null }[];
  const out: WrittenHandout[] = [];
  for (const unit of targets) {
    const requests = requestsOfUnit(ws.db, unit.id);
    const open = requests.filter((r) => r.closedAt === null);
    const json = {
      format: 'wangbao-handout',
      formatVersion: 1,
      office: { id: office.officeId, name: office.name, fingerprint: office.fingerprint },
      issuedAt,
      sequence,
      year: settings.year,
      period: settings.period,
      collectionDay,
      catalog: catalog.object,
      units: all.map((u) => ({ id: u.id, name: u.name, aliases: u.aliases })),
      assignments: assignments
        .filter((a) => a.unitId === unit.id)
        .map((a) => ({ unitId: a.unitId, criterionCode: a.criterionCode, role: a.role })),
      requests: open.map((r) => ({
        id: r.id,
        unitId: r.unitId,
        criterionCode: r.criterionCode,
        month: r.month,
        text: r.text,
        due: r.due,
        ...(r.kind !== null ? { kind: r.kind } : {}),
        ...(r.min !== null ? { min: r.min } : {}),
      })),
      closed: requests
        .filter((r) => r.closedAt !== null && r.closedAt.slice(0, 10) >= yearStart)
        .map((r) => ({ requestId: r.id, closedAt: r.closedAt!, note: r.note ?? '' })),
      keyDates: keyDates.map((k) => ({
        date: k.date,
        title: k.title,
        criterionCodes: JSON.parse(k.criterion_codes) as string[],
        ...(k.note !== null ? { note: k.note } : {}),
      })),
      files: [],
    };
    const stamp = issuedAt.slice(0, 10).replaceAll('-', '');
    const name = `${settings.year}_${segment(office.name)}_下发_${stamp}_${sequence}_${segment(unit.name)}.zip`;
    const path = join(input.outDir, name);
    await writeHandoutZip(path, json, key, office);
    out.push({ path, unit: unit.name, requests: open.length });
  }
  return out;
}

const segment = (s: string): string => safeSegment(s).text;

function unitNamed(units: OfficeUnit[], name: string): OfficeUnit {
  const c = canonUnit(name);
  const found = units.find((u) => [u.name, ...u.aliases].some((n) => canonUnit(n) === c));
  if (!found)
    throw new AppError(
      'input-refused',
      `没有名为“${name}”的单位。已有单位：${units.map((u) => u.name).join('、')}`,
      `--unit ${name}: no such unit`,
    );
  return found;
}

/** handout.json (its exact bytes signed) and handout.sig, UTF-8 names flagged, written atomically. */
async function writeHandoutZip(path: string, json: Record<string, unknown>, key: KeyObject, office: OfficeRecord) {
  const bytes = Buffer.from(`${JSON.stringify(json as JsonValue, null, 1)}\n`, 'utf8');
  const sig = {
    alg: 'Ed25519',
    publicKey: office.publicKey,
    fingerprint: office.fingerprint,
    signer: { name: office.name },
    signature: sign(null, bytes, key).toString('base64'),
  };
  await writeAtomically(path, async (tmp) => {
    const zip = new yazl.ZipFile();
    zip.addBuffer(bytes, 'handout.json', { compress: true });
    zip.addBuffer(Buffer.from(`${JSON.stringify(sig, null, 1)}\n`, 'utf8'), 'handout.sig', { compress: false });
    zip.end();
    await pipeline(zip.outputStream, createWriteStream(tmp));
  });
}
