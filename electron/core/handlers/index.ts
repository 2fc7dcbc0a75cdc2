import { backupHandlers } from './backup';
import { campaignHandlers } from './campaign';
import { catalogHandlers } from './catalog';
import { checkHandlers } from './check';
import { collectionHandlers } from './collection';
import { handoutHandlers } from './handout';
import { packageHandlers } from './package';
import { remoteReviewHandlers } from './review-exchange';
import { jobHandlers } from './jobs';
import { materialHandlers } from './materials';
import { signoffHandlers } from './signoff';
import type { HandlerMap } from './types';
import { workspaceHandlers } from './workspace';

/** The one handler map: ipcMain, the CLI and the e2e bridge all call these. A missing handler fails to compile. */
export const handlers = {
  ...workspaceHandlers,
  ...catalogHandlers,
  ...materialHandlers,
  ...jobHandlers,
  ...checkHandlers,
  ...packageHandlers,
  ...signoffHandlers,
  ...remoteReviewHandlers,
  ...backupHandlers,
  ...handoutHandlers,
  ...collectionHandlers,
  ...campaignHandlers,
} satisfies HandlerMap;
