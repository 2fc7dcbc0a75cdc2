import { AppError } from '@shared/ipc/errors';
import { safeSegment } from '@shared/domain/naming/segment';
import { KEY_FILE_EXTENSION, KEY_FILE_FORMAT, SignerKeyFile } from '@shared/schemas/review-exchange';
import { appendAudit } from '../workspace/audit';
import type { Workspace } from '../workspace/workspace';
import { fingerprintOf, readPublicKey } from '../signoff/public-keys';
import { insertSigner, listSignerRows, requireSigner, type SignerRow } from '../signoff/signers-repo';
import { readExchangeFile, writeExchangeFile } from './exchange-files';

/**
 * The signer's key file (导出密钥 / 导入密钥, REVIEW-EXCHANGE-FORMAT.md): a leader keeps their key on their own PC
 * or a USB stick and signs 送审包 there. The private key travels only as the workspace holds it, sealed under the
 * 口令; nothing here ever unseals it.
 */

const KEY_FILE = '签批密钥文件';

/** The standard name of a signer's key file: `{姓名}_签批密钥.wbkey`. */
export const keyFileName = (name: string): string => safeSegment(`${name}_签批密钥.${KEY_FILE_EXTENSION}`, 120).text;

/**
 * Writes a signer's key file at `path`. With `removeFromWorkspace` the workspace then keeps only the public key,
 * so only the file can sign — removed after the file is written, so a failed write leaves the key where it was.
 */
export async function exportKeyFile(
  ws: Workspace,
  who: string,
  path: string,
  removeFromWorkspace: boolean,
  now: Date,
): Promise<SignerRow> {
  const s = requireSigner(ws.db, who);
  if (s.sealed === null)
    throw new AppError(
      'input-refused',
      `审核人“${s.name}”的密钥不在这台电脑上，无法导出。`,
      `export key: signer ${s.fingerprint} has no sealed key`,
    );
  const settings = ws.settings();
  const file: SignerKeyFile = {
    format: KEY_FILE_FORMAT,
    formatVersion: 1,
    name: s.name,
    level: s.level,
    unit: { id: settings.unitId, name: settings.unit.name },
    publicKey: s.publicKey,
    fingerprint: s.fingerprint,
    sealed: s.sealed,
  };
  await writeExchangeFile(path, KEY_FILE_FORMAT, SignerKeyFile.parse(file), KEY_FILE);
  ws.db.transaction(() => {
    if (removeFromWorkspace)
      ws.db.prepare('UPDATE signers SET sealed_key = NULL WHERE fingerprint = ?').run(s.fingerprint);
    appendAudit(ws.db, now, 'signer.exportKey', {
      fingerprint: s.fingerprint,
      removedFromWorkspace: removeFromWorkspace,
    });
  })();
  return requireSigner(ws.db, s.fingerprint);
}

/**
 * A key file read and checked without its 口令: ours, its public key readable, the fingerprint that key's, the
 * sealed record naming the same key (GCM binds the record's public half, so the unlock would fail otherwise).
 */
export async function readKeyFile(path: string): Promise<SignerKeyFile> {
  const f = await readExchangeFile(path, KEY_FILE_FORMAT, SignerKeyFile, KEY_FILE);
  if (
    readPublicKey(f.publicKey) === null ||
    fingerprintOf(f.publicKey) !== f.fingerprint ||
    f.sealed.publicKey !== f.publicKey ||
    f.sealed.fingerprint !== f.fingerprint
  )
    throw new AppError('input-refused', '密钥文件已损坏，或不是网报通的签批密钥。', `${path}: keys disagree`);
  return f;
}

/**
 * Puts a key file back into the workspace: on its signer (by fingerprint) when known — the file's sealed key
 * replaces the one held, so a 口令 changed on the leader's PC comes with it — else as a new signer of this unit.
 * Another unit's key, or one whose level differs from its signer's, is refused. Logged.
 */
export async function importKeyFile(ws: Workspace, path: string, now: Date): Promise<SignerRow> {
  const f = await readKeyFile(path);
  const settings = ws.settings();
  if (f.unit.id !== settings.unitId)
    throw new AppError(
      'input-refused',
      `这个密钥属于“${f.unit.name}”，不是本单位（${settings.unit.name}）的审核人密钥，未导入。`,
      `key file unit ${f.unit.id} != workspace ${settings.unitId}`,
    );
  const known = listSignerRows(ws.db).find((s) => s.fingerprint === f.fingerprint);
  if (known && known.level !== f.level)
    throw new AppError('input-refused', '密钥文件中的审核层级与本工作区记录的不一致，未导入。', `level ${f.level}`);
  // One transaction: the key and its log row, or neither.
  ws.db.transaction(() => {
    if (known)
      ws.db
        .prepare('UPDATE signers SET sealed_key = ? WHERE fingerprint = ?')
        .run(JSON.stringify(f.sealed), f.fingerprint);
    else
      insertSigner(
        ws.db,
        { name: f.name, level: f.level, publicKey: f.publicKey, fingerprint: f.fingerprint, sealed: f.sealed },
        now,
      );
    appendAudit(ws.db, now, 'signer.importKey', { fingerprint: f.fingerprint, added: !known });
  })();
  return requireSigner(ws.db, f.fingerprint);
}
