// Intake figures (issue "Evidence intake"):
//   500 ≥ 12-MP JPEGs with real detail — hash, all facts, thumbnail and DB row — at ≥ 0.8× the throughput of
//   vipsthumbnail making 320 px thumbnails of the same files; peak RSS during it ≤ 400 MB;
//   a 300 MB video attaches with RSS growth ≤ 50 MB.
// Three interleaved pairs each (ours, the tool, ours, the tool …); the figures are their medians.
// The JPEGs: a few distinct 4000×3000 images of smooth gradients plus noise (not flat colour), each copied with a
// unique comment segment, so every file has its own hash while decoding costs what a camera photo costs.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { call } from '../../electron/core/dispatch';
import { testCtx } from '../helpers/ctx';
import { figure, interleaved } from './report';

const FILES = Number(process.env.BENCH_INTAKE_FILES ?? 500);
const CLI = join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js');
const DISTINCT = 8;

async function makePhotos(dir: string): Promise<string[]> {
  const w = 4000;
  const h = 3000;
  const bases: Buffer[] = [];
  for (let d = 0; d < DISTINCT; d++) {
    const px = Buffer.alloc(w * h * 3);
    let s = d + 1;
    for (let i = 0; i < w * h; i++) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      const x = i % w;
      const y = (i / w) | 0;
      px[i * 3] = ((x * 255) / w + (s & 31)) & 255;
      px[i * 3 + 1] = ((y * 255) / h + ((s >> 5) & 31)) & 255;
      px[i * 3 + 2] = (128 + 90 * Math.sin((x * (d + 1) + y) / 53) + ((s >> 10) & 31)) & 255;
    }
    bases.push(
      await sharp(px, { raw: { width: w, height: h, channels: 3 } })
        .jpeg({ quality: 90 })
        .toBuffer(),
    );
  }
  const files: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const base = bases[i % DISTINCT]!;
    const comment = Buffer.from(`wangbao bench ${i}`);
    const com = Buffer.alloc(4);
    com.writeUInt16BE(0xfffe, 0);
    com.writeUInt16BE(comment.length + 2, 2);
    const path = join(dir, `IMG_${String(i).padStart(4, '0')}.jpg`);
    writeFileSync(path, Buffer.concat([base.subarray(0, 2), com, comment, base.subarray(2)]));
    files.push(path);
  }
  return files;
}

export async function benchIntake(base: string): Promise<void> {
  const photos = join(base, 'photos');
  mkdirSync(photos);
  const files = await makePhotos(photos);
  const mb = files.reduce((a, f) => a + readFileSync(f).length, 0) / 2 ** 20;
  console.log(`intake: ${files.length} JPEGs of 4000×3000 (12 MP), ${mb.toFixed(0)} MB`);

  // Pairs: vipsthumbnail making the thumbnails into a fresh folder, and ours into a fresh workspace.
  const thumbs = join(base, 'vips-thumbs');
  const vips = () => {
    rmSync(thumbs, { recursive: true, force: true });
    mkdirSync(thumbs);
    for (let i = 0; i < files.length; i += 50)
      execFileSync('vipsthumbnail', ['--size', '320', '-o', `${thumbs}/%s.jpg`, ...files.slice(i, i + 50)], {
        stdio: 'pipe',
      });
  };
  // The intake runs in the built CLI (the same core as the app's main process, bundled), under GNU time for its peak
  // RSS. The last run's workspace is kept for the video.
  const { ctx } = testCtx(base);
  const peaks: number[] = [];
  let ws = '';
  const ours = async () => {
    if (ws !== '') rmSync(ws, { recursive: true, force: true });
    ws = join(base, `ws${peaks.length}`);
    await call('workspace:create', { dir: ws, unit: '市教育局', year: 2026, demo: true }, ctx);
    await call('workspace:close', {}, ctx);
    const t = performance.now();
    const run = spawnSync(
      '/usr/bin/time',
      ['-f', '%M', process.execPath, CLI, 'attach', ws, '3.1.2', photos, '--json'],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 2 ** 20,
        env: { ...process.env, WANGBAO_USER_DATA: join(base, 'user-data') },
      },
    );
    const ms = performance.now() - t;
    const added = (JSON.parse(run.stdout) as { results: { status: string }[] }).results.filter(
      (r) => r.status === 'added',
    ).length;
    if (added !== files.length) throw new Error(`only ${added} of ${files.length} added: ${run.stderr}`);
    peaks.push(Number(run.stderr.trim().split('\n').at(-1)) / 1024);
    return ms;
  };
  const p = await interleaved(3, { self: ours }, vips);
  const rate = (ms: number) => (files.length * 1000) / ms;
  figure({
    name: `intake of ${files.length} 12-MP JPEGs, ${(mb / 1024).toFixed(2)} GB, built CLI (rate; ratio > 1 is faster)`,
    value: rate(p.ours),
    unit: 'files/s',
    baseline: 'vipsthumbnail --size 320',
    baselineValue: rate(p.baseline),
    ratio: 1 / p.ratio,
    rate: true,
    ratioWithin: { atLeast: 0.8 },
    goal: "≥ 0.8× vipsthumbnail's rate",
    note: 'hash, facts, thumbnail, rows; process start included',
  });
  figure({
    name: `peak RSS of that intake process (the most of ${peaks.length} runs)`,
    value: Math.max(...peaks),
    unit: 'MB',
    within: { atMost: 400 },
  });

  // A 300 MB video attached in this process (as the app's main process does), RSS sampled every 10 ms; each pair a
  // video of its own (a different first byte), beside sha256sum of the same file.
  await call('workspace:open', { dir: ws }, ctx);
  const videos = [0, 1, 2].map((i) => {
    const video = join(base, `宣传片${i}.mp4`);
    const fd = openSync(video, 'w');
    writeSync(fd, Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'));
    writeSync(fd, Buffer.from([i]));
    ftruncateSync(fd, 300 * 2 ** 20);
    closeSync(fd);
    return video;
  });
  const growths: number[] = [];
  const attach = async () => {
    const video = videos[growths.length]!;
    const before = process.memoryUsage().rss;
    let vpeak = before;
    const vs = setInterval(() => (vpeak = Math.max(vpeak, process.memoryUsage().rss)), 10);
    await call('materials:attach', { criterionCode: '3.1.2', paths: [video] }, ctx);
    clearInterval(vs);
    growths.push((vpeak - before) / 2 ** 20);
  };
  let v = 0;
  const video = await interleaved(3, attach, () => execFileSync('sha256sum', [videos[v++]!], { stdio: 'pipe' }));
  figure({
    name: 'attach a 300 MB video (hashed, copied and synced)',
    value: video.ours,
    unit: 'ms',
    baseline: 'sha256sum of the same file',
    baselineValue: video.baseline,
    ratio: video.ratio,
  });
  figure({
    name: `RSS growth attaching that video (the most of ${growths.length} runs)`,
    value: Math.max(...growths),
    unit: 'MB',
    within: { atMost: 50 },
  });
  await call('workspace:close', {}, ctx);
}
