import { basename, join } from 'node:path';
import { safeSegment } from '@shared/domain/naming/segment';
import { AppError } from '@shared/ipc/errors';
import type { RemoteView } from '@shared/ipc/remote-review-types';
import { KEY_FILE_EXTENSION, type SignerKeyFile } from '@shared/schemas/review-exchange';
import { allowPath, givenOrPickedFile, pickFolderGranted, requireWorkspace, type Ctx } from '../context';
import type { HandlersOf } from './types';
import { uprightJpeg } from '../intake/preview';
import { requireSigner, signerInfo } from '../signoff/signers-repo';
import { appendAudit } from '../workspace/audit';
import { writeExchangeFile } from '../review-exchange/exchange-files';
import { importAnswer } from '../review-exchange/import-answer';
import { exportKeyFile, importKeyFile, keyFileName, readKeyFile } from '../review-exchange/key-file';
import { answerOf, checkKeyFits, signRequest, type LeaderSession } from '../review-exchange/leader-review';
import { openReviewRequest, readRequestMaterial, readRequestMaterials } from '../review-exchange/open-request';
import { planReviewRequest } from '../review-exchange/plan-request';
import { requestFileName, writeReviewRequest } from '../review-exchange/write-request';

type Channels =
  | 'signer:exportKey'
  | 'signer:importKey'
  | 'review:exportRequest'
  | 'review:importAnswer'
  | 'remote:open'
  | 'remote:state'
  | 'remote:key'
  | 'remote:thumbs'
  | 'remote:preview'
  | 'remote:sign'
  | 'remote:save'
  | 'remote:close';

const KEY_DIALOG = { title: '选择签批密钥文件', filters: [{ name: '签批密钥', extensions: [KEY_FILE_EXTENSION] }] };
/** PDFs larger than this are not sent to the in-app viewer (as for a workspace's materials). */
const MAX_PDF_PREVIEW = 64 * 2 ** 20;
const IMAGE = /\.(jpe?g|png|webp|gif|tiff?|bmp)$/iu;
const THUMB_EDGE = 320;

/**
 * 送审 (a leader reviewing on another PC; REVIEW-EXCHANGE-FORMAT.md): the officer's export of a 送审包 and import of
 * the 审核结果, the key file, and the leader's read-only mode.
 */
export const remoteReviewHandlers: HandlersOf<Channels> = {
  'signer:exportKey': async ({ signer, out, removeFromWorkspace }, ctx) => {
    const ws = requireWorkspace(ctx);
    const path = await outPath(ctx, out, '选择密钥文件的保存位置', () =>
      keyFileName(requireSigner(ws.db, signer).name),
    );
    if (path === null) return null;
    const now = ctx.platform.now();
    const s = await exportKeyFile(ws, signer, path, removeFromWorkspace, now);
    ctx.log.info(`key file written: ${s.fingerprint}${removeFromWorkspace ? ', removed from the workspace' : ''}`);
    return { path, signer: signerInfo(s, now) };
  },

  'signer:importKey': async ({ file }, ctx) => {
    const ws = requireWorkspace(ctx);
    const path = await givenOrPickedFile(ctx, file, KEY_DIALOG);
    if (path === null) return null;
    const now = ctx.platform.now();
    const s = await importKeyFile(ws, path, now);
    ctx.log.info(`key file imported: ${s.fingerprint}`);
    return signerInfo(s, now);
  },

  'review:exportRequest': async ({ codes, level, out }, ctx) => {
    const ws = requireWorkspace(ctx);
    const now = ctx.platform.now();
    // Planned first: a refused request asks for no folder.
    const plan = planReviewRequest(ws, codes, level, now);
    const path = await outPath(ctx, out, '选择送审包的保存位置', () =>
      requestFileName(ws.settings().unit.name, level, now),
    );
    if (path === null) return null;
    const written = await writeReviewRequest(plan, path);
    const { request } = plan;
    appendAudit(ws.db, now, 'review.exportRequest', {
      requestId: request.id,
      level,
      codes: request.criteria.map((c) => c.code),
      contentSha256s: request.criteria.map((c) => c.contentSha256),
    });
    ctx.log.info(`review request ${request.id} written: ${written.path}, ${written.bytes} bytes`);
    return {
      path: written.path,
      level,
      criteria: request.criteria.length,
      materials: request.materials.length,
      bytes: written.bytes,
    };
  },

  'review:importAnswer': async ({ file }, ctx) => {
    const ws = requireWorkspace(ctx);
    const path = await givenOrPickedFile(ctx, file, {
      title: '选择审核结果文件',
      filters: [{ name: '审核结果', extensions: ['json'] }],
    });
    if (path === null) return null;
    const result = await importAnswer(ws, path, ctx.platform.now());
    ctx.log.info(`review answer ${path}: ${result.recorded} recorded, stale: ${result.stale.join(', ') || 'none'}`);
    return result;
  },

  'remote:open': async ({ file }, ctx) => {
    const path = await givenOrPickedFile(ctx, file, {
      title: '选择送审包',
      filters: [{ name: '送审包', extensions: ['zip'] }],
    });
    if (path === null) return null;
    const opened = await openReviewRequest(path);
    ctx.session.remote = { opened, key: null, signed: new Map(), thumbs: new Map() };
    ctx.log.info(`review request opened: ${opened.request.id} (${opened.request.criteria.length} criteria)`);
    return viewOf(ctx.session.remote);
  },

  'remote:state': (_args, ctx) => (ctx.session.remote ? viewOf(ctx.session.remote) : null),

  'remote:key': async ({ file }, ctx) => {
    const s = requireRemote(ctx);
    const path = await givenOrPickedFile(ctx, file, KEY_DIALOG);
    if (path === null) return null;
    chooseKey(s, await readKeyFile(path));
    return viewOf(s);
  },

  'remote:thumbs': async ({ ids }, ctx) => {
    const s = requireRemote(ctx);
    const images = new Set(s.opened.request.materials.filter((m) => IMAGE.test(m.path)).map((m) => m.id));
    const missing = ids.filter((id) => images.has(id) && !s.thumbs.has(id));
    // Made once per session, the zip read once for all of them; one that cannot be drawn shows its file type.
    if (missing.length > 0)
      await readRequestMaterials(s.opened, missing, async (id, bytes) => {
        const jpeg = await uprightJpeg(bytes, THUMB_EDGE)
          .toBuffer()
          .catch(() => null);
        s.thumbs.set(id, jpeg ? `data:image/jpeg;base64,${jpeg.toString('base64')}` : '');
      });
    const out: Record<string, string> = {};
    for (const id of ids) {
      const thumb = s.thumbs.get(id);
      if (thumb) out[id] = thumb;
    }
    return out;
  },

  'remote:preview': async ({ id }, ctx) => {
    const s = requireRemote(ctx);
    const m = s.opened.request.materials.find((x) => x.id === id);
    if (!m) throw new AppError('input-refused', '送审包中没有这份材料。', `material ${id} not in request`);
    if (IMAGE.test(m.path)) {
      const jpeg = await uprightJpeg(await readRequestMaterial(s.opened, id)).toBuffer();
      return { type: 'image', dataUrl: `data:image/jpeg;base64,${jpeg.toString('base64')}` };
    }
    if (/\.pdf$/iu.test(m.path) && m.bytes <= MAX_PDF_PREVIEW)
      return { type: 'pdf', base64: (await readRequestMaterial(s.opened, id)).toString('base64') };
    return {
      type: 'none',
      reason: /\.pdf$/iu.test(m.path) ? 'PDF 过大，请用其他软件打开。' : '此类文件不能在软件内预览。',
    };
  },

  'remote:sign': async ({ codes, decision, comment, keyFile, passphrase }, ctx) => {
    const s = requireRemote(ctx);
    const path = keyFile !== undefined || s.key === null ? await givenOrPickedFile(ctx, keyFile, KEY_DIALOG) : null;
    if (path !== null) chooseKey(s, await readKeyFile(path));
    if (s.key === null) return null;
    const signed = await signRequest(s, s.key, { codes, decision, comment, passphrase }, ctx.platform.now());
    ctx.log.info(`remote review: ${signed.length} × ${decision} signed by ${s.key.fingerprint}`);
    return viewOf(s);
  },

  'remote:save': async ({ out }, ctx) => {
    const s = requireRemote(ctx);
    const now = ctx.platform.now();
    const answer = answerOf(s, now);
    const stamp = answer.createdAt.slice(0, 16).replace(/[-T:]/gu, '');
    const path = await outPath(
      ctx,
      out,
      '选择审核结果的保存位置',
      () => safeSegment(`审核结果_${answer.unit.name}_${answer.signer.name}_${stamp}.json`, 120).text,
    );
    if (path === null) return null;
    await writeExchangeFile(path, answer.format, answer, '审核结果');
    ctx.log.info(`review answer written: ${path} (${answer.reviews.length} reviews)`);
    return { path, reviews: answer.reviews.length };
  },

  'remote:close': (_args, ctx) => {
    ctx.session.remote = null;
    return null;
  },
};

function requireRemote(ctx: Ctx): LeaderSession {
  const s = ctx.session.remote;
  if (!s) throw new AppError('input-refused', '没有打开送审包。请先选择要审核的送审包。', 'no review request open');
  return s;
}

/** The key to sign with from now on; reviews signed with another key are dropped (an answer has one signer). */
function chooseKey(s: LeaderSession, key: SignerKeyFile): void {
  checkKeyFits(s.opened, key);
  if (s.key?.fingerprint !== key.fingerprint) s.signed.clear();
  s.key = key;
}

/** `out` as given (confined for the renderer), or the standard name in a folder the user picks; null: cancelled. */
async function outPath(ctx: Ctx, out: string | undefined, title: string, name: () => string): Promise<string | null> {
  if (out !== undefined) return allowPath(ctx, out);
  const folder = await pickFolderGranted(ctx, title);
  return folder === null ? null : join(folder, name());
}

function viewOf(s: LeaderSession): RemoteView {
  const r = s.opened.request;
  return {
    file: basename(s.opened.path),
    request: {
      id: r.id,
      createdAt: r.createdAt,
      unit: r.unit,
      year: r.year,
      level: r.level,
      criteria: r.criteria,
      materials: r.materials,
    },
    key: s.key && { name: s.key.name, level: s.key.level, unit: s.key.unit, fingerprint: s.key.fingerprint },
    signed: [...s.signed.values()].map((x) => ({
      criterionCode: x.criterionCode,
      decision: x.decision,
      comment: x.comment,
      at: x.at,
    })),
  };
}
