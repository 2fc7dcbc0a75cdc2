import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { contentSha256s } from '../../electron/core/signoff/content';
import { unlockSigningKey } from '../../electron/core/signoff/keys';
import { liveMaterials } from '../../electron/core/materials/live-materials';
import { signReview } from '../../electron/core/signoff/review';
import { listSignerRows } from '../../electron/core/signoff/signers-repo';
import { localIsoTimestamp } from '@shared/domain/period';
import type { Criterion } from '@shared/ipc/types';
import { FIXTURES } from '../helpers/ctx';
import { useDemoWorkspace } from '../helpers/demo-workspace';
import { errorOf } from '../helpers/errors';

const demo = useDemoWorkspace();
const LEADER = { name: '王分管', level: 'leader', passphrase: '分管口令123' } as const;
const PRINCIPAL = { name: '李主要', level: 'principal', passphrase: '主要口令456' } as const;
const PHOTOS = join(FIXTURES, 'photos');

const criterion = async (code: string): Promise<Criterion> =>
  (await call('catalog:list', {}, demo.ctx)).criteria.find((c) => c.code === code)!;
const decide = (codes: string[], who: typeof LEADER | typeof PRINCIPAL, decision: 'approve' | 'return', comment = '') =>
  call('review:decide', { codes, decision, comment, signer: who.name, passphrase: who.passphrase }, demo.ctx);
/** Moves the test clock on by `minutes`. */
const later = (minutes: number) => {
  const next = new Date(demo.ctx.platform.now().getTime() + minutes * 60_000);
  demo.ctx.platform.now = () => next;
};

async function setUp(): Promise<void> {
  await call('signer:add', LEADER, demo.ctx);
  await call('signer:add', PRINCIPAL, demo.ctx);
  await demo.attach('3.1.2', [join(PHOTOS, 'Nikon_D70.jpg'), join(PHOTOS, 'DSCN0010.jpg')]);
  await demo.attach('1.1.1', [join(FIXTURES, 'pdfs', 'minimal-document.pdf')]);
  later(1);
}

describe('leader sign-off in a workspace', () => {
  it('the leader approves, the principal approves; the state and the 体检 follow each step', async () => {
    await setUp();
    const { signers } = await call('signer:list', {}, demo.ctx);
    expect(signers.map((s) => [s.name, s.level, s.retired, s.keyHere])).toEqual([
      ['王分管', 'leader', false, true],
      ['李主要', 'principal', false, true],
    ]);
    expect(signers[0]!.fingerprint).toMatch(/^[0-9a-f]{64}$/u);
    expect((await criterion('3.1.2')).reviewState?.status).toBe('unreviewed');
    const before = await call('check:run', {}, demo.ctx);
    expect(before.findings.filter((f) => f.ruleId === 'not-reviewed').map((f) => f.criterionCode)).toEqual(
      expect.arrayContaining(['1.1.1', '3.1.2']),
    );

    // The principal cannot go first.
    const early = await errorOf(decide(['3.1.2'], PRINCIPAL, 'approve'));
    expect(early.code).toBe('input-refused');
    expect(early.message).toContain('分管领导审改通过');

    const { reviews } = await decide(['3.1.2', '1.1.1'], LEADER, 'approve');
    expect(reviews.map((r) => [r.criterionCode, r.level, r.decision])).toEqual([
      ['3.1.2', 'leader', 'approve'],
      ['1.1.1', 'leader', 'approve'],
    ]);
    const afterLeader = await criterion('3.1.2');
    expect(afterLeader.reviewState?.status).toBe('leader-approved');
    expect(afterLeader.review).toEqual({
      leader: { decision: 'approve', signer: '王分管', at: expect.stringMatching(/[+-]\d{2}:\d{2}$/u), stale: false },
      principal: null,
    });

    await decide(['3.1.2'], PRINCIPAL, 'approve');
    expect((await criterion('3.1.2')).reviewState?.status).toBe('approved');
    const check = await call('check:run', {}, demo.ctx);
    const reviewFindings = check.findings.filter((f) => f.ruleId === 'not-reviewed').map((f) => f.criterionCode);
    expect(reviewFindings).not.toContain('3.1.2');
    expect(reviewFindings).toContain('1.1.1'); // the leader's approval alone is not enough

    const log = await call('log:verify', {}, demo.ctx);
    expect(log).toMatchObject({ valid: true, firstBrokenRow: null });
    expect(log.rows).toBeGreaterThan(5);
  });

  it('any change to what was approved turns the approval stale and says what changed', async () => {
    await setUp();
    await decide(['3.1.2'], LEADER, 'approve');
    await decide(['3.1.2'], PRINCIPAL, 'approve');
    const { materials } = await call('materials:list', { criterionCode: '3.1.2' }, demo.ctx);
    later(1);
    await call(
      'materials:update',
      { id: materials[0]!.id, caption: '时间：2026年3月12日；地点：市一中；主题：劳动教育' },
      demo.ctx,
    );
    let c = await criterion('3.1.2');
    expect(c.reviewState).toMatchObject({ status: 'stale', changes: [`修改了“${materials[0]!.title}”的说明`] });
    expect(c.review?.leader?.stale).toBe(true);
    const check = await call('check:run', {}, demo.ctx);
    expect(check.findings.find((f) => f.criterionCode === '3.1.2' && f.ruleId === 'review-stale')?.message).toContain(
      '修改了',
    );

    // Approved again; then a file added, one removed, one moved away: each named.
    later(1);
    await decide(['3.1.2'], LEADER, 'approve');
    await decide(['3.1.2'], PRINCIPAL, 'approve');
    later(1);
    await demo.attach('3.1.2', [join(PHOTOS, 'Canon_40D.jpg')]);
    await call('materials:delete', { ids: [materials[0]!.id], deleted: true }, demo.ctx);
    await call('materials:move', { ids: [materials[1]!.id], toCriterionCode: '1.1.1', copy: false }, demo.ctx);
    c = await criterion('3.1.2');
    expect(c.reviewState?.status).toBe('stale');
    expect(c.reviewState?.changes).toHaveLength(3);
    expect(c.reviewState?.changes).toEqual(
      expect.arrayContaining([
        '新增材料“Canon_40D”',
        `移除材料“${materials[0]!.title}”`,
        `移除材料“${materials[1]!.title}”`,
      ]),
    );
    // Undoing the changes brings the same content back: the approval is current again.
    await call('materials:delete', { ids: [materials[0]!.id], deleted: false }, demo.ctx);
    expect((await criterion('3.1.2')).reviewState?.changes).not.toContain(`移除材料“${materials[0]!.title}”`);
  });

  it('a return needs a comment and shows it; the criterion goes back to the leader', async () => {
    await setUp();
    expect((await errorOf(decide(['3.1.2'], LEADER, 'return'))).code).toBe('input-refused');
    await decide(['3.1.2'], LEADER, 'return', '第二张照片缺少说明');
    const c = await criterion('3.1.2');
    expect(c.reviewState).toMatchObject({ status: 'returned', comment: '第二张照片缺少说明' });
    const f = (await call('check:run', {}, demo.ctx)).findings.find(
      (x) => x.criterionCode === '3.1.2' && x.ruleId === 'review-returned',
    );
    expect(f?.message).toBe('领导退回修改：第二张照片缺少说明');
    // The leader may still approve it afterwards (the officer convinced them): the newest review decides.
    later(1);
    await decide(['3.1.2'], LEADER, 'approve');
    expect((await criterion('3.1.2')).reviewState?.status).toBe('leader-approved');
  });

  it('unknown codes and signers are usage errors; nothing is recorded', async () => {
    await setUp();
    expect((await errorOf(decide(['9.9.9'], LEADER, 'approve'))).code).toBe('unknown-criterion');
    const nobody = await errorOf(
      call('review:decide', { codes: ['3.1.2'], decision: 'approve', signer: '无此人', passphrase: 'x' }, demo.ctx),
    );
    expect(nobody.code).toBe('unknown-signer');
    expect((await criterion('3.1.2')).review).toEqual({ leader: null, principal: null });
  });

  it('a wrong 口令 is refused; five in a row lock the signer for 30 s, kept across a reopen; then it works', async () => {
    await setUp();
    const wrong = () =>
      call(
        'review:decide',
        { codes: ['3.1.2'], decision: 'approve', signer: LEADER.name, passphrase: '错误的口令' },
        demo.ctx,
      );
    const first = await errorOf(wrong());
    expect(first.code).toBe('passphrase-wrong');
    expect(first.message).toBe('口令不正确。');
    for (let i = 2; i <= 4; i++) await errorOf(wrong());
    const fifth = await errorOf(wrong());
    expect(fifth.message).toContain('请 30 秒后再试');
    // Reopened: the lock is in the workspace, not in memory.
    const dir = join(demo.base, 'ws');
    await call('workspace:close', {}, demo.ctx);
    await call('workspace:open', { dir }, demo.ctx);
    const locked = await errorOf(decide(['3.1.2'], LEADER, 'approve'));
    expect(locked.code).toBe('signer-locked');
    expect((await call('signer:list', {}, demo.ctx)).signers[0]!.lockedUntil).not.toBeNull();
    later(1);
    await decide(['3.1.2'], LEADER, 'approve');
    // The count was cleared by the right 口令: one wrong try now does not lock.
    expect((await errorOf(wrong())).code).toBe('passphrase-wrong');
  });

  it('a 口令 change needs the old one; a new one is at least 6 characters; a retired signer’s reviews stay valid', async () => {
    await setUp();
    await decide(['3.1.2'], LEADER, 'approve');
    const ref = { signer: LEADER.name };
    expect(
      (await errorOf(call('signer:passphrase', { ...ref, passphrase: 'wrong1', newPassphrase: 'abcdefg' }, demo.ctx)))
        .code,
    ).toBe('passphrase-wrong');
    expect(
      (
        await errorOf(
          call('signer:passphrase', { ...ref, passphrase: LEADER.passphrase, newPassphrase: '12345' }, demo.ctx),
        )
      ).message,
    ).toContain('至少');
    await call('signer:passphrase', { ...ref, passphrase: LEADER.passphrase, newPassphrase: '新的口令abc' }, demo.ctx);
    later(1);
    await call(
      'review:decide',
      { codes: ['1.1.1'], decision: 'approve', signer: LEADER.name, passphrase: '新的口令abc' },
      demo.ctx,
    );
    await call('signer:retire', ref, demo.ctx);
    expect((await criterion('3.1.2')).reviewState?.status).toBe('leader-approved');
    const retired = await errorOf(
      call(
        'review:decide',
        { codes: ['3.1.2'], decision: 'return', comment: 'x', signer: LEADER.name, passphrase: '新的口令abc' },
        demo.ctx,
      ),
    );
    expect(retired.code).toBe('unknown-signer'); // by name, only active signers are found
    // The sealed key in the database holds no private key in clear.
    const row = listSignerRows(demo.ctx.session.workspace!.db)[0]!;
    expect(JSON.stringify(row.sealed)).not.toContain('MC4CAQAwBQYDK2Vw'); // the base64 start of an Ed25519 PKCS#8 key
  });
});

describe('what an attacker with the database file can and cannot do', () => {
  /** The workspace's database opened beside the app's connection, as someone with sqlite3 would. */
  const raw = () => new Database(join(demo.base, 'ws', 'workspace.db'));

  it('a review row edited in the database fails its signature: shown as invalid, never counted', async () => {
    await setUp();
    await decide(['3.1.2'], LEADER, 'return', '请补充说明');
    const db = raw();
    db.exec('DROP TRIGGER reviews_no_update');
    db.prepare("UPDATE reviews SET decision = 'approve', comment = ''").run();
    db.close();
    const c = await criterion('3.1.2');
    expect(c.reviewState).toMatchObject({ status: 'unreviewed', invalid: 1 });
    expect(c.review?.leader).toBeNull();
  });

  it('a contentSha256 edited to match changed content fails the signature too', async () => {
    await setUp();
    await decide(['3.1.2'], LEADER, 'approve');
    later(1);
    await demo.attach('3.1.2', [join(PHOTOS, 'Canon_40D.jpg')]);
    expect((await criterion('3.1.2')).reviewState?.status).toBe('stale');
    const ws = demo.ctx.session.workspace!;
    const now = contentSha256s([{ code: '3.1.2' }], liveMaterials(ws.db)).get('3.1.2')!;
    const db = raw();
    db.exec('DROP TRIGGER reviews_no_update');
    db.prepare("UPDATE reviews SET content_sha256 = ? WHERE criterion_code = '3.1.2'").run(now);
    db.close();
    const c = await criterion('3.1.2');
    expect(c.reviewState).toMatchObject({ status: 'unreviewed', invalid: 1 });
  });

  it('a review dated before the content it approves (the clock set back) is flagged and not counted', async () => {
    await setUp();
    const ws = demo.ctx.session.workspace!;
    // The app refuses to sign while the clock is behind the workspace's last change…
    const now = demo.ctx.platform.now();
    demo.ctx.platform.now = () => new Date(now.getTime() - 3_600_000);
    expect((await errorOf(decide(['3.1.2'], LEADER, 'approve'))).message).toContain('校正电脑时间');
    // …and a review made elsewhere with a clock an hour behind, carried in, is not counted.
    demo.ctx.platform.now = () => now;
    const { reviews } = await decide(['3.1.2'], LEADER, 'approve');
    const signer = listSignerRows(ws.db).find((s) => s.level === 'leader')!;
    const key = await unlockSigningKey(signer.sealed, LEADER.passphrase);
    const at = localIsoTimestamp(new Date(now.getTime() - 3_600_000));
    const fields = {
      unitId: ws.settings().unitId,
      criterionCode: '3.1.2',
      level: 'leader' as const,
      decision: 'approve' as const,
      comment: '',
      at,
      contentSha256: reviews[0]!.contentSha256,
      fingerprint: signer.fingerprint,
    };
    const db = raw();
    db.prepare(
      `INSERT INTO reviews (criterion_code, level, decision, comment, signer, fingerprint, at, content_sha256, content, signature, recorded_at)
       VALUES ('3.1.2', 'leader', 'approve', '', ?, ?, ?, ?, '{}', ?, ?)`,
    ).run(signer.name, signer.fingerprint, at, fields.contentSha256, signReview(fields, key), now.toISOString());
    db.close();
    const c = await criterion('3.1.2');
    expect(c.reviewState?.invalid).toBe(1);
    expect(c.review?.leader?.at).toBe(localIsoTimestamp(now)); // the earlier, honest approval stands
  });
});
