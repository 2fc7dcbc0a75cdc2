/**
 * The names of the IPC channels, without their schemas, so the preload can allowlist them without bundling zod.
 * `contract.ts` is checked to have exactly these keys.
 */
export const CHANNELS = [
  'app:info',
  'dialog:pickFolder',
  'workspace:create',
  'workspace:open',
  'workspace:current',
  'workspace:recent',
  'workspace:close',
  'workspace:update',
  'catalog:preview',
  'catalog:import',
  'catalog:list',
  'materials:attach',
  'materials:list',
  'materials:search',
  'materials:thumbs',
  'materials:update',
  'materials:move',
  'materials:delete',
  'dialog:pickFiles',
  'jobs:cancel',
  'materials:preview',
  'materials:optimize',
  'criteria:scope',
  'check:run',
  'ledger:state',
  'criteria:declare',
  'profile:get',
  'profile:update',
  'reference:import',
  'reference:list',
  'reference:remove',
  'package:preview',
  'package:export',
  'package:verify',
  'package:document',
  'signer:list',
  'signer:add',
  'signer:retire',
  'signer:passphrase',
  'signer:card',
  'review:decide',
  'log:verify',
  'log:list',
  'backup:create',
  'backup:restore',
  'backup:settings',
  'backup:configure',
  'handout:preview',
  'handout:import',
  'handout:status',
  'collection:month',
  'collection:year',
  'request:add',
  'request:list',
  'request:close',
  'request:reopen',
  'request:setMet',
  'request:chaseList',
  'reminders:list',
  'reminders:dismiss',
  'materials:setMonth',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** The one ipcMain channel every invoke travels on. */
export const INVOKE_CHANNEL = 'wangbao:invoke';

/**
 * The channel on which the preload grants the paths of a drop. Only the preload calls it, with the paths it read
 * from the dropped `File` objects; the page cannot reach it (it is not in `CHANNELS`).
 */
export const GRANT_DROPPED_CHANNEL = 'wangbao:grant-dropped';
