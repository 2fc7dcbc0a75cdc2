import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCaption } from '@shared/domain/caption';
import type { CheckMaterial } from '@shared/domain/rules/types';
import { Manifest } from '@shared/schemas/package-manifest';
import { listCriteria } from '../../electron/core/catalog/criteria-repo';
import { liveMaterials } from '../../electron/core/materials/live-materials';
import { call } from '../../electron/core/dispatch';
import { canonicalJson } from '../../electron/core/signoff/canonical-json';
import {
  contentOfManifest,
  contentSha256,
  contentSha256s,
  criterionContent,
  type ContentCriterion,
} from '../../electron/core/signoff/content';
import { material } from '../helpers/check-input';
import { FIXTURES } from '../helpers/ctx';
import { useDemoWorkspace } from '../helpers/demo-workspace';
import { FULL_CAPTION, periodPhoto } from '../helpers/photos';
import { readZip } from '../helpers/zips';

/**
 * A criterion's content hash (PACKAGE-FORMAT.md): what turns an approval stale and what must not; and the same
 * hash whether computed from the workspace or from the package exported from it.
 */

const hex = (n: number) => n.toString(16).padStart(64, '0');

/** Two criteria's materials as the checker reads them from the workspace (`CheckMaterial`). */
function workspaceMaterials(): CheckMaterial[] {
  return [
    material('3.1.2', { id: 'b-2', sha256: hex(2), caption: parseCaption(FULL_CAPTION) }),
    material('3.1.2', { id: 'a-1', sha256: hex(1), caption: null, eventDate: null }),
    material('3.1.2', { id: 'B-3', sha256: hex(3), kind: 'document', title: '实施方案' }),
    material('3.2.3', { id: 'c-4', sha256: hex(4) }),
  ];
}
const crit = { code: '3.1.2', declaration: null };
const hashOf = (materials: CheckMaterial[], c: ContentCriterion = crit) =>
  contentSha256(criterionContent(c, materials));

describe('a criterion’s content hash', () => {
  const base = workspaceMaterials();
  const before = hashOf(base);
  const edit = (id: string, over: Partial<CheckMaterial>) => base.map((m) => (m.id === id ? { ...m, ...over } : m));

  it('is the SHA-256 of the canonical JSON PACKAGE-FORMAT.md describes, materials by id in code-unit order', () => {
    const content = criterionContent(crit, base);
    expect(content.materials.map((m) => m.id)).toEqual(['B-3', 'a-1', 'b-2']);
    expect(content.materials[1]).toEqual({
      id: 'a-1',
      kind: 'photo',
      title: base[1]!.title,
      captionText: null,
      eventDate: null,
      month: '2026-03',
      sha256: hex(1),
    });
    expect(content.materials[2]!.captionText).toBe(FULL_CAPTION);
    expect(canonicalJson(criterionContent(crit, [base[1]!])).toString('utf8')).toBe(
      '{"criterionCode":"3.1.2","declaration":null,"materials":[{"captionText":null,"eventDate":null,"id":"a-1",' +
        `"kind":"photo","month":"2026-03","sha256":"${hex(1)}","title":"${base[1]!.title}"}]}`,
    );
    expect(before).toBe(createHash('sha256').update(canonicalJson(content)).digest('hex'));
  });

  it.each<[string, () => string]>([
    ['a material is added', () => hashOf([...base, material('3.1.2', { id: 'd-5', sha256: hex(5) })])],
    ['a material is removed', () => hashOf(base.filter((m) => m.id !== 'a-1'))],
    ['a file is replaced (its sha256)', () => hashOf(edit('a-1', { sha256: hex(9) }))],
    ['a material is moved to another criterion', () => hashOf(edit('b-2', { criterionCode: '3.2.3' }))],
    ['a material is moved in from another', () => hashOf(edit('c-4', { criterionCode: '3.1.2' }))],
    ['a caption’s text is edited', () => hashOf(edit('b-2', { caption: parseCaption(`${FULL_CAPTION}。`) }))],
    ['a caption is added', () => hashOf(edit('a-1', { caption: parseCaption('时间：2026年3月1日') }))],
    ['an eventDate is edited', () => hashOf(edit('b-2', { eventDate: '2026-03-13' }))],
    ['a title is edited', () => hashOf(edit('B-3', { title: '实施方案（修订）' }))],
    ['a month is edited', () => hashOf(edit('B-3', { month: '2026-04' }))],
    ['a kind is edited', () => hashOf(edit('B-3', { kind: 'statement' }))],
    [
      'a declaration is made',
      () => hashOf(base, { code: '3.1.2', declaration: { statement: '本单位不承担该项工作。' } }),
    ],
  ])('changes when %s', (_, after) => expect(after()).not.toBe(before));

  it('changes when a declaration’s statement is edited, not when only its date does', () => {
    const declared = (statement: string, declaredAt = '2026-05-01T09:00:00+08:00') => ({
      code: '3.1.2',
      declaration: { statement, declaredAt },
    });
    expect(hashOf([], declared('职能已划转市文旅局。'))).not.toBe(hashOf([], declared('职能已划转市文广局。')));
    expect(hashOf([], declared('职能已划转市文旅局。'))).toBe(
      hashOf([], declared('职能已划转市文旅局。', '2026-05-02T09:00:00+08:00')),
    );
  });

  it.each<[string, () => string]>([
    ['the materials come in another order', () => hashOf([...base].reverse())],
    [
      'a caption’s parsed fields change but not its words',
      () => hashOf(edit('b-2', { caption: { ...parseCaption(FULL_CAPTION), place: '别处', date: null } })),
    ],
    [
      'what only the workspace knows changes',
      () => hashOf(edit('b-2', { fileName: 'x.jpg', bytes: 1, facts: {} as CheckMaterial['facts'] })),
    ],
    ['another criterion’s material changes', () => hashOf(edit('c-4', { title: '别的标准的照片' }))],
  ])('does not change when %s', (_, after) => expect(after()).toBe(before));

  it('is the same from the workspace’s shape and from the manifest’s, and hashes all criteria at once alike', () => {
    const ws = workspaceMaterials();
    const criteria = [
      { code: '3.1.2', declaration: null },
      { code: '3.2.3', declaration: null },
      {
        code: '3.1.3',
        declaration: { statement: '本单位不承担该项工作，职能已划转。', declaredAt: '2026-05-01T09:00:00+08:00' },
      },
    ];
    const manifest = Manifest.parse({
      format: 'wangbao-package',
      formatVersion: 1,
      kind: 'monthly',
      app: { name: 'wangbao', version: 'test' },
      createdAt: '2026-05-20T10:00:00+08:00',
      unit: { id: 'unit-1', name: '市教育局' },
      year: 2026,
      month: '2026-05',
      period: { start: '2025-11-01', end: '2026-10-31' },
      catalog: { id: 'c', edition: '2026', sha256: hex(7) },
      ruleProfileSha256: hex(8),
      criteria: criteria.map((c) => ({ ...c, title: `标准 ${c.code}`, points: 2, status: 'in-progress' })),
      files: [],
      // As the exporter writes them: the package's fields, none of the checker's.
      materials: ws.map((m) => ({
        id: m.id,
        criterionCode: m.criterionCode,
        kind: m.kind,
        title: m.title,
        caption: m.caption,
        eventDate: m.eventDate,
        month: m.month,
        path: `材料/${m.criterionCode}/${m.id}.jpg`,
        sha256: m.sha256,
        bytes: m.bytes,
      })),
      reviews: [],
      check: { errors: 0, warnings: 0, pointsAtRisk: 0 },
    });
    const fromWorkspace = contentSha256s(criteria, ws);
    for (const c of criteria) {
      const content = contentOfManifest(manifest, c.code)!;
      expect(contentSha256(content)).toBe(fromWorkspace.get(c.code));
      expect(contentSha256(content)).toBe(hashOf(ws, c));
    }
    expect(contentOfManifest(manifest, '9.9.9')).toBeNull();
  });
});

describe('content from the workspace and from the package exported from it', () => {
  const demo = useDemoWorkspace();

  it('hashes the same for every criterion of the package', async () => {
    const { ctx, base, attach } = demo;
    await attach('3.1.2', [join(FIXTURES, 'pdfs'), await periodPhoto(join(base, '宣讲.jpg'))], {
      caption: FULL_CAPTION,
    });
    await attach('3.2.3', [await periodPhoto(join(base, '家长学校.jpg'), (s) => s.flop())]);
    const statement = '本单位不承担该项工作，相关职能已于2025年划转至市文旅局。';
    await call('criteria:declare', { criterionCode: '3.1.3', statement }, ctx);
    const r = await call('package:export', { kind: 'monthly', month: '2026-05', out: join(base, 'pkg.zip') }, ctx);
    const bytes = (await readZip(r!.path)).find((i) => i.name === 'manifest.json')!.bytes;
    const manifest = Manifest.parse(JSON.parse(bytes.toString('utf8')));

    const db = ctx.session.workspace!.db;
    const fromWorkspace = contentSha256s(listCriteria(db), liveMaterials(db));
    const reviewed = ['3.1.2', '3.2.3', '3.1.3'];
    expect(manifest.criteria.map((c) => c.code)).toEqual(expect.arrayContaining(reviewed));
    for (const c of manifest.criteria)
      expect([c.code, contentSha256(contentOfManifest(manifest, c.code)!)]).toEqual([
        c.code,
        fromWorkspace.get(c.code),
      ]);
    expect(contentOfManifest(manifest, '3.1.2')!.materials.length).toBeGreaterThan(3);
    expect(contentOfManifest(manifest, '3.1.3')!.declaration).toBe(statement);
  });
});
