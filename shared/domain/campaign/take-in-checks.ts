/**
 * What the 创城办 adds at import (PACKAGE-FORMAT.md "What the 创城办 adds at import"), after verify passed: the
 * office's own checks of a unit's package against what the office has on record. Pure: the caller reads the record.
 */

export interface OfficeProblem {
  code:
    | 'unit-unknown'
    | 'catalog-unknown'
    | 'catalog-earlier'
    | 'principal-key-new'
    | 'principal-key-changed'
    | 'principal-key-accepted'
    | 'package-older'
    | 'audit-rewritten';
  severity: 'error' | 'warning' | 'info';
  message: string;
}

/** What the office knows when a package of a unit comes in. */
export interface OfficeRecordOfUnit {
  unitName: string;
  /** The principal's fingerprint on record, null before the first package. */
  principalFingerprint: string | null;
  /** The unit's current package, if any. */
  current: { createdAt: string; auditRows: number | null; auditHead: string | null } | null;
  /** The hashes of every catalog the office handed out, and the latest one. */
  catalogs: Set<string>;
  latestCatalog: string | null;
  /** The officer accepted a new principal key of this unit (`--accept-new-key UNIT`). */
  acceptNewKey: boolean;
}

/** What the package says of itself (its manifest). */
export interface PackageFacts {
  createdAt: string;
  catalogSha256: string;
  /** The fingerprints of its `principal` signers (manifest.sig's signer first when there is one). */
  principals: string[];
  audit: { rows: number; headSha256: string } | null;
}

const short = (f: string) => f.slice(0, 16).replace(/(.{4})(?!$)/gu, '$1 ');

/**
 * The office's problems with a package. Errors refuse it: a catalog the office never handed out, a changed
 * principal key not accepted, a package older than the current one, an audit log shorter than (or forked from) the
 * last package's. Warnings and infos accept it: an earlier edition of the office's catalog, a first principal key.
 */
export function takeInProblems(r: OfficeRecordOfUnit, p: PackageFacts): OfficeProblem[] {
  const out: OfficeProblem[] = [];
  if (!r.catalogs.has(p.catalogSha256))
    out.push({
      code: 'catalog-unknown',
      severity: 'error',
      message: `申报包所用的测评体系不是本创城办下发的（测评体系摘要 ${p.catalogSha256.slice(0, 16)}…），可能是其他城市或自行导入的版本，未收取。请该单位导入本创城办的下发包后重新导出。`,
    });
  else if (p.catalogSha256 !== r.latestCatalog)
    out.push({
      code: 'catalog-earlier',
      severity: 'warning',
      message: '申报包所用的是本创城办较早下发的测评体系版本，已收取；请提醒该单位导入最新的下发包。',
    });
  const principal = p.principals[0] ?? null;
  if (principal !== null) {
    if (r.principalFingerprint === null)
      out.push({
        code: 'principal-key-new',
        severity: 'info',
        message: `首次收到${r.unitName}主要负责同志的签名密钥，指纹 ${short(principal)}，已登记。请与该单位核对。`,
      });
    else if (!p.principals.includes(r.principalFingerprint))
      out.push(
        r.acceptNewKey
          ? {
              code: 'principal-key-accepted',
              severity: 'warning',
              message: `${r.unitName}主要负责同志的签名密钥已更换（新指纹 ${short(principal)}），已按确认登记新密钥。`,
            }
          : {
              code: 'principal-key-changed',
              severity: 'error',
              message: `${r.unitName}主要负责同志的签名密钥与登记的不同（登记 ${short(r.principalFingerprint)}，本包 ${short(principal)}），未收取。核实后用 --accept-new-key ${r.unitName} 确认更换。`,
            },
      );
  }
  if (r.current !== null) {
    if (p.createdAt < r.current.createdAt)
      out.push({
        code: 'package-older',
        severity: 'error',
        message: `这是${r.unitName}较早的申报包（${p.createdAt.slice(0, 10)} 导出），比已收取的（${r.current.createdAt.slice(0, 10)}）旧，未合并。`,
      });
    const was = r.current.auditRows;
    if (was !== null && p.audit !== null) {
      const shorter = p.audit.rows < was;
      const forked = p.audit.rows === was && r.current.auditHead !== null && p.audit.headSha256 !== r.current.auditHead;
      if (shorter || forked)
        out.push({
          code: 'audit-rewritten',
          severity: 'error',
          message: `${r.unitName}的操作记录比上次申报包${shorter ? `少（${p.audit.rows} 条，上次 ${was} 条）` : '在同一条数处不同'}，可能被改写，未收取。请向该单位核实。`,
        });
    }
  }
  return out;
}
