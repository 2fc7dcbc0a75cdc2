import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forTerminal } from '../../electron/cli/messages';
import { FIXTURES } from '../helpers/ctx';
import { cli, type CliRun } from '../helpers/cli';
import { tmpDir } from '../helpers/tmp';

// The CLI speaks to a person: the Chinese message alone on stderr (log lines go to the log file), argument errors
// that say what was expected, commands rather than the app's screens, no English fragments, a readable 体检.

const QUIET = { WANGBAO_DEBUG: '' };
const logOf = (userData: string): string => readFileSync(join(userData, 'logs', 'wangbao.log'), 'utf8');
/** Everything a person reads from a run. */
const said = (r: CliRun): string => r.stdout + r.stderr;
/** A message that sends the user to a screen of the app (`请在“体检”中…`). */
const SCREEN = /请在“|请在映射中/u;

/** A camera JPEG cut short (an interrupted copy): it decodes, with libjpeg's warnings. */
function truncatedJpeg(dir: string): string {
  const file = join(dir, 'cut-short.jpg');
  writeFileSync(file, readFileSync(join(FIXTURES, 'photos', 'DSCN0010.jpg')).subarray(0, 30_000));
  return file;
}

describe('the CLI speaks to a person', () => {
  it('keeps log lines and libvips warnings off stderr and in the log file; WANGBAO_DEBUG=1 shows them', () => {
    const base = tmpDir();
    const ws = join(base, 'ws');
    cli(['init', ws, '--demo', '--year', '2026'], base, QUIET);
    const damaged = truncatedJpeg(base);
    const corrupted = join(FIXTURES, 'photos', 'corrupted.jpg');
    const r = cli(['attach', ws, '3.1.2', damaged, corrupted], base, QUIET);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('已添加');
    expect(r.stdout).toContain('未添加');
    expect(r.stdout).toContain('图片已损坏，无法解码');
    expect(r.stdout).not.toMatch(/WARN|Vips|JPEG data/u);

    // The log has what was kept from the person: core's WARN lines and libvips' own warnings, from the intake
    // worker threads (where the images are read) as well as core's thread.
    const log = logOf(base);
    expect(log).toMatch(/ INFO wangbao attach /u);
    expect(log).toMatch(/ WARN attach refused .*corrupted\.jpg: .*VipsJpeg/u);
    expect(log).toMatch(/ WARN libvips .*damaged, decoding anyway: .*VipsJpeg/u);
    expect(log).toMatch(/ WARN libvips .*: (error in tile|read gave)/u);

    const failed = cli(['export', ws, join(base, 'missing', 'p.zip')], base, QUIET);
    expect([failed.code, failed.stdout]).toEqual([2, '']);
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
    expect(failed.stderr).toMatch(/^错误：/u);

    const debug = cli(['attach', ws, '3.1.2', corrupted, '--json'], base, { WANGBAO_DEBUG: '1' });
    expect(debug.stderr).toMatch(/ WARN attach refused /u);
    expect(debug.stderr).toMatch(/ WARN libvips /u);
    expect(debug.json().results).toHaveLength(1); // stdout still holds the JSON alone
  });

  it('argument errors say what was expected', () => {
    const base = tmpDir();
    const ws = join(base, 'ws');
    cli(['init', ws, '--demo', '--year', '2026'], base, QUIET);
    const photo = join(FIXTURES, 'photos', 'Canon_40D.jpg');

    const date = cli(['attach', ws, '3.1.2', photo, '--date', '2025/05/12'], base, QUIET);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('日期格式应为 YYYY-MM-DD，例如 2025-05-12');
    const dateJson = cli(['attach', ws, '3.1.2', photo, '--date', '2025/05/12', '--json'], base, QUIET);
    expect([dateJson.code, dateJson.json()]).toEqual([
      2,
      { error: { code: 'invalid-args', message: expect.stringContaining('日期格式应为 YYYY-MM-DD，例如 2025-05-12') } },
    ]);
    expect(cli(['export', ws, join(base, 'p.zip'), '--month', '2026/5'], base, QUIET).stderr).toContain(
      '月份格式应为 YYYY-MM，例如 2025-05',
    );

    const unknown = cli(['frobnicate', ws], base, QUIET);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^错误：未知的命令：frobnicate。/u);
    expect(unknown.stderr.indexOf('未知的命令')).toBeLessThan(unknown.stderr.indexOf('用法'));
    expect(cli(['catalog', 'frob', ws], base, QUIET).stderr).toMatch(/^错误：未知的命令：catalog frob（应为/u);
    // A command with the wrong positionals answers with its own lines of the help, which come from one table.
    const help = cli(['--help'], base, QUIET).stdout; // asked for: on stdout, so it can be paged
    const wrong = cli(['declare', ws], base, QUIET);
    const forms = wrong.stderr.split('\n').filter((l) => l.startsWith('  wangbao declare'));
    expect([wrong.code, forms.length]).toEqual([2, 2]);
    for (const line of forms) expect(help).toContain(line);
    expect(help).toMatch(/wangbao init .*--alias 别名/u);

    const option = cli(['attach', ws, '3.1.2', photo, '--fast'], base, QUIET);
    expect([option.code, option.stderr]).toEqual([2, '错误：未知的选项：--fast。可用的选项见 wangbao --help。\n']);
    expect(cli(['attach', ws, '3.1.2', photo, '--date'], base, QUIET).stderr).toContain(
      '选项 --date 后面缺少取值，例如 --date 2025-05-12',
    );

    const missing = join(base, '没有这个文件夹');
    const exp = cli(['export', ws, join(missing, 'p.zip')], base, QUIET);
    expect([exp.code, exp.stderr]).toEqual([
      2,
      `错误：保存申报包的文件夹不存在：${missing}。请先建好文件夹，或换一个位置。\n`,
    ]);
  });

  it('names commands, never a screen of the app, and leaves no English in Chinese messages', () => {
    const base = tmpDir();
    const ws = join(base, 'ws');
    cli(['init', ws, '--demo', '--year', '2026'], base, QUIET);

    const pass = join(base, 'pass.txt');
    writeFileSync(pass, '主要口令456\n');
    cli(['signer', 'add', ws, '--name', '李主要', '--level', 'principal', '--passphrase-file', pass], base, QUIET);
    const final = cli(
      ['export', ws, join(base, 'f.zip'), '--final', '--signer', '李主要', '--passphrase-file', pass],
      base,
      QUIET,
    );
    expect(final.code).toBe(1);
    expect(final.stderr).toContain('wangbao check');
    expect(final.stderr).not.toMatch(SCREEN);
    // The review rules send the officer to the leaders, with the command they use.
    const check = cli(['check', ws], base, QUIET);
    expect(check.stdout).not.toMatch(SCREEN);

    const bad = join(base, '2025.zip');
    writeFileSync(bad, 'not a package');
    const ref = cli(['reference', 'import', ws, bad], base, QUIET);
    expect(ref.code).toBe(1);
    expect(ref.stderr).toContain('wangbao verify');
    expect(ref.stderr).not.toMatch(SCREEN);

    const gone = cli(['verify', join(base, 'gone.zip')], base, QUIET);
    expect(gone.code).toBe(2);
    expect(gone.stdout).toContain('（文件不存在）');
    expect(said(gone)).not.toMatch(/ENOENT|no such file|directory|open '/u);
    expect(cli(['verify', join(base, 'gone.zip'), '--fast'], base, QUIET).stderr).not.toMatch(
      /Unknown|option|To specify/u,
    );
    expect(existsSync(join(base, 'logs', 'wangbao.log'))).toBe(true);
    expect(logOf(base)).toContain('verified ' + join(base, 'gone.zip')); // each command is in the log for support
  });

  it('check without --json: the summary first, then the findings grouped by criterion', () => {
    const base = tmpDir();
    const ws = join(base, 'ws');
    cli(['init', ws, '--demo', '--year', '2026'], base, QUIET);
    // Canon_40D.jpg was shot on 2008-05-30: its event date, taken from the EXIF, and the EXIF date are the same day.
    cli(['attach', ws, '3.1.2', join(FIXTURES, 'photos', 'Canon_40D.jpg')], base, QUIET);
    const json = cli(['check', ws, '--json'], base, QUIET).json() as {
      summary: { errors: number; warnings: number; infos: number; pointsAtRisk: number };
      findings: { criterionCode: string; ruleId: string; message: string }[];
    };
    const human = cli(['check', ws], base, QUIET);
    expect(human.code).toBe(1);
    expect(human.stderr).toBe('');
    const lines = human.stdout.trimEnd().split('\n');
    const s = json.summary;
    const present = [`错误 ${s.errors} 项`, `警告 ${s.warnings} 项`, `提示 ${s.infos} 项`].filter(
      (c) => !/ 0 项/u.test(c),
    );
    expect(s.errors).toBeGreaterThan(0);
    expect(lines[0]).toBe(`体检结果：${present.join('，')}；预计失分 ${s.pointsAtRisk} 分。`);
    const codes = [...new Set(json.findings.map((f) => f.criterionCode))];
    // One heading per criterion, in the findings' (catalog) order, each once; the findings indented below it.
    const headings = lines.filter((l) => /^\d/u.test(l)).map((l) => l.split(' ')[0]);
    expect(headings).toEqual(codes);
    expect(lines.find((l) => l.startsWith('3.1.2 '))).toMatch(/^3\.1\.2 \S+（错误 \d+ 项/u);
    expect(lines.filter((l) => /^ {2}(错误|警告|提示) {2}/u.test(l))).toHaveLength(json.findings.length);
    expect(human.stdout).not.toMatch(SCREEN);

    // Repeated dates are said once.
    const outside = json.findings.find((f) => f.ruleId === 'date-outside-period')!;
    expect(outside.message.match(/2008-05-30/gu)).toHaveLength(1);
    expect(outside.message).toMatch(/^日期和照片拍摄时间 2008-05-30 不在测评周期/u);
  });
});

describe('forTerminal', () => {
  it('turns screens into commands and English system errors into Chinese, leaving file types and Chinese alone', () => {
    expect(forTerminal('还有 3 项错误（会失分），不能生成正式申报包。请在“体检”中逐项处理；月报可以照常导出。')).toBe(
      '还有 3 项错误（会失分），不能生成正式申报包。请用 wangbao check <工作区> 查看并逐项处理；月报可以照常导出。',
    );
    expect(forTerminal("无法读取。（ENOENT: no such file or directory, open '/tmp/网报通/a.zip'）")).toBe(
      '无法读取。（文件不存在）',
    );
    expect(forTerminal('本地文件头无法读取（invalid local file header signature: 0x0）')).toBe('本地文件头无法读取');
    const kept = '请另存为“Excel 工作簿（*.xlsx）”再导入（CSV 不保存合并单元格）。月份应为 YYYY-MM（如 2026-05）';
    expect(forTerminal(kept)).toBe(kept);
  });
});
