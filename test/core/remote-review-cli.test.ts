import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { cli } from '../helpers/cli';
import { FIXTURES, testCtx } from '../helpers/ctx';
import { tmpDir } from '../helpers/tmp';

/** `wangbao review request` and `wangbao review import`: the 送审包 and the 审核结果 from a terminal. */
describe('wangbao review request / review import', () => {
  it('exports a 送审包, imports the signed answer; refuses bad input with the documented exit codes', async () => {
    const base = tmpDir();
    const ws = join(base, 'ws');
    cli(['init', ws, '--demo', '--year', '2026'], base);
    cli(['attach', ws, '3.1.2', join(FIXTURES, 'photos', 'DSCN0010.jpg')], base);
    const pass = join(base, 'leader.txt');
    writeFileSync(pass, '分管口令123\n');
    cli(['signer', 'add', ws, '--name', '王分管', '--level', 'leader', '--passphrase-file', pass], base);

    const zip = join(base, '送审包.zip');
    const req = cli(['review', 'request', ws, zip, '3.1.2', '--level', 'leader', '--json'], base);
    expect(req.code).toBe(0);
    expect(req.json()).toEqual({ path: zip, level: 'leader', criteria: 1, materials: 1, bytes: expect.any(Number) });
    expect(cli(['review', 'request', ws, join(base, 'x.zip'), '9.9.9', '--level', 'leader'], base).code).toBe(2);
    expect(cli(['review', 'request', ws, join(base, 'x.zip'), '3.1.2'], base).code).toBe(2);

    // The key file from the workspace, and the leader's app signing with it on "another PC".
    const officer = testCtx(tmpDir()).ctx;
    await call('workspace:open', { dir: ws }, officer);
    const key = (await call('signer:exportKey', { signer: '王分管', out: join(base, 'k.wbkey') }, officer))!;
    await call('workspace:close', {}, officer);
    const leader = testCtx(tmpDir()).ctx;
    leader.platform.now = () => new Date();
    await call('remote:open', { file: zip }, leader);
    await call(
      'remote:sign',
      { codes: ['3.1.2'], decision: 'approve', keyFile: key.path, passphrase: '分管口令123' },
      leader,
    );
    const answer = (await call('remote:save', { out: join(base, '审核结果.json') }, leader))!;

    const imported = cli(['review', 'import', ws, answer.path, '--json'], base);
    expect(imported.code).toBe(0);
    expect(imported.json()).toEqual({ recorded: 1, current: ['3.1.2'], stale: [] });
    const { criteria } = cli(['catalog', 'list', ws, '--json'], base).json() as {
      criteria: { code: string; review: { leader: { decision: string; signer: string; stale: boolean } | null } }[];
    };
    expect(criteria.find((c) => c.code === '3.1.2')!.review.leader).toMatchObject({
      decision: 'approve',
      signer: '王分管',
      stale: false,
    });

    const junk = join(base, 'junk.json');
    writeFileSync(junk, '{"format":"wangbao-review-answer","formatVersion":1,"reviews":[]}');
    const refused = cli(['review', 'import', ws, junk, '--json'], base);
    expect(refused.code).toBe(1);
    expect(refused.json()).toMatchObject({ error: { code: 'input-refused' } });
  });
});
