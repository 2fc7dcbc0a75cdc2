import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { call } from '../../electron/core/dispatch';
import { testCtx } from './ctx';

/**
 * A generated city for the 创城办 tests: an office workspace and real unit workspaces that take its hand-outs with
 * the real `handout:import`, attach tiny real photos and export packages through the real export path. Kept fast:
 * 96×64 photos, few materials, no key stretching beyond what the app does.
 */

export const OFFICE_PASS = '创城办口令2026';
export const SIGNER_PASS = '审核人口令2026';

/** An office workspace (the demo catalog and its units unless `demo` is false) in its own session. */
export async function makeOffice(base: string, demo = true) {
  const t = testCtx(join(base, 'office-side'));
  const info = await call(
    'office:init',
    { dir: join(base, 'office'), name: '示例市创城办', passphrase: OFFICE_PASS, year: 2026, demo },
    t.ctx,
  );
  return { ...t, info, db: () => t.ctx.session.workspace!.db };
}

/** A tiny camera photo, distinct per `seed`, dated inside the 2026 period (EXIF), so it scores. */
export async function tinyPhoto(path: string, seed: number, date = '2026:04:12 09:30:00'): Promise<string> {
  const r = (seed * 67) % 256;
  const g = (seed * 131) % 256;
  await sharp({ create: { width: 96, height: 64, channels: 3, background: { r, g, b: (seed * 29) % 256 } } })
    .composite([
      {
        input: {
          create: { width: 24 + (seed % 40), height: 16 + (seed % 30), channels: 3, background: { r: g, g: r, b: 40 } },
        },
        left: seed % 50,
        top: seed % 30,
      },
    ])
    .withExif({ IFD0: { Make: 'HMD Global', Model: 'Nokia 8.3 5G' }, IFD2: { DateTimeOriginal: date } })
    .jpeg({ quality: 90 })
    .toFile(path);
  return path;
}

/** A real unit workspace in its own session (its own clock and user data), made as the app makes one. */
export async function makeUnit(base: string, name: string) {
  const t = testCtx(join(base, `side-${name}`));
  const dir = join(base, 'units', name);
  await call('workspace:create', { dir, unit: name, year: 2026 }, t.ctx);
  const photos = join(base, 'photos', name);
  mkdirSync(photos, { recursive: true });
  let seq = 0;
  return {
    ...t,
    dir,
    db: () => t.ctx.session.workspace!.db,
    /** Imports a hand-out zip with the real handler. */
    importHandout: (file: string, acceptNewKey = false) => call('handout:import', { file, acceptNewKey }, t.ctx),
    /** Attaches `n` tiny photos (distinct content per unit and call) to a criterion for a month, filed as `kind`. */
    attachPhotos: async (criterionCode: string, n: number, month: string, seed: number, kind = 'photo') => {
      const paths: string[] = [];
      for (let i = 0; i < n; i++) paths.push(await tinyPhoto(join(photos, `p${seq++}.jpg`), seed * 100 + seq));
      return call(
        'materials:attach',
        {
          criterionCode,
          paths,
          kind,
          month,
          caption: '时间：2026年4月12日；地点：市民广场；人物：志愿者；主题：文明宣传',
        },
        t.ctx,
      );
    },
    /** A leader and a principal, both approving `codes`. */
    signOff: async (codes: string[], principal = '王主任') => {
      await call('signer:add', { name: '李分管', level: 'leader', passphrase: SIGNER_PASS }, t.ctx).catch(() => null);
      await call('signer:add', { name: principal, level: 'principal', passphrase: SIGNER_PASS }, t.ctx);
      await call('review:decide', { codes, decision: 'approve', signer: '李分管', passphrase: SIGNER_PASS }, t.ctx);
      await call('review:decide', { codes, decision: 'approve', signer: principal, passphrase: SIGNER_PASS }, t.ctx);
    },
    /** Exports a monthly package into `outDir` through the real export path; returns its path. */
    exportPackage: async (out: string, month: string) => {
      const r = await call('package:export', { kind: 'monthly', month, out }, t.ctx);
      return r!.path;
    },
  };
}

/** The units of a generated city: `n` 市直单位 named 示例市第N局 (reached by 各市直单位 and 各成员单位). */
export function cityUnits(n: number): { name: string; kind: string; liaison: string; phone: string }[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `示例市第${i + 1}局`,
    kind: '市直单位',
    liaison: `联络员${i + 1}`,
    phone: `0591-8${String(i).padStart(6, '0')}`,
  }));
}
