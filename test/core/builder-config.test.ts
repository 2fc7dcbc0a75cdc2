import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import jsYaml from 'js-yaml';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

// electron-builder.yml, checked without packaging (packaging needs internet: README "Building the installers").
// The schema, the matcher and the icon resolution are electron-builder's own: its scheme.json, validated with the
// ajv it validates with, minimatch with its options, and app-builder-lib's icon converter.

const REPO = resolve(import.meta.dirname, '..', '..');
const repoRequire = createRequire(join(REPO, 'package.json'));
const builderLib = resolve(repoRequire.resolve('app-builder-lib/package.json'), '..');
const builderRequire = createRequire(join(builderLib, 'package.json'));

type Target = { target: string; arch: string[] };
type FileSet = { from: string; to: string; filter: string[] };
type Config = Record<string, unknown> & {
  appId: string;
  productName: string;
  executableName: string;
  files: string[];
  extraResources: FileSet[];
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  fileAssociations: { ext: string; name: string; description: string; mimeType: string; icon?: string }[];
  win: Record<string, unknown> & { icon: string; target: Target[] };
  nsis: Record<string, unknown> & { include: string; installerIcon: string; uninstallerIcon: string };
  linux: Record<string, unknown> & { icon: string; target: Target[]; artifactName: string };
};
const config = jsYaml.load(readFileSync(join(REPO, 'electron-builder.yml'), 'utf8')) as Config;
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
} & Record<string, unknown>;
const nsh = readFileSync(join(REPO, config.nsis.include), 'utf8');

type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
const Ajv = (builderRequire('ajv') as { default: new (o: object) => { compile(s: object): Validate } }).default;
const validate = new Ajv({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(join(builderLib, 'scheme.json'), 'utf8')) as object,
);
const { minimatch } = builderRequire('minimatch') as { minimatch(p: string, pattern: string, o: object): boolean };
const matches = (path: string, pattern: string) => minimatch(path, pattern, { dot: true });
const unpacked = (path: string) => config.asarUnpack.some((p) => matches(path, p));

/** A package's folder as Node resolves it from `from` (hoisted or nested). */
function packageDir(name: string, from = REPO): string | null {
  for (let dir = from; dir.startsWith(REPO); dir = resolve(dir, '..')) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === REPO) break;
  }
  return null;
}

/** The installed production dependencies, transitively (what electron-builder copies into the app). */
function productionPackages(): string[] {
  const seen = new Set<string>();
  const queue = Object.keys(pkg.dependencies).map((name) => packageDir(name)!);
  while (queue.length > 0) {
    const dir = queue.pop()!;
    if (seen.has(dir)) continue;
    seen.add(dir);
    const p = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    for (const name of Object.keys({ ...p.dependencies, ...p.optionalDependencies })) {
      const found = packageDir(name, dir);
      if (found) queue.push(found);
    }
  }
  return [...seen];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** An .ico's directory: each image's size (0 means 256) and bytes. */
function icoImages(file: string): { size: number; data: Buffer }[] {
  const buf = readFileSync(file);
  expect([buf.readUInt16LE(0), buf.readUInt16LE(2)]).toEqual([0, 1]);
  return Array.from({ length: buf.readUInt16LE(4) }, (_, n) => {
    const e = 6 + 16 * n;
    const offset = buf.readUInt32LE(e + 12);
    return { size: buf[e] || 256, data: buf.subarray(offset, offset + buf.readUInt32LE(e + 8)) };
  });
}

describe('electron-builder.yml', () => {
  it('is a configuration electron-builder accepts: its own JSON schema, every key known', () => {
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    // The validator is really on: a misspelt option is refused rather than silently ignored.
    expect(validate({ ...config, nsis: { ...config.nsis, perMachin: false } })).toBe(false);
    expect(pkg.build, 'package.json "build" would be a second configuration').toBeUndefined();
  });

  it('builds the Windows x64 NSIS installer and, for x64 and arm64, the .deb and AppImage', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    // Both archs build into one folder: the artifact names tell them apart, in ASCII.
    expect(config.linux.artifactName).toContain('${arch}');
    for (const name of [config.linux.artifactName, config.nsis.artifactName as string, config.executableName])
      expect(name).toMatch(/^[\w.${}-]+$/u);
    expect(config.productName).toBe('网报通');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/u);
  });

  it('installs per user on Windows, never asking for admin rights, in Chinese, with both shortcuts', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      installerLanguages: ['zh_CN'],
      language: '2052',
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: '网报通',
      deleteAppDataOnUninstall: false,
    });
    // The "for me / for all users" page is skipped, always for the current user.
    expect(nsh).toMatch(/!macro customInstallMode\s+StrCpy \$isForceCurrentInstall "1"\s+!macroend/u);
    expect(nsh).not.toMatch(/\bHKLM\b|RequestExecutionLevel|UAC_RunElevated|isForceMachineInstall/u);
  });

  it('associates .wbbak; .zip only gets a context-menu entry, and only when the officer ticks it', () => {
    expect(config.fileAssociations.map((a) => a.ext)).toEqual(['wbbak']);
    expect(config.fileAssociations[0]).toMatchObject({ description: '网报通工作区备份', mimeType: expect.any(String) });
    expect(nsh).toContain(`!define WB_BACKUP_PROGID "${config.fileAssociations[0]!.name}"`);
    // Never the .zip type itself (that would change how every archive opens).
    expect(nsh).not.toMatch(/Classes\\\.zip|APP_ASSOCIATE/u);
    expect(nsh).toContain('!define WB_ZIP_VERB_KEY "Software\\Classes\\SystemFileAssociations\\.zip\\shell\\');
    // The entry is written only in the ticked branch; the box starts ticked only when an earlier install had it.
    const install = /!macro customInstall\n([\s\S]*?)!macroend/u.exec(nsh)![1]!;
    const ticked = /\$\{If\} \$wbZipVerify == "1"\n([\s\S]*?)\$\{ElseIf\}/u.exec(install)![1]!;
    const writes = [...install.matchAll(/WriteRegStr HKCU "\$\{WB_ZIP_VERB_KEY\}.*/gu)].map((m) => m[0]);
    expect(writes.length).toBeGreaterThan(0);
    for (const w of writes) expect(ticked).toContain(w);
    expect(ticked).toContain('--verify "%1"');
    expect(nsh.match(/\$\{NSD_Check\}/gu)).toHaveLength(1);
    expect(nsh).toMatch(
      /ReadRegStr \$0 HKCU "\$\{WB_ZIP_VERB_KEY\}" ""\s+\$\{If\} \$0 != ""\s+\$\{OrIf\} \$wbZipVerify == "1"\s+\$\{NSD_Check\}/u,
    );
    expect(/!macro customUnInstall\n([\s\S]*?)!macroend/u.exec(nsh)![1]).toContain(
      'DeleteRegKey HKCU "${WB_ZIP_VERB_KEY}"',
    );
  });

  it('names only files that exist, and electron-builder resolves its icons', async () => {
    for (const file of [config.win.icon, config.nsis.installerIcon, config.nsis.uninstallerIcon, config.nsis.include])
      expect(existsSync(join(REPO, file)), file).toBe(true);
    for (const a of config.fileAssociations) if (a.icon) expect(existsSync(join(REPO, a.icon)), a.icon).toBe(true);
    for (const set of config.extraResources) {
      const from = join(REPO, set.from);
      const files = filesUnder(from).map((f) => relative(from, f));
      // Every exclusion excludes something (none is left over from a file since renamed).
      for (const pattern of set.filter.filter((p) => p.startsWith('!')))
        expect(
          files.some((f) => matches(f, pattern.slice(1))),
          pattern,
        ).toBe(true);
    }
    expect(config.files.some((p) => matches(pkg.main, p))).toBe(true);

    const { convertIcon } = builderRequire('./out/util/iconConverter.js') as {
      convertIcon(o: object): Promise<{ icons: { file: string; size: number }[]; isFallback: boolean }>;
    };
    const resolveIcon = (source: string, format: string) =>
      convertIcon({ sources: [source], fallbackSources: [], roots: [REPO], format, outDir: join(REPO, 'dist') });
    const linux = await resolveIcon(config.linux.icon, 'set');
    expect(linux.isFallback).toBe(false);
    expect(linux.icons.map((i) => i.size)).toEqual([16, 24, 32, 48, 64, 128, 256, 512]);
    expect((await resolveIcon(config.win.icon, 'ico')).icons).toEqual([
      { file: join(REPO, config.win.icon), size: 256 },
    ]);
  });

  it('has icons of the sizes their names say: the Linux set and a multi-size .ico', async () => {
    const dir = join(REPO, config.linux.icon);
    for (const file of readdirSync(dir)) {
      const size = Number(/^(\d+)x\1\.png$/u.exec(file)![1]);
      expect(await sharp(join(dir, file)).metadata(), file).toMatchObject({ width: size, height: size, channels: 4 });
    }
    const images = icoImages(join(REPO, config.win.icon));
    expect(images.map((i) => i.size)).toEqual([16, 20, 24, 32, 40, 48, 64, 256]);
    for (const { size, data } of images) {
      if (size === 256) {
        expect(await sharp(data).metadata()).toMatchObject({ format: 'png', width: 256, height: 256 });
      } else {
        // BITMAPINFOHEADER of a 32-bit DIB: its height counts the AND mask too.
        expect([data.readUInt32LE(0), data.readInt32LE(4), data.readInt32LE(8), data.readUInt16LE(14)]).toEqual([
          40,
          size,
          2 * size,
          32,
        ]);
        expect(data.length).toBe(40 + size * size * 4 + Math.ceil(size / 32) * 4 * size);
      }
    }
  });

  it('keeps native code and libheif out of the asar, and ships what they load', () => {
    // Every native binary of the app's dependencies as installed here…
    const natives = productionPackages()
      .flatMap(filesUnder)
      .map((f) => relative(REPO, f).split('\\').join('/'))
      .filter((f) => /\.(node|dll|dylib)$|\.so(\.\d+)*$/u.test(f));
    expect(natives).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(natives.some((f) => f.startsWith('node_modules/@img/sharp-libvips-'))).toBe(true);
    for (const f of natives) expect(unpacked(f), f).toBe(true);
    // …and those of the other system and processor, which npm did not install on this machine.
    for (const f of [
      'node_modules/@img/sharp-win32-x64/lib/sharp-win32-x64-0.35.5.node',
      'node_modules/@img/sharp-win32-x64/lib/libvips-42.dll',
      'node_modules/@img/sharp-linux-arm64/lib/sharp-linux-arm64-0.35.5.node',
      'node_modules/@img/sharp-libvips-linux-arm64/lib/libvips-cpp.so.8.18.7',
      'node_modules/@napi-rs/canvas-win32-x64-msvc/skia.win32-x64-msvc.node',
    ])
      expect(unpacked(f), f).toBe(true);
    // HEIC: core decodes it with heic-decode, whose libheif is libheif-js (wasm).
    expect(readFileSync(join(REPO, 'electron/core/intake/heic.ts'), 'utf8')).toMatch(
      /import\('heic-decode'\)|'heic-decode'/u,
    );
    expect(pkg.dependencies).toHaveProperty('heic-decode');
    const heicDecode = JSON.parse(readFileSync(join(packageDir('heic-decode')!, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(heicDecode.dependencies).toHaveProperty('libheif-js');
    for (const f of filesUnder(packageDir('libheif-js')!)) expect(unpacked(relative(REPO, f)), f).toBe(true);
    // What better-sqlite3 loads at run time is not excluded by `files`.
    const excluded = (f: string) => config.files.some((p) => p.startsWith('!') && matches(f, p.slice(1)));
    for (const f of ['lib/index.js', 'lib/database.js', 'package.json', 'build/Release/better_sqlite3.node'])
      expect(excluded(`node_modules/better-sqlite3/${f}`), f).toBe(false);
    expect(excluded('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(true);
  });

  it('flips the fuses and loads the app only from its asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
    // onlyLoadAppFromAsar with the asar turned off would leave an app that cannot start.
    for (const level of [config, config.win, config.linux]) expect(level.asar).not.toBe(false);
  });

  it('publishes nothing and generates no update configuration (offline software)', () => {
    // null (not absent): electron-builder then looks for no provider, not even from GH_TOKEN or the repository.
    expect(config).toHaveProperty('publish', null);
    for (const level of ['win', 'nsis', 'linux', 'deb', 'appImage'] as const)
      expect((config[level] as Record<string, unknown> | undefined)?.publish ?? null, level).toBeNull();
    expect(config.nsis.differentialPackage).toBe(false);
    expect({ ...pkg.dependencies, ...pkg.devDependencies }).not.toHaveProperty('electron-updater');
    // Every script that packages goes through builder.mjs, which adds --publish never.
    for (const [name, script] of Object.entries(pkg.scripts)) {
      expect(script, name).not.toMatch(/\belectron-builder\b/u);
      expect(script, name).not.toMatch(/--publish[ =](always|onTag|onTagOrDraft)/u);
    }
    expect(pkg.scripts.dist).toContain('test/smoke/builder.mjs');
    expect(readFileSync(join(REPO, 'test/smoke/builder.mjs'), 'utf8')).toContain("'--publish', 'never'");
  });
});
