import { PhashIndex } from '../phash-bands';
import { aboutMaterial } from './draft';
import type { CheckMaterial, Draft, ReferenceFile, Rule } from './types';

/**
 * `duplicate-across-criteria` (the same file on several criteria) and `near-duplicate` (photos within the
 * profile's pHash distance on different criteria): reported once on every criterion holding a copy, naming the
 * others. Pairs of near-duplicates come from intake's index, so this is linear in the materials.
 */
export const duplicateRules: Rule = (x) => {
  const out: Draft[] = [];
  const bySha = new Map<string, CheckMaterial[]>();
  for (const m of x.materials) {
    const list = bySha.get(m.sha256);
    if (list) list.push(m);
    else bySha.set(m.sha256, [m]);
  }
  const elsewhere = (m: CheckMaterial, others: CheckMaterial[]): string[] => [
    ...new Set(others.filter((o) => o.criterionCode !== m.criterionCode).map((o) => o.criterionCode)),
  ];
  for (const group of bySha.values()) {
    if (group.length < 2) continue;
    for (const m of group) {
      const codes = elsewhere(m, group);
      if (codes.length > 0)
        out.push(
          aboutMaterial(
            m,
            'duplicate-across-criteria',
            `同一文件也用于 ${codes.join('、')}。一份材料重复用于多条标准，评审会认为材料不足或敷衍；请为每条标准提供各自的材料。`,
            'replace',
          ),
        );
    }
  }
  const near = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => {
    const s = near.get(a);
    if (s) s.add(b);
    else near.set(a, new Set([b]));
  };
  for (const p of x.nearDuplicates) {
    if (p.distance > x.t.nearDuplicateMaxDistance) continue;
    link(p.a, p.b);
    link(p.b, p.a);
  }
  for (const m of x.materials) {
    const shas = m.kind === 'photo' ? near.get(m.sha256) : undefined;
    if (!shas) continue;
    const partners = [...shas].flatMap((sha) => bySha.get(sha) ?? []);
    const codes = elsewhere(
      m,
      partners.filter((o) => o.kind === 'photo'),
    );
    if (codes.length > 0)
      out.push(
        aboutMaterial(
          m,
          'near-duplicate',
          `这张照片与 ${codes.join('、')} 中的照片几乎相同（同一张照片裁剪、缩放或重新保存）。同一场景的照片不宜用于多条标准。`,
          'replace',
        ),
      );
  }
  return out;
};

/**
 * `reused-from-earlier-year`: a material whose file is one of the 往年材料 (same SHA-256), or a photo within the
 * near-duplicate distance of one of them.
 */
export const referenceRules: Rule = (x) => {
  if (x.references.length === 0) return [];
  const exact = new Map<string, ReferenceFile>();
  const index = new PhashIndex<ReferenceFile>();
  for (const r of x.references) {
    exact.set(r.sha256, r);
    if (r.phash) index.add(r.phash, r);
  }
  const out: Draft[] = [];
  for (const m of x.materials) {
    const same = exact.get(m.sha256);
    const similar =
      same === undefined && m.facts.phash
        ? index.near(m.facts.phash, x.t.nearDuplicateMaxDistance)[0]?.value
        : undefined;
    const ref = same ?? similar;
    if (!ref) continue;
    out.push(
      aboutMaterial(
        m,
        'reused-from-earlier-year',
        `与 ${ref.year} 年的材料“${ref.fileName}”${same ? '完全相同' : '几乎相同'}。往年材料不能用于本年度，请换用本测评周期内的材料。`,
        'replace',
      ),
    );
  }
  return out;
};
