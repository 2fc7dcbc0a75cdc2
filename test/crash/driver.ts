// The process the crash-injection suite kills: runs one operation on a workspace through core's own handlers and
// reports, line by line on stdout, what the user would have been told is done ("ack …"), so the suite can check that
// nothing acknowledged is lost after a SIGKILL at any moment.
//   node --import tsx test/crash/driver.ts <op> <workspace> <input> [<target>]
// Lines: "go" once the workspace is open (the kill clock starts), "ack <kind> <id> [detail]", then "done".
import { join } from 'node:path';
import { call } from '../../electron/core/dispatch';
import { createHost } from '../../electron/core/host';
import { memoryLogger } from '../../electron/core/log';
import { nodePlatform } from '../../electron/cli/node-platform';
import { CRASH_CRITERION, CRASH_MOVE_TO, type CrashOp } from './ops';

const say = (line: string): void => void process.stdout.write(`${line}\n`);

async function main(op: CrashOp, ws: string, input: string, target: string): Promise<void> {
  const ctx = createHost({ platform: nodePlatform('crash-test'), trusted: true, log: memoryLogger() });
  await call('workspace:open', { dir: ws }, ctx);
  say('go');
  const live = async () =>
    (await call('materials:list', { criterionCode: CRASH_CRITERION }, ctx)).materials.map((m) => m.id);
  switch (op) {
    case 'intake': {
      // Files in small batches, as a user drops a few at a time: each batch's added materials are acknowledged.
      const { readdirSync } = await import('node:fs');
      const files = readdirSync(input).sort();
      for (let i = 0; i < files.length; i += 3) {
        const paths = files.slice(i, i + 3).map((f) => join(input, f));
        const r = await call('materials:attach', { criterionCode: CRASH_CRITERION, paths }, ctx);
        for (const x of r.results) if (x.status === 'added') say(`ack added ${x.materialId}`);
      }
      break;
    }
    case 'edit':
      for (const id of await live()) {
        await call('materials:move', { ids: [id], toCriterionCode: CRASH_MOVE_TO, copy: false }, ctx);
        say(`ack moved ${id}`);
        await call('materials:delete', { ids: [id], deleted: true }, ctx);
        say(`ack trashed ${id}`);
        await call('materials:delete', { ids: [id], deleted: false }, ctx);
        say(`ack restored ${id}`);
      }
      break;
    case 'optimize':
      for (const id of await live()) {
        const r = await call('materials:optimize', { id }, ctx);
        if ('after' in r) say(`ack optimized ${id}`);
      }
      break;
    case 'reference': {
      const r = await call('reference:import', { source: input, year: 2025 }, ctx);
      say(`ack reference ${r?.added ?? 0}`);
      break;
    }
    case 'export': {
      const r = await call('package:export', { kind: 'monthly', month: '2026-05', out: input }, ctx);
      say(`ack exported ${r?.path ?? ''}`);
      break;
    }
    case 'backup':
    case 'backup-folder': {
      const r = await call('backup:create', { to: op === 'backup' ? 'file' : 'folder', out: input }, ctx);
      say(`ack backed-up ${r?.path ?? ''}`);
      break;
    }
    case 'restore': {
      const r = await call('backup:restore', { source: input, dir: target }, ctx);
      say(`ack restored ${r?.workspace ?? ''}`);
      break;
    }
  }
  ctx.session.workspace?.close();
  say('done');
}

const [op, ws, input, target = ''] = process.argv.slice(2) as [CrashOp, string, string, string?];
if (op) await main(op, ws, input, target);
