import { join } from 'node:path';
import { beforeEach } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { call } from '../../electron/core/dispatch';
import type { AttachResult } from '@shared/ipc/types';
import { testCtx } from './ctx';
import { tmpDir } from './tmp';

/** The demo workspace (示例市, unit 市教育局, 2026) each test of a file starts from, in a fresh temp folder. */
export interface DemoWorkspace {
  ctx: Ctx;
  /** The temp folder; the workspace is `base/ws`. */
  base: string;
  attach(code: string, paths: string[], extra?: Record<string, unknown>): Promise<AttachResult[]>;
}

/** Registers a `beforeEach` that creates the demo workspace; read the returned object inside tests. */
export function useDemoWorkspace(): DemoWorkspace {
  const demo: DemoWorkspace = {
    ctx: undefined as unknown as Ctx,
    base: '',
    attach: async (code, paths, extra = {}) =>
      (await call('materials:attach', { criterionCode: code, paths, ...extra }, demo.ctx)).results,
  };
  beforeEach(async () => {
    demo.base = tmpDir();
    demo.ctx = testCtx(demo.base).ctx;
    await call('workspace:create', { dir: join(demo.base, 'ws'), unit: '市教育局', year: 2026, demo: true }, demo.ctx);
  });
  return demo;
}
