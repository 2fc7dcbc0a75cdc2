import { join } from 'node:path';
import { expect } from 'vitest';
import type { HostileCase } from './case';
import { put } from './bytes';
import { sparsePdf } from './documents';
import { cameraJpeg } from './images';
import { reverify } from './run';
import { TITLES, assertPackageSafe } from './titles';

type Case = Omit<HostileCase, 'group'>;

/** Through the CLI for every fifth title: the officer's shell passes the same strings. */
const titled: Case[] = TITLES.map((t, i) => ({
  name: `title: ${t.name}, exported${i % 5 === 1 ? ' through the CLI' : ''}`,
  category: 'title',
  cli: i % 5 === 1,
  make: (dir) => [put(dir, `照片${i + 1}.jpg`, cameraJpeg())],
  run: { entry: 'export-with-title', criterion: `9.${i + 1}`, title: t.materialTitle, caption: t.materialTitle },
  expect: { outcome: 'exported' },
  check: async (o) => {
    const path = String(o.value!.path);
    expect((await reverify(path)).valid).toBe(true);
    await assertPackageSafe(path, `9.${i + 1}`, t.criterionTitle);
    expect(o.added[0]!.title).toBe(t.materialTitle.trim());
  },
}));

const PHOTO = (dir: string) => [put(dir, '照片.jpg', cameraJpeg())];
const LONG = '长'.repeat(10_000);

const refusedTitles: Case[] = [
  {
    name: 'title of 10,000 characters (the app’s editor)',
    category: 'title',
    make: PHOTO,
    run: { entry: 'attach', title: LONG },
    expect: { outcome: 'refused', message: /参数不正确|标题/u },
  },
  {
    name: 'title of 10,000 characters, through the CLI',
    category: 'title',
    cli: true,
    make: PHOTO,
    run: { entry: 'attach', title: LONG },
    expect: { outcome: 'refused', message: /标题|title/u },
  },
  {
    name: 'title of spaces only, through the CLI',
    category: 'title',
    cli: true,
    make: PHOTO,
    run: { entry: 'attach', title: '   ' },
    expect: { outcome: 'refused', message: /标题|title/u },
  },
  {
    name: 'caption of 10,000 characters',
    category: 'title',
    make: PHOTO,
    run: { entry: 'attach', caption: LONG },
    expect: { outcome: 'refused', message: /参数不正确|说明/u },
  },
];

/** The one case of its own workspace: a 600 MB PDF (sparse until the blob store copies it). */
export const LARGE_CASES: Case[] = [
  {
    name: 'PDF of 600 MB (over V8’s longest string)',
    category: 'pdf',
    make: (dir) => [sparsePdf(join(dir, '扫描件.pdf'), 600 * 2 ** 20)],
    run: { entry: 'attach', criterion: '1.1.1' },
    expect: { outcome: 'accepted', facts: { bytes: 600 * 2 ** 20, readable: true, pages: 1 } },
  },
];

export const TITLE_CASES: Case[] = [...titled, ...refusedTitles];
