import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogNodeInput } from '@shared/schemas/catalog-file';

/** Writes a catalog file in our JSON format and returns its path. */
export function writeCatalog(dir: string, nodes: CatalogNodeInput[], edition = '2026', name = 'catalog.json'): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ format: 'wangbao-catalog', formatVersion: 1, edition, nodes }));
  return path;
}

/** A catalog of `leaves` standards under 项目 → 内容 → 标准, units and methods varied like a real one. */
export function generatedCatalog(leaves: number): CatalogNodeInput[] {
  const units = ['市教育局', '市卫健委', '市城管局', '市民政局', '团市委', '市文明办'];
  const perContent = 5;
  const contents = Math.ceil(leaves / perContent);
  const perProject = 6;
  const projects: CatalogNodeInput[] = [];
  let made = 0;
  for (let p = 0; p * perProject < contents; p++) {
    const children: CatalogNodeInput[] = [];
    for (let c = 0; c < perProject && made < leaves; c++) {
      const stds: CatalogNodeInput[] = [];
      for (let s = 0; s < perContent && made < leaves; s++, made++) {
        stds.push({
          label: `${s + 1}.`,
          title: `测评标准 ${made + 1}：开展主题活动并留存材料`,
          text: `第 ${made + 1} 条标准的完整内容，要求有方案、有总结、有图片。`.repeat(3),
          methods: made % 7 === 0 ? '实地考察' : '网上申报、实地考察',
          points: (made % 4) + 0.5,
          requirements: '实景图片不少于3张；情况说明；相关文件',
          leadUnit: units[made % units.length],
          responsibleUnits: [units[(made + 1) % units.length]!, '各区人民政府'],
          deadline: made % 3 === 0 ? '每月5日前' : '2026年6月30日前',
        });
      }
      children.push({ label: `（${c + 1}）`, title: `测评内容 ${p + 1}.${c + 1}`, children: stds });
    }
    projects.push({ label: `${p + 1}、`, title: `测评项目 ${p + 1}`, children });
  }
  return projects;
}
