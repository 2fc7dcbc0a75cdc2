import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { createHost } from '../../electron/core/host';
import { memoryLogger } from '../../electron/core/log';
import { fingerprintLines } from '@shared/domain/signoff-card';
import { testPlatform } from '../helpers/ctx';
import { useDemoWorkspace } from '../helpers/demo-workspace';
import { errorOf } from '../helpers/errors';

const demo = useDemoWorkspace();

describe('审核人签批密钥卡', () => {
  it('is a PDF with the unit, the leader, their role and the whole fingerprint, in the folder picked', async () => {
    const { ctx, base } = demo;
    const { fingerprint } = await call(
      'signer:add',
      { name: '王分管', level: 'leader', passphrase: '分管口令123' },
      ctx,
    );
    const out = join(base, 'card.pdf');
    expect(await call('signer:card', { signer: '王分管', out }, ctx)).toEqual({ path: out });
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    for (const s of ['审核人签批密钥卡', '市教育局', '王分管', '分管领导（审改）', '本人签字', '单位（盖章）'])
      expect(text).toContain(s);
    for (const line of fingerprintLines(fingerprint).split('\n')) expect(text).toContain(line);
    expect(fingerprintLines(fingerprint).split('\n')).toHaveLength(4);
  });

  it('the window may write it only where the user picked; a cancelled dialog writes nothing', async () => {
    const { base } = demo;
    const t = testPlatform(base);
    const window = createHost({ platform: t.platform, trusted: false, log: memoryLogger(), emit: () => {} });
    await call('workspace:close', {}, demo.ctx); // one writer at a time: the window opens it next, by its dialog
    t.answerFolder(join(base, 'ws'));
    await call('workspace:open', {}, window);
    await call('signer:add', { name: '李主要', level: 'principal', passphrase: '主要口令456' }, window);
    expect((await errorOf(call('signer:card', { signer: '李主要', out: join(base, 'x.pdf') }, window))).code).toBe(
      'path-not-allowed',
    );
    t.answerFolder(null);
    expect(await call('signer:card', { signer: '李主要' }, window)).toBeNull();
    t.answerFolder(base);
    const picked = await call('signer:card', { signer: '李主要' }, window);
    expect(picked).toEqual({ path: join(base, '审核人密钥卡_李主要.pdf') });
    expect(existsSync(picked!.path)).toBe(true);
    window.session.workspace?.close();
  });
});
