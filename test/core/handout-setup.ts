import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Ctx } from '../../electron/core/context';
import { call } from '../../electron/core/dispatch';
import type { CatalogNodeInput } from '@shared/schemas/catalog-file';
import { testCtx } from '../helpers/ctx';
import type { HandoutSpec, OfficeKey } from '../helpers/make-handout';
import { tmpDir } from '../helpers/tmp';

/**
 * What the hand-out tests share: a small catalog of 示例市 (3 项目, 6 standards), the units of the city, a hand-out
 * spec for 市教育局 with requests (some for it, some not, some it cannot take), a key date and two attachments, and a
 * snapshot of everything an import may change (to prove a refusal changed nothing).
 */

export const NODES: CatalogNodeInput[] = [
  {
    code: '1',
    title: '理想信念教育',
    children: [
      {
        code: '1.1',
        title: '基层宣讲',
        children: [
          {
            code: '1.1.1',
            title: '宣讲活动',
            methods: '网上申报',
            requirements: '宣讲现场图片不少于4张；情况说明',
            frequency: '每月',
          },
          { code: '1.1.2', title: '宣讲阵地', methods: '网上申报', requirements: '情况说明' },
        ],
      },
      {
        code: '1.2',
        title: '志愿服务',
        children: [
          { code: '1.2.1', title: '志愿服务活动', methods: '网上申报', requirements: '活动图片不少于3张' },
          { code: '1.2.2', title: '志愿者注册', methods: '网上申报', requirements: '统计表' },
        ],
      },
    ],
  },
  {
    code: '3',
    title: '生态环境',
    children: [
      {
        code: '3.3',
        title: '环境宣传',
        children: [
          { code: '3.3.4', title: '世界环境日活动', methods: '网上申报', requirements: '活动现场照片不少于3张' },
          { code: '3.3.5', title: '垃圾分类宣传', methods: '实地考察' },
        ],
      },
    ],
  },
];

export const UNITS = [
  { id: 'u-edu', name: '市教育局', aliases: ['教育局'] },
  { id: 'u-health', name: '市卫健委', aliases: [] },
];

/** The first hand-out of 示例市创城办 for the year 2026, as `writeHandout` takes it. */
export function firstSpec(key: OfficeKey, over: Partial<HandoutSpec> = {}): HandoutSpec {
  return {
    key,
    sequence: 1,
    collectionDay: 10,
    nodes: structuredClone(NODES),
    units: structuredClone(UNITS),
    assignments: [
      { unitId: 'u-edu', criterionCode: '1.1.1', role: 'lead' },
      { unitId: 'u-edu', criterionCode: '1.2', role: 'responsible' },
      { unitId: 'u-health', criterionCode: '3.3.4', role: 'lead' },
    ],
    requests: [
      {
        id: 'r1',
        unitId: 'u-edu',
        criterionCode: '1.1.1',
        month: '2026-05',
        text: '5月份宣讲活动图片不少于4张',
        kind: 'photo',
        min: 4,
      },
      {
        id: 'r2',
        unitId: 'u-edu',
        criterionCode: '1.2.1',
        month: '2026-04',
        text: '4月志愿服务图片',
        due: '2026-05-05',
      },
      { id: 'r3', unitId: 'u-edu', criterionCode: '9.9.9', month: '2026-05', text: '不存在的标准' },
      { id: 'r4', unitId: 'u-health', criterionCode: '3.3.4', month: '2026-05', text: '别的单位的要账' },
      { id: 'r5', unitId: 'u-edu', criterionCode: '1.1', month: '2026-05', text: '不是末级标准' },
      { id: 'r6', unitId: 'u-edu', criterionCode: '1.1.2', month: '2026-12', text: '测评周期之外' },
    ],
    keyDates: [
      { date: '2026-06-05', title: '世界环境日', criterionCodes: ['3.3.4'], note: '活动当天留存现场照片' },
      { date: '2026-05-22', title: '宣讲月', criterionCodes: ['1.1.1'] },
    ],
    attachments: [
      { name: '通知.txt', bytes: Buffer.from('关于做好2026年网上申报材料月收集工作的通知\n') },
      { name: '模板/情况说明模板.txt', bytes: Buffer.from('情况说明（模板）\n一、基本情况\n') },
    ],
    ...over,
  };
}

/** A fresh workspace of 市教育局 for 2026 (no catalog yet), open in a test context with a fixed clock. */
export async function freshWorkspace(unit = '市教育局') {
  const base = tmpDir();
  const { ctx, answerFile } = testCtx(base);
  const dir = join(base, 'ws');
  await call('workspace:create', { dir, unit, year: 2026 }, ctx);
  return { ctx, base, dir, answerFile };
}

/** Everything a hand-out import may change: row counts, the settings, the office's files on disk. */
export function snapshot(ctx: Ctx) {
  const db = ctx.session.workspace!.db;
  const count = (t: string) => db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number;
  const tables = ['criteria', 'catalog_versions', 'requests', 'key_dates', 'handouts', 'audit_log', 'blobs'];
  const handouts = join(ctx.session.workspace!.dir, 'handouts');
  const blobs = join(ctx.session.workspace!.dir, 'blobs');
  return {
    counts: Object.fromEntries(tables.map((t) => [t, count(t)])),
    settings: db.prepare('SELECT key, value FROM settings ORDER BY key').all(),
    mine: db.prepare('SELECT code, mine_auto, mine_user, removed FROM criteria ORDER BY code').all(),
    requests: db.prepare('SELECT * FROM requests ORDER BY id').all(),
    files: existsSync(handouts) ? readdirSync(handouts, { recursive: true }).map(String).sort() : [],
    // Files only: an empty `blobs/ab/` folder left by a removed blob is no state.
    blobFiles: readdirSync(blobs, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name))
      .sort(),
  };
}
