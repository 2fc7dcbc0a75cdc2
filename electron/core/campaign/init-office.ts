import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { assignUnits, namedUnits } from '@shared/domain/campaign/assign-units';
import type { Period } from '@shared/domain/period';
import { importCatalog } from '../catalog/import-catalog';
import { loadSource } from '../catalog/load-source';
import type { Ctx } from '../context';
import { createSigningKey } from '../signoff/keys';
import { appendAudit } from '../workspace/audit';
import { Workspace, type WorkspaceSettings } from '../workspace/workspace';
import { catalogLeaves } from './catalog-leaves';
import { insertOffice } from './office-record';
import { replaceAssignments, upsertUnits } from './units-repo';

export interface InitOfficeInput {
  dir: string;
  name: string;
  passphrase: string;
  year: number;
  period: Period;
  demo: boolean;
}

/**
 * Makes an office workspace: the same Workspace folder (its settings say `mode: office`, its "unit" is the office
 * itself), with the office's Ed25519 key made here and sealed under the 口令. The key is made first, so a weak 口令
 * is refused before anything exists on disk; a failure after the folder was made removes it (it was empty or absent:
 * Workspace.create refuses anything else). `demo`: the demo catalog and the units its 台账 names, assigned.
 */
export async function initOffice(input: InitOfficeInput, ctx: Ctx): Promise<Workspace> {
  const sealed = await createSigningKey(input.passphrase);
  const now = ctx.platform.now();
  const settings: WorkspaceSettings = {
    unit: { name: input.name, aliases: [], kind: 'other' },
    unitId: randomBytes(16).toString('hex'),
    year: input.year,
    period: input.period,
    createdAt: now.toISOString(),
    createdBy: `wangbao ${ctx.platform.appVersion}`,
    mode: 'office',
  };
  const ws = await Workspace.create(input.dir, settings, { nativeBinding: ctx.platform.nativeBinding });
  try {
    ws.db.transaction(() => {
      insertOffice(ws.db, {
        officeId: settings.unitId,
        name: input.name,
        sealedKey: sealed,
        publicKey: sealed.publicKey,
        fingerprint: sealed.fingerprint,
        createdAt: now.toISOString(),
      });
      appendAudit(ws.db, now, 'office.init', { name: input.name, fingerprint: sealed.fingerprint });
    })();
    if (input.demo) {
      const demo = await loadSource(join(ctx.platform.resourcesDir, 'demo', 'catalog.json'), {});
      importCatalog(ws.db, settings, demo, now);
      const leaves = catalogLeaves(ws.db);
      ws.db.transaction(() => {
        const units = upsertUnits(ws.db, namedUnits(leaves), now);
        replaceAssignments(ws.db, assignUnits(leaves, units));
      })();
    }
  } catch (e) {
    ws.close();
    await rm(input.dir, { recursive: true, force: true });
    throw e;
  }
  return ws;
}
