import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { readPublicKey, verifySignature } from '../../electron/core/signoff/public-keys';
import { testCtx } from '../helpers/ctx';
import { tmpDir } from '../helpers/tmp';
import { readZip } from '../helpers/zips';

const PASS = '创城办口令2026';

/** A demo office (the demo catalog and the units it names) and its context. */
async function demoOffice() {
  const base = tmpDir();
  const t = testCtx(join(base, 'office-side'));
  const office = await call(
    'office:init',
    { dir: join(base, 'office'), name: '示例市创城办', passphrase: PASS, year: 2026, demo: true },
    t.ctx,
  );
  return { base, ...t, office };
}

/** A real unit workspace, made as the app makes one, in its own session. */
async function unitWorkspace(base: string, unit: string) {
  const t = testCtx(join(base, `unit-side-${unit}`));
  await call('workspace:create', { dir: join(base, unit), unit, year: 2026 }, t.ctx);
  return t;
}

describe('office handout', () => {
  it('writes one signed zip per unit that a real unit workspace imports; the sequence grows; the catalog hash is recorded', async () => {
    const { base, ctx, office } = await demoOffice();
    const out = join(base, 'out');
    const r = await call('office:handout', { out, month: '2026-04', passphrase: PASS }, ctx);
    const units = await call('office:unitsImport', { file: join('resources', 'demo', 'catalog.json') }, ctx);
    expect(r.files.map((f) => f.unit)).toStrictEqual(units.units.map((u) => u.name));
    expect(readdirSync(out).sort()).toStrictEqual(r.files.map((f) => f.path.slice(out.length + 1)).sort());
    const edu = r.files.find((f) => f.unit === '市教育局')!;
    expect(edu.path).toMatch(/2026_示例市创城办_下发_\d{8}_1_市教育局\.zip$/u);
    expect(edu.requests).toBeGreaterThan(0);

    // HANDOUT-FORMAT.md to the letter: two entries, the signature over handout.json's exact bytes by the office key.
    const items = await readZip(edu.path);
    expect(items.map((i) => i.name)).toStrictEqual(['handout.json', 'handout.sig']);
    const json = JSON.parse(items[0]!.bytes.toString('utf8')) as Record<string, unknown> & {
      requests: { unitId: string; month: string; kind?: string; min?: number }[];
      units: { id: string; name: string }[];
    };
    const sig = JSON.parse(items[1]!.bytes.toString('utf8')) as {
      publicKey: string;
      fingerprint: string;
      signature: string;
    };
    expect(sig.fingerprint).toBe(office.fingerprint);
    expect(verifySignature(items[0]!.bytes, readPublicKey(sig.publicKey)!, sig.signature)).toBe(true);
    expect(json).toMatchObject({
      format: 'wangbao-handout',
      formatVersion: 1,
      sequence: 1,
      year: 2026,
      collectionDay: 5,
    });
    const eduId = json.units.find((u) => u.name === '市教育局')!.id;
    expect(json.requests).toHaveLength(edu.requests);
    expect(json.requests.every((q) => q.unitId === eduId && q.month === '2026-04' && (q.min ?? 0) >= 1)).toBe(true);

    // The real unit side takes it.
    const unit = await unitWorkspace(base, '市教育局');
    const imported = await call('handout:import', { file: edu.path, acceptNewKey: false }, unit.ctx);
    expect(imported).toMatchObject({ applied: true, sequence: 1, unit: { id: eduId } });
    expect(imported!.office).toMatchObject({ fingerprint: office.fingerprint, firstSight: true });
    expect(imported!.requests.new).toBe(edu.requests);
    const ws = unit.ctx.session.workspace!;
    const unitCatalog = ws.db.prepare('SELECT sha256 FROM catalog_versions ORDER BY id DESC LIMIT 1').pluck().get();
    const officeDb = ctx.session.workspace!.db;
    expect(officeDb.prepare('SELECT sha256 FROM office_catalogs').pluck().all()).toStrictEqual([unitCatalog]);

    // The next hand-out: sequence 2, the same requests (same ids: the unit updates, never duplicates).
    const next = await call('office:handout', { out, unit: '教育局', month: '2026-04', passphrase: PASS }, ctx).catch(
      (e: unknown) => e,
    );
    expect(next).toMatchObject({ code: 'input-refused' }); // no alias 教育局 given: the name must match
    const again = await call('office:handout', { out, unit: '市教育局', month: '2026-04', passphrase: PASS }, ctx);
    expect(again.files).toHaveLength(1);
    expect(again.files[0]!.path).toMatch(/_2_市教育局\.zip$/u);
    const second = await call('handout:import', { file: again.files[0]!.path, acceptNewKey: false }, unit.ctx);
    expect(second).toMatchObject({ applied: true, sequence: 2, requests: { new: 0 } });
    expect(ws.db.prepare("SELECT count(*) FROM requests WHERE source = 'office'").pluck().get()).toBe(edu.requests);
  });

  it('a wrong 口令 writes nothing and uses no sequence; a month outside the period is refused', async () => {
    const { base, ctx } = await demoOffice();
    const out = join(base, 'out');
    await expect(call('office:handout', { out, passphrase: '不是这个口令123' }, ctx)).rejects.toMatchObject({
      code: 'passphrase-wrong',
    });
    await expect(call('office:handout', { out, month: '2027-03', passphrase: PASS }, ctx)).rejects.toMatchObject({
      code: 'input-refused',
    });
    const db = ctx.session.workspace!.db;
    expect(db.prepare('SELECT last_sequence FROM office').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM office_requests').pluck().get()).toBe(0);
    const r = await call('office:handout', { out, unit: '市教育局', month: '2026-04', passphrase: PASS }, ctx);
    expect(r.files[0]!.path).toMatch(/_1_市教育局\.zip$/u);
  });

  it('销号 by hand travels in the next hand-out’s closed list; reopened, the request is sent as open again', async () => {
    const { base, ctx } = await demoOffice();
    const first = await call(
      'office:handout',
      { out: join(base, 'a'), unit: '市教育局', month: '2026-04', passphrase: PASS },
      ctx,
    );
    const handed = async (dir: string) => {
      const r = await call(
        'office:handout',
        { out: join(base, dir), unit: '市教育局', month: '2026-04', passphrase: PASS },
        ctx,
      );
      const [json] = await readZip(r.files[0]!.path);
      return JSON.parse(json!.bytes.toString('utf8')) as {
        requests: { id: string }[];
        closed: { requestId: string; note: string }[];
      };
    };
    const before = await handed('b');
    expect(before.requests).toHaveLength(first.files[0]!.requests);
    const id = before.requests[0]!.id;
    const closed = await call('office:requestClose', { id, note: '已电话核实，材料以纸质报送' }, ctx);
    expect(closed).toMatchObject({ id, unit: '市教育局', closedBy: 'office', note: '已电话核实，材料以纸质报送' });
    await expect(call('office:requestClose', { id, note: '再次' }, ctx)).rejects.toMatchObject({
      code: 'input-refused',
    });
    const after = await handed('c');
    expect(after.requests.map((r) => r.id)).not.toContain(id);
    expect(after.closed).toStrictEqual([
      { requestId: id, closedAt: closed.closedAt, note: '已电话核实，材料以纸质报送' },
    ]);
    await call('office:requestReopen', { id }, ctx);
    const reopened = await handed('d');
    expect(reopened.requests.map((r) => r.id)).toContain(id);
    expect(reopened.closed).toStrictEqual([]);
  });

  it('a unit workspace cannot hand out', async () => {
    const base = tmpDir();
    const unit = await unitWorkspace(base, '市教育局');
    await expect(call('office:handout', { out: join(base, 'out'), passphrase: PASS }, unit.ctx)).rejects.toMatchObject({
      code: 'input-refused',
      message: expect.stringMatching(/不是创城办工作区/u) as unknown,
    });
  });
});
