import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BUILT_CLI, cli } from '../helpers/cli';
import { FIXTURES } from '../helpers/ctx';
import { tmpDir } from '../helpers/tmp';

describe('wangbao signer, review and log verify', () => {
  it('the documented JSON, to the letter, and exit codes', () => {
    const base = tmpDir();
    const ws = join(base, 'ws');
    cli(['init', ws, '--demo', '--year', '2026'], base);
    cli(['attach', ws, '3.1.2', join(FIXTURES, 'photos', 'DSCN0010.jpg')], base);
    const leaderPass = join(base, 'leader.txt');
    writeFileSync(leaderPass, '分管口令123\n第二行不算\n');

    const added = cli(
      ['signer', 'add', ws, '--name', '王分管', '--level', 'leader', '--passphrase-file', leaderPass, '--json'],
      base,
    );
    expect(added.code).toBe(0);
    expect(Object.keys(added.json())).toEqual(['name', 'level', 'fingerprint']);
    expect(added.json()).toMatchObject({
      name: '王分管',
      level: 'leader',
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/u),
    });
    // The 口令 from standard input with `-`.
    const principal = spawnSync(
      process.execPath,
      [BUILT_CLI, 'signer', 'add', ws, '--name', '李主要', '--level', 'principal', '--passphrase-file', '-', '--json'],
      { input: '主要口令456\n', encoding: 'utf8', env: { ...process.env, WANGBAO_USER_DATA: base } },
    );
    expect(principal.status).toBe(0);
    expect(
      cli(['signer', 'add', ws, '--name', 'x', '--level', 'boss', '--passphrase-file', leaderPass], base).code,
    ).not.toBe(0);

    const list = cli(['signer', 'list', ws, '--json'], base);
    expect(list.code).toBe(0);
    const signers = list.json().signers as Record<string, unknown>[];
    expect(signers.map((s) => Object.keys(s))).toEqual(Array(2).fill(['name', 'level', 'fingerprint', 'retired']));
    expect(signers.map((s) => [s.name, s.level, s.retired])).toEqual([
      ['王分管', 'leader', false],
      ['李主要', 'principal', false],
    ]);

    const review = (args: string[]) => cli(['review', ws, ...args, '--json'], base);
    const ok = review(['3.1.2', '--approve', '--signer', '王分管', '--passphrase-file', leaderPass]);
    expect(ok.code).toBe(0);
    const reviews = ok.json().reviews as Record<string, unknown>[];
    expect(reviews.map((r) => Object.keys(r))).toEqual([['criterionCode', 'level', 'decision', 'contentSha256']]);
    expect(reviews[0]).toMatchObject({ criterionCode: '3.1.2', level: 'leader', decision: 'approve' });

    const wrong = join(base, 'wrong.txt');
    writeFileSync(wrong, '不是这个口令\n');
    expect(review(['3.1.2', '--approve', '--signer', '王分管', '--passphrase-file', wrong]).code).toBe(1);
    expect(review(['3.1.2', '--return', '--signer', '王分管', '--passphrase-file', leaderPass]).code).toBe(1);
    expect(review(['3.1.1', '--approve', '--signer', '李主要', '--passphrase-file', leaderPass]).code).toBe(1);
    expect(review(['9.9.9', '--approve', '--signer', '王分管', '--passphrase-file', leaderPass]).code).toBe(2);
    expect(review(['3.1.2', '--approve', '--signer', '无此人', '--passphrase-file', leaderPass]).code).toBe(2);
    expect(review(['3.1.2', '--approve', '--return', '--signer', '王分管', '--passphrase-file', leaderPass]).code).toBe(
      2,
    );

    // `materials` and `catalog list` carry each criterion's review: {leader, principal}, each null or 4 fields.
    const listed = (
      cli(['catalog', 'list', ws, '--json'], base).json().criteria as { code: string; review: unknown }[]
    ).find((c) => c.code === '3.1.2')!;
    expect(listed.review).toEqual({
      leader: { decision: 'approve', signer: '王分管', at: expect.any(String), stale: false },
      principal: null,
    });

    const log = cli(['log', 'verify', ws, '--json'], base);
    expect([log.code, Object.keys(log.json())]).toEqual([0, ['rows', 'valid', 'firstBrokenRow']]);
    expect(log.json()).toMatchObject({ valid: true, firstBrokenRow: null });
    // A row of the log rewritten with sqlite3: the chain breaks there.
    const db = new Database(join(ws, 'workspace.db'));
    db.exec('DROP TRIGGER audit_log_no_update');
    const third = db.prepare('SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 2').pluck().get() as number;
    db.prepare("UPDATE audit_log SET details = '{}' WHERE id = ?").run(third);
    db.close();
    const broken = cli(['log', 'verify', ws, '--json'], base);
    expect([broken.code, broken.json()]).toEqual([1, { rows: log.json().rows, valid: false, firstBrokenRow: third }]);
  });
});
