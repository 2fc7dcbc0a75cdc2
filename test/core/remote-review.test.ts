import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { unlockSigningKey } from '../../electron/core/signoff/keys';
import { signReview } from '../../electron/core/signoff/review';
import type { Ctx } from '../../electron/core/context';
import type { ReviewAnswer, SignerKeyFile } from '@shared/schemas/review-exchange';
import type { Criterion } from '@shared/ipc/types';
import { FIXTURES, REPO, testCtx } from '../helpers/ctx';
import { useDemoWorkspace } from '../helpers/demo-workspace';
import { errorOf } from '../helpers/errors';
import { tmpDir } from '../helpers/tmp';
import { readZip, writeZip } from '../helpers/zips';

/**
 * 送审 end to end with real keys, real zips and two sessions: the officer's workspace, and the leader's app on
 * "another PC" (a session of its own with no workspace). Every bad input is refused whole and records nothing.
 */

const demo = useDemoWorkspace();
const LEADER = { name: '王分管', level: 'leader', passphrase: '分管口令123' } as const;
const PRINCIPAL = { name: '李主要', level: 'principal', passphrase: '主要口令456' } as const;
const PHOTOS = join(FIXTURES, 'photos');

const criterion = async (code: string): Promise<Criterion> =>
  (await call('catalog:list', {}, demo.ctx)).criteria.find((c) => c.code === code)!;
const later = (minutes: number) => {
  const next = new Date(demo.ctx.platform.now().getTime() + minutes * 60_000);
  demo.ctx.platform.now = () => next;
};
/** What the workspace holds of reviews and of its log: nothing may change when an input is refused. */
const recorded = async () => ({
  reviews: (await call('log:list', { action: 'review.record' }, demo.ctx)).total,
  log: (await call('log:verify', {}, demo.ctx)).rows,
});

/** The leader's app on their own PC: a fresh session, no workspace, its clock after the officer's. */
function leaderApp(): Ctx {
  const { ctx } = testCtx(tmpDir());
  ctx.platform.now = () => new Date(demo.ctx.platform.now().getTime() + 60_000);
  return ctx;
}

async function setUp(): Promise<{ out: string }> {
  await call('signer:add', LEADER, demo.ctx);
  await demo.attach('3.1.2', [join(PHOTOS, 'Nikon_D70.jpg'), join(PHOTOS, 'DSCN0010.jpg')]);
  await demo.attach('1.1.1', [join(FIXTURES, 'pdfs', 'minimal-document.pdf')]);
  later(1);
  return { out: tmpDir() };
}

/** Exports `who`'s key file (taken out of the workspace) to `dir`. */
async function exportKey(who: string, dir: string, removeFromWorkspace = true): Promise<string> {
  const r = await call(
    'signer:exportKey',
    { signer: who, out: join(dir, `${who}.wbkey`), removeFromWorkspace },
    demo.ctx,
  );
  return r!.path;
}

async function exportRequest(codes: string[], level: 'leader' | 'principal', dir: string): Promise<string> {
  const r = await call('review:exportRequest', { codes, level, out: join(dir, `送审包_${level}.zip`) }, demo.ctx);
  return r!.path;
}

/** The leader opens the 送审包, signs `decisions` with the key file, and saves the 审核结果 in `dir`. */
async function leaderAnswers(
  request: string,
  keyFile: string,
  passphrase: string,
  decisions: { codes: string[]; decision: 'approve' | 'return'; comment?: string }[],
  dir: string,
): Promise<string> {
  const leader = leaderApp();
  await call('remote:open', { file: request }, leader);
  await call('remote:key', { file: keyFile }, leader);
  for (const d of decisions) await call('remote:sign', { ...d, comment: d.comment ?? '', passphrase }, leader);
  const saved = await call('remote:save', { out: join(dir, '审核结果.json') }, leader);
  return saved!.path;
}

const readAnswer = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as ReviewAnswer;
const writeAnswer = (path: string, a: ReviewAnswer) => writeFileSync(path, JSON.stringify(a));

describe('送审: a leader reviewing on another PC', () => {
  it('round trip: export the request, the leader signs in read-only mode and saves, the officer imports', async () => {
    const { out } = await setUp();
    const keyFile = await exportKey(LEADER.name, out);
    const request = await exportRequest(['3.1.2', '1.1.1'], 'leader', out);
    const entries = (await readZip(request)).map((e) => e.name).sort();
    expect(entries).toEqual([
      'review-request.json',
      expect.stringMatching(/^材料\/1\.1\.1_.+\/01_.+\.pdf$/u),
      expect.stringMatching(/^材料\/3\.1\.2_.+\/01_.+\.jpg$/u),
      expect.stringMatching(/^材料\/3\.1\.2_.+\/02_.+\.jpg$/u),
    ]);

    // The leader's app: the request is checked and shown; thumbnails and previews come from the zip itself.
    const leader = leaderApp();
    const view = (await call('remote:open', { file: request }, leader))!;
    expect(view.request).toMatchObject({ level: 'leader', unit: { name: '市教育局' } });
    expect(view.request.criteria.map((c) => c.code)).toEqual(['1.1.1', '3.1.2']);
    expect(view.request.criteria.find((c) => c.code === '3.1.2')!.requirements.length).toBeGreaterThan(0);
    const photos = view.request.materials.filter((m) => m.criterionCode === '3.1.2');
    const thumbs = await call('remote:thumbs', { ids: view.request.materials.map((m) => m.id) }, leader);
    expect(Object.keys(thumbs).sort()).toEqual(photos.map((m) => m.id).sort());
    expect(thumbs[photos[0]!.id]).toMatch(/^data:image\/jpeg;base64,/u);
    const pdf = view.request.materials.find((m) => m.criterionCode === '1.1.1')!;
    expect(await call('remote:preview', { id: pdf.id }, leader)).toMatchObject({ type: 'pdf' });
    expect(await call('remote:preview', { id: photos[0]!.id }, leader)).toMatchObject({ type: 'image' });

    // The key file: a wrong 口令 signs nothing; then one approval and one return with its comment.
    const withKey = (await call('remote:key', { file: keyFile }, leader))!;
    expect(withKey.key).toMatchObject({ name: LEADER.name, level: 'leader' });
    const wrong = await errorOf(
      call('remote:sign', { codes: ['3.1.2'], decision: 'approve', comment: '', passphrase: 'not-his' }, leader),
    );
    expect(wrong.code).toBe('passphrase-wrong');
    await call('remote:sign', { codes: ['3.1.2'], decision: 'approve', passphrase: LEADER.passphrase }, leader);
    const both = (await call(
      'remote:sign',
      { codes: ['1.1.1'], decision: 'return', comment: '请补充会议纪要', passphrase: LEADER.passphrase },
      leader,
    ))!;
    expect(both.signed.map((s) => [s.criterionCode, s.decision])).toEqual([
      ['3.1.2', 'approve'],
      ['1.1.1', 'return'],
    ]);
    const saved = (await call('remote:save', { out: join(out, 'answer.json') }, leader))!;
    expect(saved.reviews).toBe(2);
    const answer = readAnswer(saved.path);
    expect(answer).toMatchObject({ format: 'wangbao-review-answer', formatVersion: 1, unit: { name: '市教育局' } });
    expect(answer.signer.fingerprint).toMatch(/^[0-9a-f]{64}$/u);
    // Read-only: the 送审包 is unchanged and nothing but the answer was written beside it.
    expect(readdirSync(out).sort()).toEqual(['answer.json', '送审包_leader.zip', `${LEADER.name}.wbkey`].sort());

    // Python's `cryptography`, written from the formats alone, agrees; and refuses the answer once tampered.
    const python = (file: string) =>
      spawnSync('python3', [join(REPO, 'test', 'tools', 'check_signatures.py'), '--answer', file], {
        encoding: 'utf8',
      });
    const referee = python(saved.path);
    expect([referee.status, JSON.parse(referee.stdout)]).toEqual([
      0,
      {
        reviews: [
          { criterionCode: '1.1.1', signature: true, content: true },
          { criterionCode: '3.1.2', signature: true, content: true },
        ],
      },
    ]);
    const tampered = join(tmpDir(), 'tampered.json');
    writeAnswer(tampered, { ...answer, reviews: answer.reviews.map((r) => ({ ...r, comment: `${r.comment} ` })) });
    expect(python(tampered).status).toBe(1);

    // The officer imports it: both recorded, current; the ledger shows 已审改 and 退回.
    const before = await recorded();
    const imported = (await call('review:importAnswer', { file: saved.path }, demo.ctx))!;
    expect(imported).toEqual({ recorded: 2, current: ['1.1.1', '3.1.2'], stale: [] });
    expect((await criterion('3.1.2')).reviewState?.status).toBe('leader-approved');
    expect((await criterion('1.1.1')).reviewState).toMatchObject({ status: 'returned', comment: '请补充会议纪要' });
    expect((await recorded()).reviews).toBe(before.reviews + 2);
    // The same file again records nothing twice.
    expect(await call('review:importAnswer', { file: saved.path }, demo.ctx)).toMatchObject({ recorded: 0 });
    expect((await call('log:list', { action: 'review.importAnswer' }, demo.ctx)).total).toBe(2);
    expect((await call('log:list', { action: 'review.exportRequest' }, demo.ctx)).total).toBe(1);
  });

  it('the 主要负责同志 reviews a principal request carrying the leader approval, and the criterion is approved', async () => {
    const { out } = await setUp();
    await call('signer:add', PRINCIPAL, demo.ctx);
    // Before the 分管领导's approval there is nothing to send the principal.
    const early = await errorOf(
      call('review:exportRequest', { codes: ['3.1.2'], level: 'principal', out: join(out, 'x.zip') }, demo.ctx),
    );
    expect(early.message).toContain('还没有经分管领导审改通过');
    expect(existsSync(join(out, 'x.zip'))).toBe(false);
    await call(
      'review:decide',
      { codes: ['3.1.2'], decision: 'approve', signer: LEADER.name, passphrase: LEADER.passphrase },
      demo.ctx,
    );
    later(1);
    const keyFile = await exportKey(PRINCIPAL.name, out);
    const request = await exportRequest(['3.1.2'], 'principal', out);
    const view = (await call('remote:open', { file: request }, leaderApp()))!;
    expect(view.request.criteria[0]!.leaderReview).toMatchObject({ signer: LEADER.name, decision: 'approve' });
    // A leader approval re-dated on the way no longer verifies: the principal is not shown it.
    const items = await readZip(request);
    const json = items.find((i) => i.name === 'review-request.json')!;
    const req = JSON.parse(json.bytes.toString('utf8')) as { criteria: { leaderReview: { at: string } }[] };
    req.criteria[0]!.leaderReview.at = '2026-05-19T09:00:00+08:00';
    const redated = join(out, 'redated.zip');
    await writeZip(
      redated,
      items.map((i) => (i === json ? { ...i, bytes: Buffer.from(JSON.stringify(req)) } : i)),
    );
    expect((await errorOf(call('remote:open', { file: redated }, leaderApp()))).message).toContain(
      '分管领导审改签名无效',
    );
    // The 分管领导's key file cannot sign a principal request.
    const leaderKey = await exportKey(LEADER.name, out, false);
    const leader = leaderApp();
    await call('remote:open', { file: request }, leader);
    expect((await errorOf(call('remote:key', { file: leaderKey }, leader))).message).toContain('请主要负责同志审核');

    const answer = await leaderAnswers(
      request,
      keyFile,
      PRINCIPAL.passphrase,
      [{ codes: ['3.1.2'], decision: 'approve' }],
      out,
    );
    expect(await call('review:importAnswer', { file: answer }, demo.ctx)).toEqual({
      recorded: 1,
      current: ['3.1.2'],
      stale: [],
    });
    expect((await criterion('3.1.2')).reviewState?.status).toBe('approved');
  });

  it('key file round trip: exported with removal, the workspace can no longer sign; imported back, it can', async () => {
    const { out } = await setUp();
    const keyFile = await exportKey(LEADER.name, out);
    const file = JSON.parse(readFileSync(keyFile, 'utf8')) as SignerKeyFile;
    expect(file).toMatchObject({ format: 'wangbao-signer-key', formatVersion: 1, name: LEADER.name, level: 'leader' });
    expect(file.sealed.ciphertext).toBeTruthy();
    expect(JSON.stringify(file)).not.toContain('PRIVATE');
    expect((await call('signer:list', {}, demo.ctx)).signers[0]).toMatchObject({ keyHere: false });
    const args = { codes: ['3.1.2'], decision: 'approve', signer: LEADER.name, passphrase: LEADER.passphrase } as const;
    const refused = await errorOf(call('review:decide', args, demo.ctx));
    expect(refused.message).toContain('密钥不在这台电脑上');
    // A second export is refused: there is no key here any more.
    expect((await errorOf(exportKey(LEADER.name, out))).message).toContain('密钥不在这台电脑上');

    const back = (await call('signer:importKey', { file: keyFile }, demo.ctx))!;
    expect(back).toMatchObject({ name: LEADER.name, keyHere: true, fingerprint: file.fingerprint });
    expect((await call('review:decide', args, demo.ctx)).reviews).toHaveLength(1);
    const actions = (await call('log:list', {}, demo.ctx)).rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['signer.exportKey', 'signer.importKey']));
  });

  it('a key file of another unit is refused, and nothing is added', async () => {
    const { out } = await setUp();
    const keyFile = await exportKey(LEADER.name, out, false);
    const other = testCtx(tmpDir());
    await call('workspace:create', { dir: join(out, 'other'), unit: '市卫健委', year: 2026, demo: true }, other.ctx);
    const e = await errorOf(call('signer:importKey', { file: keyFile }, other.ctx));
    expect([e.code, e.message]).toEqual(['input-refused', expect.stringContaining('不是本单位')]);
    expect((await call('signer:list', {}, other.ctx)).signers).toEqual([]);
    other.ctx.session.workspace?.close();
  });

  describe('bad input, each refused whole with nothing recorded', () => {
    it('a 审核结果 signed with a key that is not one of the workspace signers', async () => {
      const { out } = await setUp();
      const request = await exportRequest(['3.1.2'], 'leader', out);
      // Someone's own key file, made to look like this unit's: the workspace never saw the key.
      const keyFile = await exportKey(LEADER.name, out, false);
      const stranger = testCtx(tmpDir());
      await call(
        'workspace:create',
        { dir: join(out, 'stranger'), unit: '市教育局', year: 2026, demo: true },
        stranger.ctx,
      );
      await call('signer:add', { ...LEADER, name: '冒名者' }, stranger.ctx);
      const forged = await call('signer:exportKey', { signer: '冒名者', out: join(out, 'forged.wbkey') }, stranger.ctx);
      stranger.ctx.session.workspace?.close();
      const f = JSON.parse(readFileSync(forged!.path, 'utf8')) as SignerKeyFile;
      const mine = JSON.parse(readFileSync(keyFile, 'utf8')) as SignerKeyFile;
      writeFileSync(forged!.path, JSON.stringify({ ...f, unit: mine.unit }));

      const answer = await leaderAnswers(
        request,
        forged!.path,
        LEADER.passphrase,
        [{ codes: ['3.1.2'], decision: 'approve' }],
        out,
      );
      const before = await recorded();
      const e = await errorOf(call('review:importAnswer', { file: answer }, demo.ctx));
      expect([e.code, e.message]).toEqual(['input-refused', expect.stringContaining('不是本工作区的审核人')]);
      expect(await recorded()).toEqual(before);
      expect((await criterion('3.1.2')).reviewState?.status).toBe('unreviewed');
    });

    it('an answer for content that changed after the 送审包 was made arrives stale', async () => {
      const { out } = await setUp();
      const keyFile = await exportKey(LEADER.name, out);
      const request = await exportRequest(['3.1.2'], 'leader', out);
      const { materials } = await call('materials:list', { criterionCode: '3.1.2' }, demo.ctx);
      later(1);
      await call('materials:update', { id: materials[0]!.id, caption: '时间：2026年3月12日；地点：市一中' }, demo.ctx);
      const answer = await leaderAnswers(
        request,
        keyFile,
        LEADER.passphrase,
        [{ codes: ['3.1.2'], decision: 'approve' }],
        out,
      );
      expect(await call('review:importAnswer', { file: answer }, demo.ctx)).toEqual({
        recorded: 1,
        current: [],
        stale: ['3.1.2'],
      });
      const c = await criterion('3.1.2');
      expect(c.reviewState).toMatchObject({ status: 'stale', changes: [`修改了“${materials[0]!.title}”的说明`] });
    });

    it("the leader's PC clock behind the officer's: a review dated before its content is refused, not recorded", async () => {
      const { out } = await setUp();
      const keyFile = await exportKey(LEADER.name, out);
      const request = await exportRequest(['3.1.2'], 'leader', out);
      const leader = leaderApp();
      leader.platform.now = () => new Date(demo.ctx.platform.now().getTime() - 10 * 60_000);
      await call('remote:open', { file: request }, leader);
      await call(
        'remote:sign',
        { codes: ['3.1.2'], decision: 'approve', keyFile, passphrase: LEADER.passphrase },
        leader,
      );
      const answer = (await call('remote:save', { out: join(out, 'early.json') }, leader))!;
      const before = await recorded();
      const e = await errorOf(call('review:importAnswer', { file: answer.path }, demo.ctx));
      expect([e.code, e.message]).toEqual(['input-refused', expect.stringContaining('领导电脑的时间不准')]);
      expect(await recorded()).toEqual(before);
    });

    it('a review copied from another unit: the header says this unit, the signature is for another', async () => {
      const { out } = await setUp();
      const keyFile = await exportKey(LEADER.name, out);
      const request = await exportRequest(['3.1.2'], 'leader', out);
      const path = await leaderAnswers(
        request,
        keyFile,
        LEADER.passphrase,
        [{ codes: ['3.1.2'], decision: 'approve' }],
        out,
      );
      const a = readAnswer(path);
      // The same leader's real key, signing the same content for another unit's id.
      const key = await unlockSigningKey(
        (JSON.parse(readFileSync(keyFile, 'utf8')) as SignerKeyFile).sealed,
        LEADER.passphrase,
      );
      const r = a.reviews[0]!;
      const copied = { ...r, signature: signReview({ ...r, unitId: 'another-unit' }, key) };
      writeAnswer(path, { ...a, reviews: [copied] });
      const before = await recorded();
      const e = await errorOf(call('review:importAnswer', { file: path }, demo.ctx));
      expect([e.code, e.message]).toEqual(['input-refused', expect.stringContaining('签名无效')]);
      // And an answer whose header names another unit is refused before any signature.
      writeAnswer(path, { ...a, unit: { id: 'another-unit', name: '市卫健委' } });
      expect((await errorOf(call('review:importAnswer', { file: path }, demo.ctx))).message).toContain('不是本单位');
      expect(await recorded()).toEqual(before);
    });

    it('a tampered answer: a return turned into an approval, or another content hash, fails its signature', async () => {
      const { out } = await setUp();
      const keyFile = await exportKey(LEADER.name, out);
      const request = await exportRequest(['3.1.2', '1.1.1'], 'leader', out);
      const path = await leaderAnswers(
        request,
        keyFile,
        LEADER.passphrase,
        [
          { codes: ['3.1.2'], decision: 'approve' },
          { codes: ['1.1.1'], decision: 'return', comment: '缺少纪要' },
        ],
        out,
      );
      const a = readAnswer(path);
      const before = await recorded();
      const turned = a.reviews.map((r) =>
        r.decision === 'return' ? { ...r, decision: 'approve' as const, comment: '' } : r,
      );
      writeAnswer(path, { ...a, reviews: turned });
      expect((await errorOf(call('review:importAnswer', { file: path }, demo.ctx))).message).toContain('签名无效');
      const rehashed = a.reviews.map((r) => ({ ...r, contentSha256: 'f'.repeat(64) }));
      writeAnswer(path, { ...a, reviews: rehashed });
      expect((await errorOf(call('review:importAnswer', { file: path }, demo.ctx))).code).toBe('input-refused');
      // Rightly signed, but of a criterion this workspace does not have: refused too.
      const key = await unlockSigningKey(
        (JSON.parse(readFileSync(keyFile, 'utf8')) as SignerKeyFile).sealed,
        LEADER.passphrase,
      );
      const r = { ...a.reviews[0]!, criterionCode: '9.9.9' };
      const elsewhere = { ...r, signature: signReview({ ...r, unitId: a.unit.id }, key) };
      writeAnswer(path, { ...a, reviews: [elsewhere] });
      expect((await errorOf(call('review:importAnswer', { file: path }, demo.ctx))).message).toContain('9.9.9');
      writeFileSync(path, '{"format": "wangbao-review-answer", "formatVersion": 1}');
      expect((await errorOf(call('review:importAnswer', { file: path }, demo.ctx))).message).toContain('不完整');
      expect(await recorded()).toEqual(before);
      expect((await criterion('3.1.2')).reviewState?.status).toBe('unreviewed');
    });

    it('a 送审包 altered on the way is refused before the leader sees it', async () => {
      const { out } = await setUp();
      const request = await exportRequest(['3.1.2'], 'leader', out);
      const items = await readZip(request);
      const leader = leaderApp();
      // A photo edited in place (same size, one byte changed), and one swapped for another photo.
      const photo = items.find((i) => i.name.endsWith('.jpg'))!;
      const edit = Buffer.from(photo.bytes);
      edit.writeUInt8(edit.readUInt8(edit.length - 100) ^ 0xff, edit.length - 100);
      const touched = join(out, 'touched.zip');
      await writeZip(
        touched,
        items.map((i) => (i === photo ? { ...i, bytes: edit } : i)),
      );
      expect((await errorOf(call('remote:open', { file: touched }, leader))).message).toContain('与送审说明不符');
      const swapped = join(out, 'swapped.zip');
      const other = readFileSync(join(PHOTOS, 'Canon_40D.jpg'));
      await writeZip(
        swapped,
        items.map((i) => (i === photo ? { ...i, bytes: other } : i)),
      );
      expect((await errorOf(call('remote:open', { file: swapped }, leader))).message).toContain('大小不符');
      // A caption reworded in review-request.json (its hashes left): the content no longer matches its digest.
      const json = items.find((i) => i.name === 'review-request.json')!;
      const req = JSON.parse(json.bytes.toString('utf8')) as { materials: { caption: { text: string } | null }[] };
      req.materials[0]!.caption = { text: '改过的说明' };
      const edited = join(out, 'edited.zip');
      await writeZip(
        edited,
        items.map((i) => (i === json ? { ...i, bytes: Buffer.from(JSON.stringify(req)) } : i)),
      );
      expect((await errorOf(call('remote:open', { file: edited }, leader))).message).toContain('传递途中被改动');
      // An extra file slipped in, and an entry climbing out of the folder.
      const extra = join(out, 'extra.zip');
      await writeZip(extra, [...items, { name: '材料/说明.exe', bytes: Buffer.from('MZ') }]);
      expect((await errorOf(call('remote:open', { file: extra }, leader))).message).toContain('未列出的文件');
      const linked = join(out, 'linked.zip');
      await writeZip(linked, [...items, { name: '材料/link.jpg', bytes: Buffer.from('/etc/passwd'), mode: 0o120777 }]);
      expect((await errorOf(call('remote:open', { file: linked }, leader))).message).toContain('符号链接');
      writeFileSync(join(out, 'not.zip'), 'PK but not a zip');
      expect((await errorOf(call('remote:open', { file: join(out, 'not.zip') }, leader))).message).toContain(
        '不是送审包',
      );
      expect(await call('remote:state', {}, leader)).toBeNull();
    });
  });
});
