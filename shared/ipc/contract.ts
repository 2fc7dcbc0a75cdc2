import { z } from 'zod';
import type { Envelope } from './errors';
import type { AppEvent } from './events';
import type { Channel } from './channels';
import { IsoDate, Month, Year } from '../schemas/calendar';
import { SheetMapping } from '../schemas/sheet-mapping';
import { MATERIAL_KINDS, type MaterialKind } from '../domain/value-sets';
import { UNIT_KINDS } from '../domain/unit-kind';
import type { MonthlyMaterial } from '../domain/home-summary';
import { RuleProfileFile } from '../schemas/rule-profile';
import { ReviewDecisionSchema, ReviewLevelSchema } from '../schemas/signoff';
import type { VerifyResult } from '../domain/package/verify-problems';
import type { BackupResult, BackupSettingsView, RestoreResult } from './backup-types';
import type {
  HandoutImportResult,
  HandoutPreview,
  HandoutStatus,
  MonthView,
  ReminderItem,
  RequestView,
  YearGrid,
} from './collection-types';
import type {
  OfficeHandoutResult,
  OfficeImportResult,
  OfficeInitResult,
  OfficeRequestView,
  OfficeStatusResult,
  OfficeUnitsResult,
} from './campaign-types';
import type { AnswerImportResult, RemoteView, RequestExportResult } from './remote-review-types';
import { CONTACT_NAME_MAX, CONTACT_PHONE_MAX, isValidPhone } from '../domain/package/contact';
import type {
  AppInfo,
  CheckReport,
  Declaration,
  PackageExportResult,
  PackagePreview,
  ProfileInForce,
  ReferenceImportResult,
  ReferenceYear,
  AttachResult,
  CatalogImportResult,
  CatalogPreview,
  Criterion,
  LedgerState,
  Material,
  RecentWorkspace,
  AuditRow,
  ReviewResult,
  ScopeResult,
  SignerInfo,
  WorkspaceInfo,
} from './types';

/** Arguments are validated with zod in main (and the CLI and bridge) before a handler sees them. */
const PathArg = z.string().min(1).max(4096);

export const CreateWorkspaceArgs = z.object({
  /** The new workspace folder: must not exist yet or be empty, inside a folder the user picked. */
  dir: PathArg,
  unit: z.string().trim().min(1).max(100),
  aliases: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  /** 市直单位, 区县…: which collective 责任单位 reach the unit. Absent: guessed from its name. */
  unitKind: z.enum(UNIT_KINDS).optional(),
  year: Year,
  period: z.object({ start: IsoDate, end: IsoDate }).optional(),
  demo: z.boolean().default(false),
});

/** Pairs an arguments schema with its result type: `def<Result>()(argsSchema)`. */
const MaterialKindArg = z.enum(Object.keys(MATERIAL_KINDS) as [MaterialKind, ...MaterialKind[]]);
const CriterionCode = z.string().min(1).max(100);
const ImportArgs = z.object({
  file: PathArg.optional(),
  edition: z.string().trim().min(1).max(100).optional(),
  mapping: SheetMapping.optional(),
  /** The officer's kind for a phrase of a criterion's 材料要求 (kept for later imports of the same phrase). */
  requirementKinds: z
    .array(z.object({ code: CriterionCode, text: z.string().min(1).max(2000), kind: MaterialKindArg }))
    .max(20_000)
    .optional(),
  /** The officer's scope choices in the preview (`catalog:import` only): kept as their own, like `criteria:scope`. */
  scope: z
    .array(z.object({ code: CriterionCode, mine: z.boolean() }))
    .max(20_000)
    .optional(),
});

/** A 口令 as typed; how long a new one must be is checked by the handler (with its Chinese message). */
const Passphrase = z.string().min(1).max(1_024);
/** A signer by name or fingerprint. */
const SignerRef = z.string().trim().min(1).max(100);

const HandoutArgs = z.object({
  file: PathArg.optional(),
  unitId: z.string().min(1).max(200).optional(),
  acceptNewKey: z.boolean().default(false),
});
/** A 要账's id: the hand-out's (any text) or the unit's own (a UUID). */
const RequestId = z.string().min(1).max(200);

const def =
  <R>() =>
  <A extends z.ZodType>(args: A): { args: A; result: R } => ({ args, result: undefined as R });
const NoArgs = z.object({});
const PackageKind = z.enum(['monthly', 'final']);

/** The one IPC contract: channel → arguments schema and result type. Its keys are exactly `CHANNELS`. */
export const contract = {
  'app:info': def<AppInfo>()(NoArgs),
  /** Asks for a folder (granting it to later calls); null when the user cancels. */
  'dialog:pickFolder': def<string | null>()(z.object({ title: z.string().max(100).optional() })),
  'workspace:create': def<WorkspaceInfo>()(CreateWorkspaceArgs),
  /**
   * Absent `dir`: main asks with a folder dialog; null when the user cancels. `access: 'read'` (CLI commands that
   * only read) takes no lock and changes nothing; the default takes the workspace's one-writer lock.
   */
  'workspace:open': def<WorkspaceInfo | null>()(
    z.object({ dir: PathArg.optional(), access: z.enum(['write', 'read']).optional() }),
  ),
  'workspace:current': def<WorkspaceInfo | null>()(NoArgs),
  'workspace:recent': def<RecentWorkspace[]>()(NoArgs),
  'workspace:close': def<null>()(NoArgs),
  /** Edits the open workspace's unit, aliases, kind, year or period (logged; `mine` preselection re-derived). */
  'workspace:update': def<WorkspaceInfo>()(
    z.object({
      unit: z.string().trim().min(1).max(100).optional(),
      aliases: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
      unitKind: z.enum(UNIT_KINDS).optional(),
      year: Year.optional(),
      period: z.object({ start: IsoDate, end: IsoDate }).optional(),
      /** 联系人 and 联系电话 for the package's documents; '' clears one. */
      contact: z
        .object({
          name: z.string().trim().max(CONTACT_NAME_MAX),
          phone: z.string().trim().max(CONTACT_PHONE_MAX).refine(isValidPhone),
        })
        .optional(),
      /** 月收集日: the day of the month the 创城办 collects the month before (a day past a month's end: its last). */
      collectionDay: z.number().int().min(1).max(31).optional(),
    }),
  ),
  /** What importing `file` (JSON or 台账 .xlsx) would do; writes nothing. Absent `file`: a file dialog. */
  'catalog:preview': def<CatalogPreview | null>()(ImportArgs),
  /** Imports `file` with the same reading as the preview. Absent `file`: a file dialog; null when cancelled. */
  'catalog:import': def<CatalogImportResult | null>()(ImportArgs),
  'catalog:list': def<{ criteria: Criterion[] }>()(NoArgs),
  /** Attaches files and folders to a criterion (paths from a dialog or a drop). */
  'materials:attach': def<{ results: AttachResult[] }>()(
    z.object({
      /** Chosen by the caller: progress events carry it, and `jobs:cancel` stops the job. */
      jobId: z.string().uuid().optional(),
      criterionCode: z.string().min(1).max(100),
      paths: z.array(PathArg).min(1).max(10_000),
      kind: MaterialKindArg.optional(),
      title: z.string().trim().min(1).max(200).optional(),
      caption: z.string().trim().max(1000).optional(),
      date: IsoDate.optional(),
      month: Month.optional(),
    }),
  ),
  /** Thumbnails (~320 px JPEG) as data URLs, by material id; materials without one are left out. */
  'materials:thumbs': def<Record<string, string>>()(z.object({ ids: z.array(z.string().uuid()).max(500) })),
  /** Edits what the user gave a material: kind, title, caption (re-parsed), event date, month. */
  'materials:update': def<Material>()(
    z.object({
      id: z.string().uuid(),
      kind: MaterialKindArg.optional(),
      title: z.string().trim().min(1).max(200).optional(),
      caption: z.string().trim().max(1000).optional(),
      eventDate: IsoDate.nullable().optional(),
      month: Month.optional(),
    }),
  ),
  /** Moves (or copies) materials to another criterion; ones the target already holds are skipped. */
  'materials:move': def<{ done: string[]; skipped: string[] }>()(
    z.object({
      ids: z.array(z.string().uuid()).min(1).max(10_000),
      toCriterionCode: z.string().min(1).max(100),
      copy: z.boolean(),
    }),
  ),
  /** Puts materials in the trash (`deleted: true`) or restores them (undo). */
  'materials:delete': def<{ changed: string[] }>()(
    z.object({ ids: z.array(z.string().uuid()).min(1).max(10_000), deleted: z.boolean() }),
  ),
  /** What the preview shows: an image's ~1600 px upright JPEG, or a PDF's bytes for pdf.js (base64). */
  'materials:preview': def<
    { type: 'image'; dataUrl: string } | { type: 'pdf'; base64: string } | { type: 'none'; reason: string }
  >()(z.object({ id: z.string().uuid() })),
  /** 优化图片: a smaller JPEG as a new version of the material (the original blob is kept). */
  'materials:optimize': def<{ before: number; after: number } | { refused: string }>()(
    z.object({ id: z.string().uuid() }),
  ),
  /** Cancels a running job; what was done stays, the rest is reported as cancelled. */
  'jobs:cancel': def<{ cancelled: boolean }>()(z.object({ jobId: z.string().uuid() })),
  /** Asks for files to attach (granting them); null when cancelled. */
  'dialog:pickFiles': def<string[] | null>()(z.object({ title: z.string().max(100).optional() })),
  /** Searches titles, captions, file names and extracted text. */
  'materials:search': def<{ materials: Material[] }>()(z.object({ query: z.string().max(200) })),
  /** How many live materials each criterion holds per collection month (首页's trend), counted in core. */
  'materials:months': def<{ months: MonthlyMaterial[] }>()(NoArgs),
  'materials:list': def<{ materials: Material[] }>()(
    z.object({ criterionCode: z.string().min(1).max(100).optional() }),
  ),
  /** The lost-point check (体检) of the open workspace as it is now. */
  'check:run': def<CheckReport>()(NoArgs),
  /** The header's info, the ledger's criteria and the 体检, from one read of the workspace (the app's screens). */
  'ledger:state': def<LedgerState>()(NoArgs),
  /** Declares a leaf 不属本单位职责 with a written statement; `statement: null` withdraws the declaration. */
  'criteria:declare': def<{ criterionCode: string; declaration: Declaration | null }>()(
    z.object({ criterionCode: z.string().min(1).max(100), statement: z.string().max(2_000).nullable() }),
  ),
  /** The rule profile in force, and the documented defaults (for 恢复默认). */
  'profile:get': def<ProfileInForce & { defaults: ProfileInForce['profile'] }>()(NoArgs),
  /** Puts an edited profile in force (fields left out take their defaults); logged. */
  'profile:update': def<ProfileInForce>()(z.object({ profile: RuleProfileFile })),
  /**
   * Takes in an earlier year's materials as 往年材料 (hashes only): a folder, or an earlier package (verified first;
   * its own year unless `year` says otherwise). Absent `source`: a dialog for a folder or a package (`from`); null
   * when the user cancels. Reports progress under `jobId`.
   */
  'reference:import': def<ReferenceImportResult | null>()(
    z.object({
      jobId: z.string().uuid().optional(),
      source: PathArg.optional(),
      from: z.enum(['folder', 'package']).default('folder'),
      year: Year.optional(),
    }),
  ),
  'reference:list': def<ReferenceYear[]>()(NoArgs),
  /** Forgets one year's 往年材料. */
  'reference:remove': def<{ removed: number }>()(z.object({ year: Year })),
  /** What a package made now would hold, and the error findings that block a final one. */
  'package:preview': def<PackagePreview>()(z.object({ kind: PackageKind, month: Month.optional() })),
  /**
   * Writes a package (then reads it back and verifies it). Absent `out`: a folder dialog, the standard file name
   * inside it; null when the user cancels. Reports progress under `jobId`; `jobs:cancel` leaves nothing behind.
   */
  'package:export': def<PackageExportResult | null>()(
    z.object({
      jobId: z.string().uuid().optional(),
      kind: PackageKind,
      month: Month.optional(),
      out: PathArg.optional(),
      /** A final package: the 主要负责同志 who signs `manifest.sig` (name or fingerprint), and their 口令. */
      signer: SignerRef.optional(),
      passphrase: Passphrase.optional(),
    }),
  ),
  /** Verifies any package (校验申报包). Absent `file`: a file dialog; null when cancelled. */
  'package:verify': def<(VerifyResult & { file: string }) | null>()(
    z.object({ jobId: z.string().uuid().optional(), file: PathArg.optional() }),
  ),
  /** One document of a package (目录.pdf…) for the in-app viewer, as base64. */
  'package:document': def<{ base64: string }>()(
    z.object({ file: PathArg, name: z.enum(['目录.pdf', '签批单.pdf', '校验报告.pdf']) }),
  ),
  'criteria:scope': def<ScopeResult>()(
    z.object({ codes: z.array(z.string().min(1).max(100)).min(1).max(100_000), mine: z.boolean() }),
  ),
  /** The leaders who review (设置 → 审核人), active first. */
  'signer:list': def<{ signers: SignerInfo[] }>()(NoArgs),
  /** Adds a leader: a new Ed25519 key, kept only sealed under their 口令 (at least 6 characters). Logged. */
  'signer:add': def<Pick<SignerInfo, 'name' | 'level' | 'fingerprint'>>()(
    z.object({ name: z.string().trim().min(1).max(50), level: ReviewLevelSchema, passphrase: Passphrase }),
  ),
  /** Retires a signer (name or fingerprint): no new reviews; their earlier ones stay valid. Logged. */
  'signer:retire': def<SignerInfo>()(z.object({ signer: SignerRef })),
  /** Changes a signer's 口令 (the old one required; wrong tries count). Logged. */
  'signer:passphrase': def<SignerInfo>()(
    z.object({ signer: SignerRef, passphrase: Passphrase, newPassphrase: Passphrase }),
  ),
  /**
   * Writes a signer's key card (审核人签批密钥卡, a PDF for the 创城办's records): to `out`, or into a folder the user
   * picks under the standard name; null when cancelled. Returns where it was written.
   */
  'signer:card': def<{ path: string } | null>()(z.object({ signer: SignerRef, out: PathArg.optional() })),
  /**
   * A leader's decision (通过 / 退回修改) on criteria, each signed separately with one 口令 entry, at the signer's
   * level; recorded all or none. A return needs a comment.
   */
  'review:decide': def<{ reviews: ReviewResult[] }>()(
    z.object({
      codes: z.array(CriterionCode).min(1).max(10_000),
      decision: ReviewDecisionSchema,
      comment: z.string().max(2_000).default(''),
      signer: SignerRef,
      passphrase: Passphrase,
    }),
  ),
  /** Re-hashes the whole audit log: its length and the first row whose chain is broken (null: intact). */
  'log:verify': def<{ rows: number; valid: boolean; firstBrokenRow: number | null }>()(NoArgs),
  /** 设置 → 操作记录: the audit log's rows, newest first, by action, local date range and criterion. */
  'log:list': def<{ rows: AuditRow[]; total: number }>()(
    z.object({
      action: z.string().max(100).optional(),
      from: IsoDate.optional(),
      to: IsoDate.optional(),
      criterionCode: CriterionCode.optional(),
      limit: z.number().int().min(1).max(5_000).default(500),
    }),
  ),
  // 备份 (BACKUP-FORMAT.md): backup, hand-over, restore, and the daily automatic backup's settings.
  /**
   * Backs up the open workspace and reads the backup back: to one `.wbbak` (`to: 'file'`; absent `out`, a folder
   * dialog and the standard name) or as a snapshot into a backup folder (`to: 'folder'`; absent `out`, the folder
   * in force). `handoverTo` makes it a 移交 for that colleague (a file, with HANDOVER_SCRUB run on the copy). Null
   * when the user cancels the dialog. Reports progress under `jobId`; `jobs:cancel` leaves nothing behind.
   */
  'backup:create': def<BackupResult | null>()(
    z.object({
      jobId: z.string().uuid().optional(),
      to: z.enum(['file', 'folder']),
      out: PathArg.optional(),
      handoverTo: z.string().trim().min(1).max(50).optional(),
    }),
  ),
  /**
   * Restores a backup (a `.wbbak`, or a backup folder's newest snapshot or `snapshot`) into a new folder `dir`,
   * verified before anything opens it. Absent `source`: a dialog for a file or a folder (`from`); absent `dir`: a
   * folder dialog, and a new folder named after the unit inside it. `open`: make it the open workspace (`info`).
   */
  'backup:restore': def<(RestoreResult & { info: WorkspaceInfo | null }) | null>()(
    z.object({
      jobId: z.string().uuid().optional(),
      source: PathArg.optional(),
      from: z.enum(['file', 'folder']).default('file'),
      snapshot: z
        .string()
        .regex(/^[\w-]{1,100}$/u)
        .optional(),
      dir: PathArg.optional(),
      open: z.boolean().default(false),
    }),
  ),
  /** 设置 → 备份: the automatic backup's folder and state, and this workspace's snapshots there. */
  'backup:settings': def<BackupSettingsView>()(NoArgs),
  /** Turns the automatic backup on or off, or changes its folder (`pick`: a dialog; null when cancelled). */
  'backup:configure': def<BackupSettingsView | null>()(
    z.object({ auto: z.boolean().optional(), folder: z.enum(['pick', 'default']).optional() }),
  ),
  // 月收集 and the 创城办's hand-out (HANDOUT-FORMAT.md).
  /**
   * Verifies a hand-out (`file`; absent: a file dialog, null when cancelled) and says what importing it would change;
   * writes nothing. `unitId`: the hand-out's unit this workspace is, when its name matches none (remembered once
   * imported). `acceptNewKey`: the officer confirmed that the 创城办's key changed.
   */
  'handout:preview': def<HandoutPreview | null>()(HandoutArgs),
  /** Imports a hand-out as its preview says, in one transaction (all or nothing); refused with the reason. */
  'handout:import': def<HandoutImportResult | null>()(HandoutArgs),
  /** The last hand-out imported; null before any. */
  'handout:status': def<HandoutStatus | null>()(NoArgs),
  /** The 月收集 screen for a collection month (absent: the current one). */
  'collection:month': def<MonthView>()(z.object({ month: Month.optional() })),
  /** The year grid: the unit's owed criteria × the period's months. */
  'collection:year': def<YearGrid>()(NoArgs),
  /** Adds one of the unit's own 要账 (month: the current collection month; due: the next collection day). Logged. */
  'request:add': def<RequestView>()(
    z.object({
      criterionCode: CriterionCode,
      text: z.string().trim().min(1).max(500),
      kind: MaterialKindArg.optional(),
      min: z.number().int().min(1).max(1_000).optional(),
      assignee: z.string().trim().min(1).max(100).optional(),
      phone: z.string().trim().max(CONTACT_PHONE_MAX).refine(isValidPhone).optional(),
      month: Month.optional(),
      due: IsoDate.optional(),
    }),
  ),
  /** The 要账, office's and unit's: of one month, and/or only the open ones (overdue first). */
  'request:list': def<{ requests: RequestView[] }>()(
    z.object({ month: Month.optional(), open: z.boolean().default(false) }),
  ),
  /** 销号 by hand, with a note. Logged. */
  'request:close': def<RequestView>()(z.object({ id: RequestId, note: z.string().trim().min(1).max(500) })),
  /** Takes back a closing by hand (an office's closing stays). Logged. */
  'request:reopen': def<RequestView>()(z.object({ id: RequestId })),
  /** Marks a free-text request (no kind, no min) met or not by hand. Logged. */
  'request:setMet': def<RequestView>()(z.object({ id: RequestId, met: z.boolean() })),
  /**
   * Writes the 要账单 (open requests grouped by person) as XLSX or a printable PDF: to `out`, or into a folder the
   * user picks under the standard name; null when cancelled. Without `month`, every open request.
   */
  'request:chaseList': def<{ path: string; requests: number } | null>()(
    z.object({ format: z.enum(['xlsx', 'pdf']), out: PathArg.optional(), month: Month.optional() }),
  ),
  /**
   * What the reminders show today: due within `days`, overdue, key dates within `days`; the ones dismissed today
   * left out. `notify`: also show a desktop notification (through the platform) for those not yet notified today.
   */
  'reminders:list': def<{ items: ReminderItem[] }>()(
    z.object({ days: z.number().int().min(0).max(60).default(3), notify: z.boolean().default(false) }),
  ),
  /** Dismisses reminders for today (by their keys). */
  'reminders:dismiss': def<{ dismissed: number }>()(
    z.object({ keys: z.array(z.string().min(1).max(300)).min(1).max(1_000) }),
  ),
  /** Sets the collection month of several materials at once (a selection). Logged. */
  'materials:setMonth': def<{ changed: string[] }>()(
    z.object({ ids: z.array(z.string().uuid()).min(1).max(10_000), month: Month }),
  ),
  /**
   * 导出密钥: writes a signer's key file (the private key sealed under the 口令, never in clear) to `out`, or into a
   * folder the user picks under `{姓名}_签批密钥.wbkey`; null when cancelled. `removeFromWorkspace`: the workspace
   * then keeps only the public key, so only the file can sign. Logged.
   */
  'signer:exportKey': def<{ path: string; signer: SignerInfo } | null>()(
    z.object({ signer: SignerRef, out: PathArg.optional(), removeFromWorkspace: z.boolean().default(false) }),
  ),
  /** 导入密钥: puts a key file back on its signer, or adds its signer (this unit's only). Null when cancelled. Logged. */
  'signer:importKey': def<SignerInfo | null>()(z.object({ file: PathArg.optional() })),
  /**
   * 导出送审包 for leaf criteria at a level: to `out`, or into a folder the user picks under the standard name; null
   * when cancelled. Logged.
   */
  'review:exportRequest': def<RequestExportResult | null>()(
    z.object({ codes: z.array(CriterionCode).min(1).max(10_000), level: ReviewLevelSchema, out: PathArg.optional() }),
  ),
  /** 导入审核结果: every review checked, then all recorded (current or stale) or none. Null when cancelled. */
  'review:importAnswer': def<AnswerImportResult | null>()(z.object({ file: PathArg.optional() })),
  /** The leader's mode: opens a 送审包 read-only (checked whole first). Absent `file`: a file dialog; null: cancelled. */
  'remote:open': def<RemoteView | null>()(z.object({ file: PathArg.optional() })),
  /** The 送审包 open in the leader's mode, or null. */
  'remote:state': def<RemoteView | null>()(NoArgs),
  /** Chooses the key file to sign with (checked: this unit, the request's level). Absent `file`: a dialog. */
  'remote:key': def<RemoteView | null>()(z.object({ file: PathArg.optional() })),
  'remote:thumbs': def<Record<string, string>>()(z.object({ ids: z.array(z.string().min(1).max(200)).max(500) })),
  'remote:preview': def<
    { type: 'image'; dataUrl: string } | { type: 'pdf'; base64: string } | { type: 'none'; reason: string }
  >()(z.object({ id: z.string().min(1).max(200) })),
  /**
   * Signs a decision on criteria of the open 送审包 with the key file (`keyFile`, else the one chosen, else a
   * dialog) unlocked by its 口令. Kept until saved; a later decision on a criterion replaces the earlier one.
   */
  'remote:sign': def<RemoteView | null>()(
    z.object({
      codes: z.array(CriterionCode).min(1).max(10_000),
      decision: ReviewDecisionSchema,
      comment: z.string().max(2_000).default(''),
      keyFile: PathArg.optional(),
      passphrase: Passphrase,
    }),
  ),
  /** Saves the 审核结果 to `out`, or into a folder the user picks under the standard name; null when cancelled. */
  'remote:save': def<{ path: string; reviews: number } | null>()(z.object({ out: PathArg.optional() })),
  /** Leaves the leader's mode (what was signed and not saved is dropped). */
  'remote:close': def<null>()(NoArgs),
  /**
   * 创城办 mode: makes an office workspace in `dir` (as workspace:create), with the office's Ed25519 key sealed
   * under `passphrase`; `demo`: the demo catalog and the units it names. Opens it.
   */
  'office:init': def<OfficeInitResult>()(
    z.object({
      dir: PathArg,
      name: z.string().trim().min(1).max(100),
      passphrase: Passphrase,
      year: Year,
      period: z.object({ start: IsoDate, end: IsoDate }).optional(),
      demo: z.boolean().default(false),
    }),
  ),
  /**
   * The office's units and their 牵头/责任 assignments from a 台账 (.xlsx, its unit columns) or a units.json
   * (`{"units": [{"name", "aliases"?, "kind"?, "leader"?, "liaison"?, "phone"?}]}`, assigned from the catalog).
   */
  'office:unitsImport': def<OfficeUnitsResult>()(z.object({ file: PathArg })),
  /**
   * 下发: one signed hand-out zip per unit (or for `unit` alone) into the folder `out`, with the month's 要账 (what
   * each unit owes for `month` and has not delivered; default: the current collection month), signed with the
   * office key unlocked by `passphrase`.
   */
  'office:handout': def<OfficeHandoutResult>()(
    z.object({
      out: PathArg,
      unit: z.string().trim().min(1).max(100).optional(),
      month: Month.optional(),
      passphrase: Passphrase,
    }),
  ),
  /**
   * 收件: packages and folders (walked for .zip files), each verified before anything is stored, then checked by
   * the office; `acceptNewKey`: units (name or alias) whose changed principal key the officer accepts. Progress as
   * events and cancel through `jobId`.
   */
  'office:import': def<OfficeImportResult>()(
    z.object({
      paths: z.array(PathArg).min(1).max(10_000),
      acceptNewKey: z.array(z.string().trim().min(1).max(100)).max(1_000).default([]),
      jobId: z.string().uuid().optional(),
    }),
  ),
  /** 完成情况: units × criteria from each unit's current package (or its latest up to `month`). */
  'office:status': def<OfficeStatusResult>()(z.object({ month: Month.optional() })),
  /** 销号 by hand, with a note; the next hand-out carries it in `closed`. Logged. */
  'office:requestClose': def<OfficeRequestView>()(
    z.object({ id: z.string().min(1).max(200), note: z.string().trim().min(1).max(500) }),
  ),
  /** Reopens a closed 要账 (by hand or by itself); the next hand-out sends it again as open. Logged. */
  'office:requestReopen': def<OfficeRequestView>()(
    z.object({ id: z.string().min(1).max(200), note: z.string().trim().max(500).optional() }),
  ),
} satisfies Record<Channel, { args: z.ZodType; result: unknown }>;

export type Contract = typeof contract;
export type ArgsIn<C extends Channel> = z.input<Contract[C]['args']>;
export type ArgsOut<C extends Channel> = z.output<Contract[C]['args']>;
export type Result<C extends Channel> = Contract[C]['result'];

/** The one function the renderer calls (window.api.invoke), in Electron and in the e2e browser alike. */
export interface Api {
  invoke<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Envelope<Result<C>>>;
  /** Listens to core's events (progress of long work); returns the unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void;
}

export type { Channel } from './channels';
