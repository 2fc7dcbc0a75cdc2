import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { expect } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { call } from '../../electron/core/dispatch';
import { verifyPackage } from '../../electron/core/package/verify-package';
import { Workspace } from '../../electron/core/workspace/workspace';
import { AppError } from '@shared/ipc/errors';
import type { AttachResult } from '@shared/ipc/types';
import { BUILT_CLI } from '../helpers/cli';
import { testCtx } from '../helpers/ctx';
import { writeCatalog } from '../helpers/catalog';
import { assertSound } from '../crash/sound';
import type { Entry, Expect, Group, HostileCase, MakeEnv, Outcome } from './case';
import { assertChineseMessage, assertNoStackTrace } from './chinese';
import { fixture } from './bytes';
import { TITLES } from './titles';

/** Every case must end within this (the 30 s), whichever way it entered. */
export const CASE_LIMIT_MS = 30_000;
/** The month packages are exported for (inside the 2026 period; the test clock says 2026-05-20). */
export const MONTH = '2026-05';

/** One workspace and the context that drives it in this process. */
export interface GroupState {
  base: string;
  ws: string;
  ctx: Ctx;
}

const root = mkdtempSync(join(tmpdir(), 'wangbao-hostile-'));
const groups = new Map<Group, Promise<GroupState>>();
let basePackage: Promise<string> | undefined;

/** The group's workspace, made on first use (see `GROUP_SETUP`). */
export function groupState(group: Group): Promise<GroupState> {
  let g = groups.get(group);
  if (!g) {
    g = makeGroup(group);
    groups.set(group, g);
  }
  return g;
}

/** Removes every workspace and input the run made. */
export function cleanUp(): void {
  rmSync(root, { recursive: true, force: true });
}

/** The environment a case's `make` sees. */
export function envOf(g: GroupState): MakeEnv {
  return { basePackage: exportedOnce, workspace: g.ws };
}

async function makeGroup(group: Group): Promise<GroupState> {
  const base = join(root, group);
  mkdirSync(base);
  const { ctx } = testCtx(base);
  const ws = join(base, 'ws');
  const year = group === 'reference' ? 2027 : 2026;
  await call('workspace:create', { dir: ws, unit: '市教育局', year, demo: group !== 'catalog' }, ctx);
  if (group === 'titles') {
    // Criteria titled as hostile as the catalog schema allows (1000 characters at most), coded 9.1, 9.2…
    const nodes = TITLES.map((t, i) => ({
      code: `9.${i + 1}`,
      title: t.criterionTitle,
      methods: '网上申报',
      points: 1,
      leadUnit: '市教育局',
      requirements: '实景图片不少于1张',
    }));
    await call('catalog:import', { file: writeCatalog(base, [{ title: '恶意标题', children: nodes }]) }, ctx);
  }
  await call('workspace:close', {}, ctx);
  return { base, ws, ctx };
}

/** A real package of the package group's workspace: two camera photos and a PDF, exported once. */
function exportedOnce(): Promise<string> {
  basePackage ??= (async () => {
    const g = await groupState('package');
    await call('workspace:open', { dir: g.ws }, g.ctx);
    try {
      await call('materials:attach', { criterionCode: '3.1.2', paths: photos() }, g.ctx);
      await call(
        'materials:attach',
        { criterionCode: '1.1.1', paths: [fixture('pdfs', 'minimal-document.pdf')] },
        g.ctx,
      );
      const out = join(g.base, '2026_市教育局_202605_月报.zip');
      await call('package:export', { kind: 'monthly', month: MONTH, out }, g.ctx);
      return out;
    } finally {
      await call('workspace:close', {}, g.ctx);
    }
  })();
  return basePackage;
}

const photos = () => ['DSCN0010.jpg', 'Canon_40D.jpg'].map((f) => fixture('photos', f));

/** What the workspace holds, to see that a refusal wrote nothing. */
async function snapshot(dir: string): Promise<Record<string, number>> {
  const ws = await Workspace.open(dir, { access: 'read' });
  try {
    const count = (table: string) => ws.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
    return {
      materials: count('materials'),
      blobs: count('blobs'),
      catalogs: count('catalog_versions'),
      references: count('reference_files'),
      audit: count('audit_log'),
    };
  } finally {
    ws.close();
  }
}

/**
 * Runs one case end to end: makes its input, sends it in (core in this process, or the built CLI), and checks what
 * every case must: the expected outcome, every message Chinese and free of raw errors, no crash, within 30 s, and
 * the workspace sound afterwards (database, audit chain, every blob, no orphan or temp file) — untouched when the
 * input was refused. Returns the time the entry point took.
 */
export async function runCase(c: HostileCase): Promise<number> {
  const g = await groupState(c.group);
  const env = envOf(g);
  const dir = join(g.base, 'in', c.name.replace(/[^\w.-]+/gu, '_'));
  mkdirSync(dir, { recursive: true });
  const inputs = await c.make(dir, env);
  const before = await snapshot(g.ws);
  const started = performance.now();
  const o = c.cli ? runCli(c.run, inputs, g) : await withDeadline(runCore(c.run, inputs, g));
  const ms = performance.now() - started;
  expect(ms, `${c.name} took ${Math.round(ms)} ms`).toBeLessThan(CASE_LIMIT_MS);
  o.added = await materialsOf(g, o.results);
  assertOutcome(c.expect, o, c.cli === true);
  for (const m of o.messages) assertChineseMessage(m, c.name);
  await c.check?.(o, env);
  await assertSound(g.ws, []);
  if (['refused', 'skipped', 'invalid', 'unreadable'].includes(c.expect.outcome))
    expect(await snapshot(g.ws), 'a refused input wrote nothing').toEqual(before);
  return ms;
}

function assertOutcome(e: Expect, o: Outcome, viaCli: boolean): void {
  expect(o.error?.code, `an unexpected failure: ${o.error?.message}`).not.toBe('internal');
  const exit = (code: number | number[]) => {
    if (viaCli) expect([code].flat(), `exit code ${o.exit}`).toContain(o.exit);
  };
  switch (e.outcome) {
    case 'refused':
      if (o.results.length > 0) {
        expect(o.results.map((r) => r.status)).toEqual(o.results.map(() => 'refused'));
        for (const r of o.results) expect(r.reason).toMatch(e.message);
        exit(1);
      } else {
        expect(o.error?.message, 'refused with a message').toMatch(e.message);
        exit([1, 2]);
      }
      return;
    case 'skipped':
      expect(o.results.length).toBeGreaterThan(0);
      expect(o.results.map((r) => r.status)).toEqual(o.results.map(() => 'skipped'));
      for (const r of o.results) expect(r.reason).toMatch(e.message);
      exit(0);
      return;
    case 'accepted':
      expect(o.error).toBeNull();
      expect(o.results.map((r) => r.status)).toEqual(o.results.map(() => 'added'));
      for (const m of o.added) expect(m.facts).toMatchObject(e.facts ?? {});
      exit(0);
      return;
    case 'imported':
      expect(o.error).toBeNull();
      expect(o.value).not.toBeNull();
      exit(0);
      return;
    case 'invalid':
      expect(o.verify?.valid).toBe(false);
      expect(o.verify!.problems.map((p) => p.code)).toEqual(expect.arrayContaining(e.problems));
      exit(1);
      return;
    case 'valid':
      expect(o.verify?.valid).toBe(true);
      expect(o.verify!.problems.map((p) => p.code)).toEqual(expect.arrayContaining(e.warnings));
      exit(0);
      return;
    case 'unreadable':
      expect(o.verify?.valid).toBe(false);
      expect(o.verify!.problems.map((p) => p.code)).toContain('zip-unreadable');
      exit(2);
      return;
    case 'exported':
      expect(o.error).toBeNull();
      expect(existsSync(String(o.value?.path))).toBe(true);
      exit(0);
  }
}

const blank = (): Outcome => ({
  results: [],
  added: [],
  error: null,
  verify: null,
  value: null,
  messages: [],
  exit: null,
});

/** Fails a run that does not settle in time (a hang), instead of waiting for vitest's own limit. */
async function withDeadline<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CASE_LIMIT_MS} ms: a hang`)), CASE_LIMIT_MS + 5_000);
  });
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** In this process, through core's `call()`: the app's path (dispatch, zod, the handlers). */
async function runCore(run: Entry, inputs: string[], g: GroupState): Promise<Outcome> {
  const o = blank();
  const { ctx } = g;
  if (run.entry !== 'verify') await call('workspace:open', { dir: g.ws }, ctx);
  try {
    switch (run.entry) {
      case 'attach':
        o.results = (
          await call(
            'materials:attach',
            { criterionCode: run.criterion ?? '3.1.2', paths: inputs, title: run.title, caption: run.caption },
            ctx,
          )
        ).results;
        break;
      case 'catalog-import':
        o.value = { ...(await call('catalog:import', { file: inputs[0] }, ctx)) };
        break;
      case 'verify': {
        const v = (await call('package:verify', { file: inputs[0] }, ctx))!;
        o.verify = v;
        break;
      }
      case 'reference-import': {
        const r = (await call('reference:import', { source: inputs[0] }, ctx))!;
        o.value = { ...r };
        o.results = r.skipped.map((s) => skippedResult(s.file, s.reason));
        break;
      }
      case 'export-with-title': {
        o.results = (
          await call(
            'materials:attach',
            { criterionCode: run.criterion, paths: inputs, title: run.title, caption: run.caption },
            ctx,
          )
        ).results;
        const out = join(g.base, `export-${run.criterion}.zip`);
        o.value = { ...(await call('package:export', { kind: 'monthly', month: MONTH, out }, ctx)) };
        break;
      }
    }
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    o.error = { code: e.code, message: e.message };
  } finally {
    await call('workspace:close', {}, ctx);
  }
  collectMessages(o);
  return o;
}

/** Through the built CLI, as the officer's shell runs it: exit code, one JSON document on stdout, no stack trace. */
function runCli(run: Entry, inputs: string[], g: GroupState): Outcome {
  const o = blank();
  const ws = g.ws;
  const attachArgs = (code: string, title?: string, caption?: string) => [
    'attach',
    ws,
    code,
    ...inputs,
    ...(title !== undefined ? ['--title', title] : []),
    ...(caption !== undefined ? ['--caption', caption] : []),
  ];
  const step = (args: string[]): Record<string, unknown> => {
    const r = spawnSync(process.execPath, [BUILT_CLI, ...args, '--json'], {
      encoding: 'utf8',
      env: { ...process.env, WANGBAO_USER_DATA: join(g.base, 'user-data') },
      maxBuffer: 1 << 28,
      timeout: CASE_LIMIT_MS + 5_000,
    });
    expect(r.signal, `the CLI was killed (${r.signal}): a hang or a crash`).toBeNull();
    assertNoStackTrace(r.stderr);
    o.exit = r.status;
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(r.stdout) as Record<string, unknown>;
    } catch {
      throw new Error(
        `stdout is not one JSON document:\n${r.stdout.slice(0, 500)}\nstderr:\n${r.stderr.slice(0, 500)}`,
      );
    }
    if (json.error) o.error = json.error as Outcome['error'];
    return json;
  };
  switch (run.entry) {
    case 'attach':
      o.results = (step(attachArgs(run.criterion ?? '3.1.2', run.title, run.caption)).results as AttachResult[]) ?? [];
      break;
    case 'catalog-import': {
      const j = step(['catalog', 'import', ws, inputs[0]!]);
      if (!j.error) o.value = j;
      break;
    }
    case 'verify':
      o.verify = step(['verify', inputs[0]!]) as unknown as Outcome['verify'];
      break;
    case 'reference-import': {
      const j = step(['reference', 'import', ws, inputs[0]!]);
      if (!j.error) {
        o.value = j;
        o.results = (j.skipped as { file: string; reason: string }[]).map((s) => skippedResult(s.file, s.reason));
      }
      break;
    }
    case 'export-with-title': {
      const j = step(attachArgs(run.criterion, run.title, run.caption));
      o.results = (j.results as AttachResult[]) ?? [];
      if (o.error) break;
      const e = step(['export', ws, join(g.base, `export-${run.criterion}.zip`), '--month', MONTH]);
      if (!e.error) o.value = e;
      break;
    }
  }
  collectMessages(o);
  return o;
}

function skippedResult(file: string, reason: string): AttachResult {
  return { file, status: 'skipped', materialId: null, sha256: null, alsoOn: [], reason };
}

function collectMessages(o: Outcome): void {
  for (const r of o.results) if (r.reason) o.messages.push(r.reason);
  if (o.error) o.messages.push(o.error.message);
  for (const p of o.verify?.problems ?? []) o.messages.push(p.message);
}

/** The materials the results added, read back from the workspace. */
async function materialsOf(g: GroupState, results: AttachResult[]): Promise<Outcome['added']> {
  const ids = new Set(results.filter((r) => r.status === 'added').map((r) => r.materialId));
  if (ids.size === 0) return [];
  await call('workspace:open', { dir: g.ws, access: 'read' }, g.ctx);
  try {
    return (await call('materials:list', {}, g.ctx)).materials.filter((m) => ids.has(m.id));
  } finally {
    await call('workspace:close', {}, g.ctx);
  }
}

/** Verify's result for an exported package (the export already verified it; this reads it as a receiver does). */
export const reverify = (path: string) => verifyPackage(path);
