import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { readZip, rezipAsGb18030, writeZip } from '../helpers/zips';
import type { Expect, HostileCase, MakeEnv } from './case';
import {
  SLIP_NAMES,
  brokenDeflate,
  misplacedLocalHeader,
  deepManifest,
  entryNamed,
  manyEntries,
  packageWith,
  symlinkEntry,
  unicodePathSlip,
  zipBomb,
} from './archives';
import { cut, elf, fixture, put } from './bytes';
import { cameraJpeg, phoneHeif } from './images';

type Case = Omit<HostileCase, 'group'>;
const VERIFY = { entry: 'verify' } as const;
const REFERENCE = { entry: 'reference-import' } as const;
const UNSAFE: Expect = { outcome: 'invalid', problems: ['entry-unsafe'] };

/** The base package with `extra` entries added. */
const pkgWith =
  (name: string, extra: () => Parameters<typeof packageWith>[2]) =>
  async (dir: string, env: MakeEnv): Promise<string[]> => [
    await packageWith(await env.basePackage(), join(dir, name), extra()),
  ];

const slips: Case[] = Object.entries(SLIP_NAMES).map(([form, name], i): Case => ({
  name: `zip slip: ${form} entry name${i === 0 ? ', through the CLI' : ''}`,
  category: 'zip-slip',
  cli: i === 0,
  make: pkgWith(`${form}.zip`, () => [entryNamed(name)]),
  run: VERIFY,
  expect: UNSAFE,
}));

const verify: Case[] = [
  {
    name: 'zero-byte package, through the CLI',
    category: 'empty',
    cli: true,
    make: (d) => [put(d, '空.zip', '')],
    run: VERIFY,
    expect: { outcome: 'unreadable' },
  },
  {
    name: 'package cut in half, through the CLI',
    category: 'archive',
    cli: true,
    make: async (d, env) => [put(d, '半个.zip', cut(readFileSync(await env.basePackage()), 0.5))],
    run: VERIFY,
    expect: { outcome: 'unreadable' },
  },
  {
    name: 'program named 申报包.zip',
    category: 'executable',
    make: (d) => [put(d, '申报包.zip', elf())],
    run: VERIFY,
    expect: { outcome: 'unreadable' },
  },
  {
    name: 'photo named 申报包.zip',
    category: 'archive',
    make: (d) => [put(d, '申报包.zip', cameraJpeg())],
    run: VERIFY,
    expect: { outcome: 'unreadable' },
  },
  ...slips,
  {
    name: 'zip slip: the corpus zip-slip.zip, through the CLI',
    category: 'zip-slip',
    cli: true,
    make: () => [fixture('archives', 'zip-slip.zip')],
    run: VERIFY,
    expect: UNSAFE,
  },
  {
    name: 'zip slip: a Unicode Path field naming ../../evil.txt',
    category: 'zip-slip',
    make: pkgWith('unicode.zip', () => [unicodePathSlip()]),
    run: VERIFY,
    expect: UNSAFE,
  },
  {
    name: 'zip slip: look-alike full-width dots (．．/evil.txt)',
    category: 'zip-slip',
    make: pkgWith('fullwidth.zip', () => [entryNamed('．．/evil.txt')]),
    run: VERIFY,
    expect: { outcome: 'invalid', problems: ['file-unlisted'] },
  },
  {
    name: 'symlink entry pointing at /etc',
    category: 'symlink',
    make: pkgWith('link.zip', () => [symlinkEntry('材料/link', '/etc')]),
    run: VERIFY,
    expect: UNSAFE,
  },
  {
    name: 'symlink entry, then a file written through it',
    category: 'symlink',
    make: pkgWith('link-through.zip', () => [symlinkEntry('tmp', '/tmp'), entryNamed('tmp/evil.txt')]),
    run: VERIFY,
    expect: UNSAFE,
  },
  {
    name: 'duplicate entry names',
    category: 'names',
    make: pkgWith('dup.zip', () => [entryNamed('目录.pdf')]),
    run: VERIFY,
    expect: UNSAFE,
  },
  {
    name: 'case-twin entry names',
    category: 'names',
    make: pkgWith('twin.zip', () => [entryNamed('MANIFEST.JSON')]),
    run: VERIFY,
    expect: UNSAFE,
  },
  {
    name: 'GBK entry names (re-zipped on Chinese Windows), through the CLI',
    category: 'names',
    cli: true,
    make: async (d, env) => {
      const out = join(d, '重新压缩.zip');
      await rezipAsGb18030(await env.basePackage(), out);
      return [out];
    },
    run: VERIFY,
    expect: { outcome: 'valid', warnings: ['names-not-utf8'] },
  },
  {
    name: 'zip bomb: a manifest.json inflating to 300 MB',
    category: 'bomb',
    make: (d) => [zipBomb(join(d, '炸弹.zip'), 'manifest.json', 300)],
    run: VERIFY,
    expect: { outcome: 'invalid', problems: ['zip-too-large'] },
  },
  {
    name: 'zip of 50,001 entries',
    category: 'bomb',
    make: (d) => [manyEntries(join(d, '五万.zip'), 50_001)],
    run: VERIFY,
    expect: { outcome: 'invalid', problems: ['zip-too-large'] },
  },
  {
    name: 'manifest.json whose deflate data is damaged',
    category: 'archive',
    make: async (d, env) => [await brokenDeflate(await env.basePackage(), join(d, '坏压缩.zip'))],
    run: VERIFY,
    expect: { outcome: 'invalid', problems: ['manifest-invalid'] },
  },
  {
    name: 'an entry whose local header is not where the directory says',
    category: 'archive',
    make: async (d, env) => [misplacedLocalHeader(await env.basePackage(), join(d, '错位.zip'), '目录.pdf')],
    run: VERIFY,
    expect: { outcome: 'invalid', problems: ['entry-unsafe'] },
  },
  {
    name: 'manifest.json of 100,000 nested arrays',
    category: 'archive',
    make: async (d) => [await deepManifest(join(d, '嵌套.zip'), 100_000)],
    run: VERIFY,
    expect: { outcome: 'invalid', problems: ['manifest-invalid'] },
  },
];

/** A folder of last year's "materials" that are anything but. */
function hostileFolder(dir: string, env: MakeEnv): string[] {
  const d = join(dir, '2025年材料');
  mkdirSync(d, { recursive: true });
  put(d, '空.jpg', '');
  put(d, '程序.jpg', elf());
  put(d, '标志.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  put(d, '报道.html', '<!doctype html><script>alert(1)</script>');
  put(d, '半张.heic', cut(phoneHeif(), 0.5));
  put(d, '传输中断.jpg', cut(cameraJpeg(), 0.4));
  put(d, '资料.zip', readFileSync(fixture('archives', 'zip-slip.zip')));
  symlinkSync(env.workspace, join(d, '工作区'));
  return [d];
}

const reference: Case[] = [
  {
    name: '往年材料: a folder of hostile files, through the CLI',
    category: 'archive',
    cli: true,
    make: hostileFolder,
    run: REFERENCE,
    expect: { outcome: 'imported' },
    check: (o) => {
      expect(o.value).toMatchObject({ year: 2026, added: 2 }); // the cut JPEG and the broken HEIC are hashed
      const reasons = new Map(o.results.map((r) => [r.file.split('/').at(-1), r.reason]));
      expect([...reasons.keys()].sort()).toEqual(
        ['工作区', '报道.html', '标志.svg', '程序.jpg', '空.jpg', '资料.zip'].sort(),
      );
      expect(reasons.get('工作区')).toMatch(/工作区自身/u);
    },
  },
  {
    name: '往年材料: the corpus zip-slip.zip as last year’s package',
    category: 'zip-slip',
    make: () => [fixture('archives', 'zip-slip.zip')],
    run: REFERENCE,
    expect: { outcome: 'refused', message: /不是有效的申报包/u },
  },
  {
    name: '往年材料: a zero-byte package',
    category: 'empty',
    make: (d) => [put(d, '2025.zip', '')],
    run: REFERENCE,
    expect: { outcome: 'refused', message: /不是有效的申报包/u },
  },
  {
    name: '往年材料: a program named 2025申报包.zip, through the CLI',
    category: 'executable',
    cli: true,
    make: (d) => [put(d, '2025申报包.zip', elf())],
    run: REFERENCE,
    expect: { outcome: 'refused', message: /不是有效的申报包/u },
  },
  {
    name: '往年材料: a package re-zipped with GBK names',
    category: 'names',
    make: async (d, env) => {
      const out = join(d, 'gbk.zip');
      await rezipAsGb18030(await env.basePackage(), out);
      return [out];
    },
    run: REFERENCE,
    expect: { outcome: 'imported' },
    check: (o) => expect(o.value).toMatchObject({ year: 2026 }),
  },
  {
    name: '往年材料: a package with a symlink entry',
    category: 'symlink',
    make: pkgWith('link.zip', () => [symlinkEntry('材料/link', '/etc/passwd')]),
    run: REFERENCE,
    expect: { outcome: 'refused', message: /不是有效的申报包/u },
  },
  {
    name: '往年材料: a zip bomb',
    category: 'bomb',
    make: (d) => [zipBomb(join(d, '炸弹.zip'), 'manifest.json', 300)],
    run: REFERENCE,
    expect: { outcome: 'refused', message: /不是有效的申报包/u },
  },
  {
    name: '往年材料: the workspace itself',
    category: 'symlink',
    make: (_d, env) => [env.workspace],
    run: REFERENCE,
    expect: { outcome: 'refused', message: /本工作区/u },
  },
  {
    name: '往年材料: a package whose photo is a copy of a program',
    category: 'executable',
    make: async (d, env) => {
      // Rewritten with yazl: well formed, but the manifest's hashes no longer match the entry.
      const items = await readZip(await env.basePackage());
      const out = join(d, '替换.zip');
      await writeZip(
        out,
        items.map((i) => (i.name.endsWith('.jpg') ? { ...i, bytes: elf() } : i)),
      );
      return [out];
    },
    run: REFERENCE,
    expect: { outcome: 'refused', message: /不是有效的申报包/u },
  },
];

export const PACKAGE_CASES: Case[] = verify;
export const REFERENCE_CASES: Case[] = reference;
