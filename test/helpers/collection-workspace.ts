import { join } from 'node:path';
import type { Ctx } from '../../electron/core/context';
import { call } from '../../electron/core/dispatch';
import { createHost } from '../../electron/core/host';
import { memoryLogger } from '../../electron/core/log';
import { writeCatalog } from './catalog';
import { testPlatform } from './ctx';
import { periodPhoto } from './photos';
import { tmpDir } from './tmp';

/**
 * A small workspace for 月收集 (unit 市教育局, 2026, period 2025-11-01..2026-10-31) on a clock the test moves:
 * 1.1 monthly (3 photos), 1.2 quarterly (1 photo), 1.3 due 2026-06-30 (a statement), 1.4 monthly with photos per
 * event (2 each), 1.5 monthly but another unit's.
 */
export const SMALL_CATALOG = [
  {
    code: '1',
    title: '思想道德建设',
    children: [
      leaf('1.1', '理论宣讲', {
        frequency: 'monthly',
        requirements: [{ kind: 'photo', min: 3, text: '实景图片不少于3张' }],
      }),
      leaf('1.2', '季度讲评', { frequency: 'quarterly', requirements: [{ kind: 'photo', min: 1, text: '实景图片' }] }),
      leaf('1.3', '年度总结', {
        dueDate: '2026-06-30',
        requirements: [{ kind: 'statement', min: 1, text: '情况说明' }],
      }),
      leaf('1.4', '志愿服务', {
        frequency: 'monthly',
        requirements: [{ kind: 'photo', min: 2, per: 'event', text: '每场活动图片不少于2张' }],
      }),
      leaf('1.5', '卫生健康', { frequency: 'monthly', leadUnit: '市卫健委' }),
    ],
  },
];

function leaf(code: string, title: string, extra: Record<string, unknown>) {
  return { code, title, text: `${title}的工作材料。`, methods: '网上申报', points: 2, leadUnit: '市教育局', ...extra };
}

export interface CollectionWorkspace {
  ctx: Ctx;
  base: string;
  /** Moves the clock (local +08:00). */
  setNow(iso: string): void;
  /** Distinct real photos (a sharp camera JPEG re-encoded), attached to `code` with `extra` (month, date…). */
  attachPhotos(code: string, count: number, extra?: Record<string, unknown>): Promise<string[]>;
  notified: { title: string; body: string }[];
}

let photoSeq = 0;

/** Creates the workspace with SMALL_CATALOG; the clock starts at 2026-05-20 10:00 +08:00. */
export async function collectionWorkspace(): Promise<CollectionWorkspace> {
  const base = tmpDir();
  const t = testPlatform(base);
  let now = new Date('2026-05-20T10:00:00+08:00');
  t.platform.now = () => now;
  const notified: { title: string; body: string }[] = [];
  t.platform.notify = (n) => notified.push(n);
  const ctx = createHost({ platform: t.platform, trusted: true, log: memoryLogger(), emit: () => {} });
  await call('workspace:create', { dir: join(base, 'ws'), unit: '市教育局', year: 2026 }, ctx);
  await call('catalog:import', { file: writeCatalog(base, SMALL_CATALOG) }, ctx);
  return {
    ctx,
    base,
    notified,
    setNow: (iso) => void (now = new Date(iso)),
    attachPhotos: async (code, count, extra = {}) => {
      const paths: string[] = [];
      for (let i = 0; i < count; i++) {
        const n = ++photoSeq;
        paths.push(await periodPhoto(join(base, `照片${n}.jpg`), (s) => s.resize(800 + n * 8)));
      }
      const { results } = await call('materials:attach', { criterionCode: code, paths, ...extra }, ctx);
      return results.map((r) => r.materialId!);
    },
  };
}
