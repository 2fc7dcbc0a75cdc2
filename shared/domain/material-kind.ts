import type { Requirement } from './requirements';
import type { MaterialKind } from './value-sets';

/** The broad family of a file, from its content type. */
export type FileFamily = 'image' | 'pdf' | 'word' | 'sheet' | 'text' | 'video' | 'other';

const TITLE_WORDS: [RegExp, MaterialKind][] = [
  [/情况说明|工作说明|说明/u, 'statement'],
  [/台账|台帐|记录表|签到/u, 'ledger'],
  [/统计表|汇总表|数据表/u, 'table'],
  [/截图|截屏/u, 'screenshot'],
];

/**
 * Guesses a material's kind: words in its title first (`…情况说明.docx` → statement), then the file family, and for
 * documents, what the criterion asks for (a criterion wanting a 情况说明 and no 规范文件 gets a statement).
 */
export function guessKind(
  family: FileFamily,
  title: string,
  requirements: Requirement[],
  screenshotLike = false,
): MaterialKind {
  if (family === 'image') return screenshotLike ? 'screenshot' : /截图|截屏/u.test(title) ? 'screenshot' : 'photo';
  if (family === 'video') return 'video';
  const byTitle = TITLE_WORDS.find(([re]) => re.test(title))?.[1];
  if (byTitle) return byTitle;
  if (family === 'sheet')
    return requirements.some((r) => r.kind === 'ledger') && !requirements.some((r) => r.kind === 'table')
      ? 'ledger'
      : 'table';
  if (family === 'pdf' || family === 'word' || family === 'text') {
    const wants = new Set(requirements.map((r) => r.kind));
    return wants.has('statement') && !wants.has('document') ? 'statement' : 'document';
  }
  return 'other';
}
