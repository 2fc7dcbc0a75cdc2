import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import type { AppEvent } from '@shared/ipc/events';
import { cityUnits, makeOffice, makeUnit, OFFICE_PASS } from '../helpers/city';
import { tmpDir } from '../helpers/tmp';
import { editPackage } from '../helpers/zips';

const UNITS = 32;

/**
 * A generated city: 32 unit workspaces, each taking its real hand-out and exporting a real package (tiny photos,
 * one criterion each; two of them signed off), plus one tampered copy, taken in as one folder with progress events.
 */
describe('a generated city', () => {
  it(`${UNITS} units’ real packages taken in as a folder; the tampered one refused; status over all of them`, async () => {
    const base = tmpDir();
    const office = await makeOffice(base);
    const unitsFile = join(base, 'units.json');
    writeFileSync(unitsFile, JSON.stringify({ units: cityUnits(UNITS) }));
    const listed = await call('office:unitsImport', { file: unitsFile }, office.ctx);
    const generated = listed.units.filter((u) => u.name.startsWith('示例市第'));
    expect(generated).toHaveLength(UNITS);
    expect(generated.every((u) => u.assigned > 0)).toBe(true);

    const h = await call(
      'office:handout',
      { out: join(base, 'h'), month: '2026-04', passphrase: OFFICE_PASS },
      office.ctx,
    );
    const inbox = join(base, 'inbox');
    mkdirSync(join(inbox, '第一批'), { recursive: true });
    const made: string[] = [];
    for (const [i, u] of generated.entries()) {
      const unit = await makeUnit(base, u.name);
      await unit.importHandout(h.files.find((f) => f.unit === u.name)!.path);
      const ask = unit
        .db()
        .prepare("SELECT criterion_code, kind, min FROM requests WHERE source = 'office' ORDER BY id LIMIT 1")
        .get() as {
        criterion_code: string;
        kind: string | null;
        min: number;
      };
      await unit.attachPhotos(ask.criterion_code, ask.min, '2026-04', 1000 + i, ask.kind ?? 'photo');
      if (i < 2) await unit.signOff([ask.criterion_code]);
      made.push(await unit.exportPackage(join(inbox, i % 2 ? '第一批' : '', `${i}.zip`), '2026-04'));
    }
    const tampered = join(inbox, 'tampered.zip');
    await editPackage(made[0]!, tampered, (m) => void (m.files[0]!.sha256 = '0'.repeat(64)));

    const events: AppEvent[] = [];
    office.ctx.emit = (e) => events.push(e);
    const jobId = '8d6f3c7e-3b8a-4d1e-9a2b-1c2d3e4f5a6b';
    const r = await call('office:import', { paths: [inbox], jobId }, office.ctx);
    expect(r.packages).toHaveLength(UNITS + 1);
    const refused = r.packages.filter((p) => !p.accepted);
    expect(refused.map((p) => p.file)).toStrictEqual([tampered]);
    expect(refused[0]!.problems.map((p) => p.code)).toContain('file-hash-mismatch');
    expect(r.packages.filter((p) => p.accepted && p.current && !p.duplicate)).toHaveLength(UNITS);
    const progress = events.filter((e) => e.type === 'progress' && e.jobId === jobId) as {
      done: number;
      total: number;
    }[];
    expect(progress.at(-1)).toMatchObject({ done: UNITS + 1, total: UNITS + 1 });

    const status = await call('office:status', {}, office.ctx);
    const rows = status.units.filter((u) => u.unit.startsWith('示例市第'));
    expect(rows.every((u) => u.lastPackage !== null && u.missing < u.assigned)).toBe(true);
    // City-wide points at risk count each criterion once: the points of every criterion with a cell at risk.
    const points = new Map(
      (office.db().prepare('SELECT code, points FROM criteria').all() as { code: string; points: number | null }[]).map(
        (c) => [c.code, c.points ?? 0],
      ),
    );
    const atRisk = status.criteria.filter((c) =>
      Object.values(c.units).some((s) => s === 'missing' || s === 'incomplete' || s === 'at-risk'),
    );
    expect(status.pointsAtRisk).toBeCloseTo(
      atRisk.reduce((n, c) => n + points.get(c.code)!, 0),
      5,
    );
    expect(status.pointsAtRisk).toBeLessThan(status.units.reduce((n, u) => n + u.pointsAtRisk, 0));
  }, 300_000);
});
