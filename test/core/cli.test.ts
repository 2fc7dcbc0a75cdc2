import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { DEMO_CATALOG, FIXTURES, REPO, testCtx } from '../helpers/ctx';
import { writeCatalog } from '../helpers/catalog';
import { cli } from '../helpers/cli';
import { writeLedgerXlsx } from '../helpers/xlsx';
import { tmpDir } from '../helpers/tmp';

/** Declares criteria 不属本单位职责 through core's handler on the workspace the CLI made (then closes it). */
async function declareInProcess(base: string, ws: string, codes: string[], statement: string): Promise<void> {
  const { ctx } = testCtx(base);
  await call('workspace:open', { dir: ws }, ctx);
  for (const criterionCode of codes) await call('criteria:declare', { criterionCode, statement }, ctx);
  ctx.session.workspace?.close();
}

describe('wangbao CLI', () => {
  it('init --demo → catalog list → scope, with the documented JSON and exit codes', () => {
    const base = tmpDir();
    const ws = join(base, 'ws');
    const init = cli(['init', ws, '--demo', '--year', '2026', '--json'], base);
    expect(init.code).toBe(0);
    expect(init.json()).toEqual({
      workspace: ws,
      unit: '市教育局',
      year: 2026,
      period: { start: '2025-11-01', end: '2026-10-31' },
      criteria: expect.any(Number),
    });
    const list = cli(['catalog', 'list', ws, '--json'], base);
    expect(list.code).toBe(0);
    const criteria = list.json().criteria as Record<string, unknown>[];
    expect(criteria).toHaveLength(init.json().criteria as number);
    for (const key of [
      'code',
      'parentCode',
      'label',
      'seq',
      'level',
      'title',
      'text',
      'methods',
      'points',
      'needsMaterial',
      'requirements',
      'leadUnit',
      'responsibleUnits',
      'deadline',
      'dueDate',
      'frequency',
      'mine',
      'status',
    ])
      expect(criteria[0]).toHaveProperty(key);
    expect(Number.isInteger(criteria[0]!.level)).toBe(true);

    const scope = cli(['scope', ws, '1．1．1', '--mine', '--json'], base);
    expect(scope.code).toBe(0);
    expect(scope.json()).toEqual({ updated: ['1.1.1'], unknown: [] });
    const unknown = cli(['scope', ws, '99.9', '--not-mine', '--json'], base);
    expect(unknown.code).toBe(2);
    expect(unknown.json()).toEqual({ updated: [], unknown: ['99.9'] });
  });

  it('init with --unit, --period, and catalog import with --edition', () => {
    const base = tmpDir();
    const ws = join(base, 'ws');
    const init = cli(
      ['init', ws, '--unit', '市卫健委', '--year', '2025', '--period', '2024-12-01..2025-11-30', '--json'],
      base,
    );
    const human = cli(['init', join(base, 'ws2'), '--unit', '文澜街道', '--unit-kind', '街道乡镇'], base);
    expect(human.stdout).toContain('文澜街道（街道乡镇）');
    const wrong = cli(['init', join(base, 'ws3'), '--unit-kind', '市直'], base);
    expect([wrong.code, wrong.stderr]).toEqual([
      2,
      expect.stringContaining('应为 市直单位、区县、街道乡镇、学校、其他 之一'),
    ]);
    expect(init.json()).toMatchObject({
      unit: '市卫健委',
      period: { start: '2024-12-01', end: '2025-11-30' },
      criteria: 0,
    });
    const imp = cli(['catalog', 'import', ws, DEMO_CATALOG, '--edition', '2025版', '--json'], base);
    expect(imp.code).toBe(0);
    expect(imp.json()).toMatchObject({ edition: '2025版', skipped: [], removedCodes: [] });
    expect(Object.keys(imp.json()).sort()).toEqual([
      'edition',
      'leaves',
      'nodes',
      'removedCodes',
      'skipped',
      'warnings',
    ]);
    // The edition named (2025版) is the workspace's year, but the demo's deadlines are of 2026: said, not silent.
    expect(imp.json().warnings).toEqual([expect.stringMatching(/完成时限的日期（2026 年）不在测评周期/u)]);
    const other = cli(['catalog', 'import', ws, DEMO_CATALOG, '--edition', '2024版'], base);
    expect(other.stderr + other.stdout).toContain('台账的版本是 2024 年');
  });

  it('refused input exits 1, usage and IO errors exit 2, always with {"error"} when there is no result', () => {
    const base = tmpDir();
    const ws = join(base, 'ws');
    cli(['init', ws], base);
    const dup = writeCatalog(base, [
      { code: '1', title: 'a' },
      { code: '1', title: 'b' },
    ]);
    const refused = cli(['catalog', 'import', ws, dup, '--json'], base);
    expect(refused.code).toBe(1);
    expect(refused.json()).toEqual({ error: { code: 'catalog-invalid', message: expect.stringContaining('重复') } });

    const notWs = cli(['catalog', 'list', base, '--json'], base);
    expect(notWs.code).toBe(2);
    expect((notWs.json().error as { code: string }).code).toBe('workspace-invalid');

    const usage = cli(['init'], base);
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe('');
    expect(usage.stderr).toContain('用法');
    expect(cli(['frobnicate'], base).code).toBe(2);
    expect(cli(['init', join(base, 'x'), '--year', 'abc', '--json'], base).code).toBe(2);
    expect(cli(['init', join(base, 'y'), '--period', '2025-10-01..2024-01-01', '--json'], base).json()).toEqual({
      error: { code: 'invalid-args', message: expect.stringContaining('测评周期不正确') },
    });
    const exists = cli(['init', ws, '--json'], base);
    expect(exists.code).toBe(1);
  });

  it('catalog import of a 台账 .xlsx with --sheet and --mapping', async () => {
    const base = tmpDir();
    const ws = join(base, 'ws');
    cli(['init', ws, '--unit', '市教育局', '--year', '2025'], base);
    const file = join(base, '台账.xlsx');
    await writeLedgerXlsx(file);
    const noSheet = cli(['catalog', 'import', ws, file, '--sheet', '填报说明', '--json'], base);
    expect(noSheet.code).toBe(1);
    expect((noSheet.json().error as { message: string }).message).toContain('找不到表头');
    const mapping = join(base, 'mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify({ sheet: '台账', headerRow: 3, columns: { level3: 'D', leadUnit: '牵头单位' } }),
    );
    const r = cli(['catalog', 'import', ws, file, '--mapping', mapping, '--json'], base);
    expect(r.code).toBe(0);
    expect(r.json()).toEqual({
      edition: '2025',
      nodes: 12,
      leaves: 6,
      skipped: [{ row: 11, reason: '整行合并的说明或备注行' }],
      removedCodes: [],
      warnings: [],
    });
    const bySheet = cli(['catalog', 'import', ws, file, '--sheet', '台账', '--edition', '2025版', '--json'], base);
    expect(bySheet.json()).toMatchObject({ edition: '2025版', leaves: 6 });
    writeFileSync(mapping, '{"columns": 5}');
    expect(cli(['catalog', 'import', ws, file, '--mapping', mapping, '--json'], base).code).toBe(1);
  });

  it('attach and materials: the documented results and exit codes', () => {
    const base = tmpDir();
    const ws = join(base, 'ws');
    cli(['init', ws, '--demo'], base);
    const photo = join(FIXTURES, 'photos', 'Canon_40D.jpg');
    const ok = cli(['attach', ws, '３.１.２', photo, '--caption', '地点：市实验小学', '--json'], base);
    expect(ok.code).toBe(0);
    expect(ok.json()).toEqual({
      results: [
        {
          file: photo,
          status: 'added',
          materialId: expect.any(String),
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/u),
          alsoOn: [],
          reason: null,
        },
      ],
    });
    const empty = join(base, 'empty.pdf');
    writeFileSync(empty, '');
    const partly = cli(['attach', ws, '3.1.2', photo, empty, '--json'], base);
    expect(partly.code).toBe(1);
    expect((partly.json().results as { status: string }[]).map((r) => r.status)).toEqual(['duplicate', 'refused']);
    expect(cli(['attach', ws, '99.9', photo, '--json'], base).code).toBe(2);
    expect(cli(['attach', ws, '3.1.2', photo, '--kind', '照骗', '--json'], base).code).toBe(2);
    const list = cli(['materials', ws, '--criterion', '3.1.2', '--json'], base);
    expect(list.code).toBe(0);
    const [m] = list.json().materials as Record<string, unknown>[];
    expect(Object.keys(m!).sort()).toEqual(
      [
        'bytes',
        'caption',
        'criterionCode',
        'eventDate',
        'facts',
        'fileName',
        'id',
        'kind',
        'month',
        'sha256',
        'title',
      ].sort(),
    );
    expect(m).toMatchObject({ criterionCode: '3.1.2', kind: 'photo', caption: { place: '市实验小学' } });
  });

  it('check, declare and reference import: the documented JSON and exit codes', async () => {
    const base = tmpDir();
    const ws = join(base, 'ws');
    cli(['init', ws, '--demo', '--year', '2026'], base);
    const check = cli(['check', ws, '--json'], base);
    expect(check.code).toBe(1); // the demo's own criteria have no materials yet: errors
    const r = check.json() as { summary: Record<string, number>; findings: Record<string, unknown>[] };
    expect(Object.keys(r.summary)).toEqual(['errors', 'warnings', 'infos', 'pointsAtRisk']);
    expect(Object.keys(r.findings[0]!)).toEqual([
      'ruleId',
      'severity',
      'criterionCode',
      'materialId',
      'file',
      'message',
      'pointsAtRisk',
    ]);
    const noMaterials = r.findings.filter((f) => f.ruleId === 'no-materials').map((f) => f.criterionCode as string);
    expect(r.summary.errors).toBe(noMaterials.length);

    // Declaring every one of them 不属本单位职责 leaves no error: exit 0. Two through the CLI, the rest through the
    // same handler in-process (a process per criterion only repeats what the two prove).
    const statement = '该项工作由市文旅局负责，本单位不承担，见市创城办2026年第3号分工通知。';
    for (const code of noMaterials.slice(0, 2)) {
      const d = cli(['declare', ws, code, '--not-responsible', '--statement', statement, '--json'], base);
      expect(d.code).toBe(0);
      expect(d.json()).toMatchObject({ criterionCode: code, declaration: { statement } });
    }
    await declareInProcess(base, ws, noMaterials.slice(2), statement);
    const clean = cli(['check', ws, '--json'], base);
    expect([clean.code, clean.json().summary]).toEqual([0, { errors: 0, warnings: 0, infos: 0, pointsAtRisk: 0 }]);
    expect(cli(['declare', ws, noMaterials[0]!, '--withdraw', '--json'], base).json()).toMatchObject({
      declaration: null,
    });
    expect(cli(['check', ws, '--json'], base).code).toBe(1);

    expect(
      cli(['declare', ws, noMaterials[0]!, '--not-responsible', '--statement', '不归我们', '--json'], base).code,
    ).toBe(1);
    expect(cli(['declare', ws, '９．９', '--not-responsible', '--statement', statement, '--json'], base).code).toBe(2);
    expect(cli(['declare', ws, noMaterials[0]!, '--json'], base).code).toBe(2);

    const folder = join(base, 'last-year');
    mkdirSync(folder);
    copyFileSync(join(FIXTURES, 'photos', 'DSCN0010.jpg'), join(folder, 'a.jpg'));
    const ref = cli(['reference', 'import', ws, folder, '--json'], base);
    expect([ref.code, ref.json()]).toEqual([0, { year: 2025, added: 1, known: 0, skipped: [] }]);
    expect(cli(['reference', 'import', ws, folder, '--year', '2026', '--json'], base).code).toBe(1);
  });

  it('export and verify: the documented JSON and exit codes', () => {
    const base = tmpDir();
    const ws = join(base, 'ws');
    cli(['init', ws, '--demo', '--year', '2026'], base);
    cli(['attach', ws, '3.1.2', join(FIXTURES, 'photos', 'DSCN0010.jpg')], base);
    const out = join(base, 'p.zip');
    const exp = cli(['export', ws, out, '--month', '2026-05', '--json'], base);
    expect(exp.code).toBe(0);
    const r = exp.json();
    expect(Object.keys(r)).toEqual(['path', 'kind', 'month', 'files', 'bytes', 'sha256', 'check']);
    expect(r).toMatchObject({ path: out, kind: 'monthly', month: '2026-05', files: 7 }); // 1 photo, 5 documents, the manifest
    expect(Object.keys(r.check as object)).toEqual(['errors', 'warnings', 'pointsAtRisk']);

    const ok = cli(['verify', out, '--json'], base);
    expect([ok.code, Object.keys(ok.json())]).toEqual([0, ['valid', 'kind', 'unit', 'month', 'problems']]);
    expect(ok.json()).toMatchObject({ valid: true, kind: 'monthly', month: '2026-05', unit: { name: '市教育局' } });
    const bytes = readFileSync(out);
    bytes[bytes.indexOf(Buffer.from('DSCN0010')) + 5000]! ^= 0xff;
    writeFileSync(join(base, 'bad.zip'), bytes);
    const bad = cli(['verify', join(base, 'bad.zip'), '--json'], base);
    expect([bad.code, bad.json().valid]).toEqual([1, false]);
    const notZip = cli(['verify', join(REPO, 'package.json'), '--json'], base);
    expect([notZip.code, (notZip.json().problems as { code: string }[])[0]!.code]).toEqual([2, 'zip-unreadable']);

    // A final package is signed by the 主要负责同志: without one named it is a usage error; with one, refused for
    // the check's errors before the 口令 is tried.
    expect(cli(['export', ws, join(base, 'f.zip'), '--final', '--json'], base).code).toBe(2);
    const pass = join(base, 'pass.txt');
    writeFileSync(pass, '主要口令456\n');
    cli(['signer', 'add', ws, '--name', '李主要', '--level', 'principal', '--passphrase-file', pass], base);
    const final = cli(
      ['export', ws, join(base, 'f.zip'), '--final', '--signer', '李主要', '--passphrase-file', pass, '--json'],
      base,
    );
    expect([final.code, (final.json().error as { code: string }).code]).toEqual([1, 'input-refused']);
    expect(cli(['export', ws, join(base, 'm.zip'), '--month', '2026-13', '--json'], base).code).toBe(2);
    const outside = cli(['export', ws, join(base, 'm.zip'), '--month', '2027-01', '--json'], base);
    expect([outside.code, (outside.json().error as { message: string }).message]).toEqual([
      2,
      expect.stringContaining('不在测评周期（2025-11-01 至 2026-10-31）内'),
    ]);
  });

  it('keeps stdout for the result; log lines go to the log file, and to stderr only with WANGBAO_DEBUG=1', () => {
    const base = tmpDir();
    const r = cli(['init', join(base, 'ws'), '--json'], base, { WANGBAO_DEBUG: '' });
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stderr).toBe('');
    const human = cli(['catalog', 'list', join(base, 'ws')], base, { WANGBAO_DEBUG: '' });
    expect([human.code, human.stderr]).toEqual([0, '']);
    expect(readFileSync(join(base, 'logs', 'wangbao.log'), 'utf8')).toMatch(/ INFO workspace opened read-only: /u);
    const debug = cli(['catalog', 'list', join(base, 'ws'), '--json'], base, { WANGBAO_DEBUG: '1' });
    expect(debug.stderr).toMatch(/ INFO workspace opened read-only: /u);
    expect(() => JSON.parse(debug.stdout)).not.toThrow();
  });
});
