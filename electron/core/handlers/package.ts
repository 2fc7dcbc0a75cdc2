import { refuseOfficeWorkspace } from '../campaign/office-record';
import { basename, join } from 'node:path';
import { safeSegment } from '@shared/domain/naming/segment';
import { packageFileName } from '@shared/domain/package/content';
import { allowPath, asJob, givenOrPickedFile, pickFolderGranted, progressReporter, requireWorkspace } from '../context';
import { exportPackage } from '../package/export-package';
import { planPackage } from '../package/plan-package';
import { verifyPackage } from '../package/verify-package';
import { readPackageEntry } from '../package/read-package';
import { AppError } from '@shared/ipc/errors';
import type { HandlersOf } from './types';
import type Database from 'better-sqlite3';
import { SIGNOFF_MESSAGES } from '@shared/domain/signoff';
import { signManifest } from '../signoff/manifest-sig';
import { requireSigner, type SignerRow } from '../signoff/signers-repo';
import { unlockSigner } from '../signoff/unlock';
import { appendAudit } from '../workspace/audit';
import { packageCollection } from '../collection/package-collection';
import { lastHandout } from '../handout/handouts-repo';

/** The 主要负责同志 who signs a final package, named with their 口令; refused before anything is planned. */
function requirePrincipal(
  db: Database.Database,
  signer: string | undefined,
  passphrase: string | undefined,
): SignerRow {
  if (signer === undefined || passphrase === undefined)
    throw new AppError(
      'input-refused',
      '正式申报包须由主要负责同志签名：请指定签名的主要负责同志并输入其口令。',
      'final export without signer or passphrase',
    );
  const s = requireSigner(db, signer);
  if (s.level !== 'principal')
    throw new AppError('input-refused', SIGNOFF_MESSAGES.manifestNeedsPrincipal, `signer ${signer} is ${s.level}`);
  return s;
}

/** The file dialog's filter for packages. */
export const PACKAGE_FILTERS = [{ name: '申报包 (zip)', extensions: ['zip'] }];

/** 导出 and 校验申报包: what a package would hold, writing one, verifying any, and showing its 目录. */
export const packageHandlers: HandlersOf<'package:preview' | 'package:export' | 'package:verify' | 'package:document'> =
  {
    'package:preview': ({ kind, month }, ctx) => {
      const ws = requireWorkspace(ctx);
      const plan = planPackage(ws, { kind: 'monthly', month }, ctx.platform.now(), ctx.platform.appVersion);
      const c = plan.content;
      return {
        kind,
        month: c.month,
        fileName: safeSegment(packageFileName({ ...c, kind }), 120).text,
        criteria: c.criteria.length,
        materials: c.materials.length,
        bytes: plan.files.reduce((a, f) => a + f.bytes, 0),
        check: c.check.summary,
        blocking: c.check.findings.filter((f) => f.severity === 'error'),
      };
    },

    'package:export': async ({ jobId, kind, month, out, signer, passphrase }, ctx) => {
      const ws = requireWorkspace(ctx);
      refuseOfficeWorkspace(ws);
      const now = ctx.platform.now();
      const manifestSigner = kind === 'final' ? requirePrincipal(ws.db, signer, passphrase) : undefined;
      const collection = packageCollection(ws, lastHandout(ws.db), now);
      const plan = planPackage(ws, { kind, month, manifestSigner, collection }, now, ctx.platform.appVersion);
      // Unlocked only once the plan stands: a package that would be refused costs no 口令 try.
      const key = manifestSigner ? (await unlockSigner(ws.db, manifestSigner.fingerprint, passphrase!, now)).key : null;
      let target: string;
      if (out !== undefined) target = allowPath(ctx, out);
      else {
        const folder = await pickFolderGranted(ctx, '选择申报包的保存位置');
        if (folder === null) return null;
        target = join(folder, safeSegment(packageFileName(plan.content), 120).text);
      }
      const onProgress = progressReporter(ctx, jobId);
      return asJob(ctx, jobId, async (signal) => {
        const written = await exportPackage(plan, target, {
          resourcesDir: ctx.platform.resourcesDir,
          signal,
          onProgress,
          log: ctx.log,
          holdsLock: ws.writable,
          signManifest: key && manifestSigner ? (bytes) => signManifest(bytes, key, manifestSigner) : undefined,
        });
        // What left the workspace, and who signed it: the 创城办 reads `audit` in the next package.
        if (ws.writable)
          appendAudit(ws.db, now, 'package.export', {
            kind: written.kind,
            month: written.month,
            file: basename(written.path),
            sha256: written.sha256,
            signer: manifestSigner?.fingerprint ?? null,
          });
        return written;
      });
    },

    'package:verify': async ({ jobId, file }, ctx) => {
      const path = await givenOrPickedFile(ctx, file, { title: '选择要校验的申报包', filters: PACKAGE_FILTERS });
      if (path === null) return null;
      const onProgress = progressReporter(ctx, jobId);
      const result = await asJob(ctx, jobId, () => verifyPackage(path, onProgress));
      ctx.log.info(`verified ${path}: ${result.valid ? 'valid' : 'invalid'}, ${result.problems.length} problems`);
      return { file: path, ...result };
    },

    'package:document': async ({ file, name }, ctx) => {
      const path = allowPath(ctx, file);
      const bytes = await readPackageEntry(path, name, 64 * 2 ** 20);
      if (!bytes) throw new AppError('input-refused', `申报包中没有“${name}”。`, `${path}: no ${name}`);
      return { base64: bytes.toString('base64') };
    },
  };
