import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import type { CatalogNodeInput } from '@shared/schemas/catalog-file';
import { DEMO_CATALOG } from '../../helpers/ctx';
import { writeHandout, type HandoutSpec, type OfficeKey, type WrittenHandout } from '../../helpers/make-handout';
import { NOKIA } from '../../helpers/photos';

/** The demo catalog's nodes with one title reworded: the hand-out's edition of the ledger the demo starts from. */
function handoutNodes(): CatalogNodeInput[] {
  const nodes = (JSON.parse(readFileSync(DEMO_CATALOG, 'utf8')) as { nodes: CatalogNodeInput[] }).nodes;
  const copy = structuredClone(nodes) as (CatalogNodeInput & { children?: CatalogNodeInput[] })[];
  // 三、（一）3. 心理健康教育 (3.1.3) gets the office's wording.
  const node = copy[2]!.children![0]!.children![2] as { title: string };
  node.title = '心理健康教育（含心理辅导室建设）';
  return copy;
}

/** The units of 示例市 the office hands out to: the demo workspace is 市教育局. */
export const CITY_UNITS = [
  { id: 'u-edu', name: '市教育局', aliases: ['教育局'] },
  { id: 'u-pub', name: '市委宣传部' },
];

/** What the office asks of 市教育局 for June 2026, at the e2e moment (2026-06-15). */
export const PHOTO_REQUEST = 'req-photos-06';
export const STATEMENT_REQUEST = 'req-statement-06';
export const KEY_DATE = { date: '2026-06-17', title: '“我们的节日·端午”主题活动', criterionCodes: ['3.1.2'] };

/**
 * The 创城办's June hand-out to the demo city (HANDOUT-FORMAT.md, signed with `key`): the demo catalog, 市教育局's
 * criteria, two 要账 for June (two photos on 3.1.2, met by attaching them; a statement on 3.1.1 due on the 10th, so
 * overdue), one for a criterion the catalog lacks (skipped), a key date two days ahead and one attachment.
 */
export function cityHandout(dir: string, key: OfficeKey, over: Partial<HandoutSpec> = {}): Promise<WrittenHandout> {
  return writeHandout(dir, {
    key,
    nodes: handoutNodes(),
    units: CITY_UNITS,
    assignments: ['3.1.1', '3.1.2', '3.1.3', '2.1.2'].map((criterionCode) => ({
      unitId: 'u-edu',
      criterionCode,
      role: 'lead' as const,
    })),
    requests: [
      {
        id: PHOTO_REQUEST,
        unitId: 'u-edu',
        criterionCode: '3.1.2',
        month: '2026-06',
        text: '6月份劳动教育实践活动图片不少于2张',
        due: '2026-07-05',
        kind: 'photo',
        min: 2,
      },
      {
        id: STATEMENT_REQUEST,
        unitId: 'u-edu',
        criterionCode: '3.1.1',
        month: '2026-06',
        text: '6月份思政课开课情况说明',
        due: '2026-06-10',
      },
      { id: 'req-unknown', unitId: 'u-edu', criterionCode: '9.9.9', month: '2026-06', text: '不存在的标准' },
      { id: 'req-other-unit', unitId: 'u-pub', criterionCode: '1.1.1', month: '2026-06', text: '宣传部的要账' },
    ],
    keyDates: [{ ...KEY_DATE, note: '活动当天留存现场照片' }],
    attachments: [{ name: '情况说明模板.txt', bytes: Buffer.from('关于……工作的情况说明（模板）\n', 'utf8') }],
    ...over,
  });
}

/**
 * A sharp camera photo taken in June 2026 (so it counts for June): the corpus's Nokia photo, mirrored for the
 * second one so the two are different pictures, not one reused.
 */
export async function junePhoto(out: string, second = false): Promise<Buffer> {
  const img = sharp(NOKIA).resize(3000);
  await (second ? img.flop() : img)
    .withExif({
      IFD0: { Make: 'HMD Global', Model: 'Nokia 8.3 5G' },
      IFD2: { DateTimeOriginal: second ? '2026:06:12 15:10:00' : '2026:06:12 09:30:00' },
    })
    .jpeg({ quality: 90 })
    .toFile(out);
  return readFileSync(out);
}
