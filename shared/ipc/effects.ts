import type { Channel } from './channels';

/**
 * The kinds of data the app's screens keep (each the first element of a renderer query key):
 * - `ledger`: `ledger:state` (header info, the ledger's criteria, the 体检);
 * - `materials`: `materials:list` of one criterion or of all;
 * - `profile`, `references`: the 体检 settings in 设置;
 * - `package`: 导出's preview;
 * - `signers`: 设置 → 审核人 and who may sign in 审核;
 * - `backups`: 设置 → 备份 (the automatic backup's folder and snapshots);
 * - `collection`: 月收集 (the month, the year grid, the 要账, the reminders);
 * - `handout`: 设置 → 创城办下发 (the last hand-out imported).
 */
export const DATA = [
  'ledger',
  'materials',
  'profile',
  'references',
  'package',
  'signers',
  'backups',
  'collection',
  'handout',
] as const;
export type Data = (typeof DATA)[number];

/**
 * What each call changes, so the renderer refreshes exactly that after it (done, failed or cancelled alike: a
 * cancelled attach keeps the files it took). `opened` — another workspace is open: everything shown is read again
 * from it; `closed` — none is: everything is forgotten. Every channel is listed, so a new one cannot be added
 * without deciding.
 */
export const EFFECTS: Record<Channel, readonly Data[] | 'opened' | 'closed'> = {
  'app:info': [],
  'dialog:pickFolder': [],
  'dialog:pickFiles': [],
  'workspace:create': 'opened',
  'workspace:open': 'opened',
  'workspace:close': 'closed',
  'workspace:current': [],
  'workspace:recent': [],
  // The period and the unit's kind change what is due and what is the unit's.
  'workspace:update': ['ledger', 'package', 'collection'],
  'catalog:preview': [],
  // A new edition brings its criteria and may bring a rule profile; materials of removed criteria are shown apart.
  'catalog:import': ['ledger', 'materials', 'profile', 'package', 'collection'],
  'catalog:list': [],
  'criteria:scope': ['ledger', 'package', 'collection'],
  'materials:attach': ['ledger', 'materials', 'package', 'collection'],
  'materials:list': [],
  'materials:search': [],
  'materials:thumbs': [],
  'materials:preview': [],
  'materials:update': ['ledger', 'materials', 'package', 'collection'],
  'materials:move': ['ledger', 'materials', 'package', 'collection'],
  'materials:delete': ['ledger', 'materials', 'package', 'collection'],
  'materials:optimize': ['ledger', 'materials', 'package', 'collection'],
  'jobs:cancel': [],
  'check:run': [],
  'ledger:state': [],
  'criteria:declare': ['ledger', 'package', 'collection'],
  'profile:get': [],
  'profile:update': ['ledger', 'profile', 'package', 'collection'],
  'reference:import': ['ledger', 'references', 'package', 'collection'],
  'reference:list': [],
  'reference:remove': ['ledger', 'references', 'package', 'collection'],
  'package:preview': [],
  'package:export': [],
  'package:verify': [],
  'package:document': [],
  'signer:list': [],
  'signer:add': ['signers'],
  'signer:retire': ['signers'],
  // A wrong 口令 counts towards the lock the list shows.
  'signer:passphrase': ['signers'],
  'signer:card': [],
  'review:decide': ['ledger', 'signers', 'package'],
  'log:verify': [],
  'log:list': [],
  'backup:create': ['backups'],
  // Restoring writes a new folder; opening it (`open`, or workspace:open after) is what changes the screens.
  'backup:restore': [],
  'backup:settings': [],
  'backup:configure': ['backups'],
  'handout:preview': [],
  // A hand-out brings a catalog (and maybe a profile), the unit's scope, 要账, key dates and the collection day.
  'handout:import': ['ledger', 'materials', 'profile', 'package', 'collection', 'handout'],
  'handout:status': [],
  'collection:month': [],
  'collection:year': [],
  // The package carries the office's 要账 and whether each is met.
  'request:add': ['collection', 'package'],
  'request:list': [],
  'request:close': ['collection', 'package'],
  'request:reopen': ['collection', 'package'],
  'request:setMet': ['collection', 'package'],
  'request:chaseList': [],
  // `notify` records what was shown today.
  'reminders:list': [],
  'reminders:dismiss': ['collection'],
  'materials:setMonth': ['ledger', 'materials', 'package', 'collection'],
  'materials:months': [],
  // 送审: a key taken out of (or put back into) the workspace changes who can sign here.
  'signer:exportKey': ['signers'],
  'signer:importKey': ['signers'],
  'review:exportRequest': [],
  'review:importAnswer': ['ledger', 'signers', 'package'],
  // The leader's mode holds no workspace data: its screen reads what each call returns.
  'remote:open': [],
  'remote:state': [],
  'remote:key': [],
  'remote:thumbs': [],
  'remote:preview': [],
  'remote:sign': [],
  'remote:save': [],
  'remote:close': [],
  // 创城办 mode: a new office workspace is opened; its units and assignments are the office's own data.
  'office:init': 'opened',
  'office:unitsImport': ['ledger'],
  // Records the 要账 handed out and the sequence used.
  'office:handout': ['collection'],
  // Packages taken in, and the 要账 they close.
  'office:import': ['collection'],
  'office:status': [],
  'office:requestClose': ['collection'],
  'office:requestReopen': ['collection'],
};
