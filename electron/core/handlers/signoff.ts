import { passphraseProblem } from '@shared/domain/signoff';
import { AppError } from '@shared/ipc/errors';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { safeSegment } from '@shared/domain/naming/segment';
import { signerCard } from '@shared/domain/signoff-card';
import { allowPath, pickFolderGranted, requireWorkspace } from '../context';
import { fsError } from '../fs-errors';
import { writeAtomically } from '../store/atomic-write';
import { decide } from '../signoff/decide';
import { createSigningKey, resealSigningKey } from '../signoff/keys';
import {
  insertSigner,
  listSignerRows,
  replaceSealedKey,
  requireSigner,
  retireSigner,
  signerInfo,
} from '../signoff/signers-repo';
import { unlockSigner } from '../signoff/unlock';
import { normalizeCode } from '@shared/domain/codes';
import { auditHead, listAudit, verifyAuditChain } from '../workspace/audit';
import type { HandlersOf } from './types';

type Channels =
  | 'signer:list'
  | 'signer:add'
  | 'signer:retire'
  | 'signer:passphrase'
  | 'signer:card'
  | 'review:decide'
  | 'log:verify'
  | 'log:list';

/** A new 口令 that is too short, refused with its Chinese reason. */
function requireGoodPassphrase(passphrase: string): void {
  const problem = passphraseProblem(passphrase);
  if (problem) throw new AppError('input-refused', problem, 'passphrase too short');
}

/** Leader sign-off: the signers, their decisions, and the audit log they extend. */
export const signoffHandlers = {
  'signer:list': (_args, ctx) => {
    const now = ctx.platform.now();
    return { signers: listSignerRows(requireWorkspace(ctx).db).map((s) => signerInfo(s, now)) };
  },

  'signer:add': async ({ name, level, passphrase }, ctx) => {
    const ws = requireWorkspace(ctx);
    requireGoodPassphrase(passphrase);
    const sealed = await createSigningKey(passphrase);
    insertSigner(
      ws.db,
      { name, level, publicKey: sealed.publicKey, fingerprint: sealed.fingerprint, sealed },
      ctx.platform.now(),
    );
    ctx.log.info(`signer added: ${level} ${sealed.fingerprint}`);
    return { name, level, fingerprint: sealed.fingerprint };
  },

  'signer:retire': ({ signer }, ctx) => {
    const ws = requireWorkspace(ctx);
    const s = requireSigner(ws.db, signer);
    const now = ctx.platform.now();
    retireSigner(ws.db, s.fingerprint, now);
    return signerInfo(requireSigner(ws.db, s.fingerprint), now);
  },

  'signer:passphrase': async ({ signer, passphrase, newPassphrase }, ctx) => {
    const ws = requireWorkspace(ctx);
    requireGoodPassphrase(newPassphrase);
    const now = ctx.platform.now();
    // The old 口令 is tried as a signature would try it: wrong tries count towards the lock.
    const { signer: s } = await unlockSigner(ws.db, signer, passphrase, now);
    replaceSealedKey(ws.db, s.fingerprint, await resealSigningKey(s.sealed!, passphrase, newPassphrase), now);
    ctx.log.info(`signer passphrase changed: ${s.fingerprint}`);
    return signerInfo(requireSigner(ws.db, s.fingerprint), now);
  },

  'signer:card': async ({ signer, out }, ctx) => {
    const ws = requireWorkspace(ctx);
    const s = requireSigner(ws.db, signer);
    let path: string;
    if (out !== undefined) path = allowPath(ctx, out);
    else {
      const folder = await pickFolderGranted(ctx, '选择密钥卡的保存位置');
      if (folder === null) return null;
      path = join(folder, safeSegment(`审核人密钥卡_${s.name}.pdf`, 120).text);
    }
    // pdf-lib and harfbuzz load on first use, as for a package's documents.
    const { renderPdf } = await import('../package/pdf');
    const bytes = await renderPdf(signerCard({ unit: ws.settings().unit.name, ...s }), ctx.platform.resourcesDir);
    await writeAtomically(path, (tmp) => writeFile(tmp, bytes)).catch((e: unknown) => {
      throw fsError(e, '保存密钥卡', path);
    });
    return { path };
  },

  'review:decide': async (args, ctx) => {
    const ws = requireWorkspace(ctx);
    const reviews = await decide(ws, args, ctx.platform.now());
    ctx.log.info(`reviews recorded: ${reviews.length} × ${args.decision}`);
    return { reviews };
  },

  'log:verify': (_args, ctx) => {
    const db = requireWorkspace(ctx).db;
    const firstBrokenRow = verifyAuditChain(db);
    return { rows: auditHead(db).rows, valid: firstBrokenRow === null, firstBrokenRow };
  },

  'log:list': ({ action, from, to, criterionCode, limit }, ctx) =>
    listAudit(requireWorkspace(ctx).db, {
      action,
      from,
      to,
      criterion: criterionCode === undefined ? undefined : normalizeCode(criterionCode),
      limit,
    }),
} satisfies HandlersOf<Channels>;
