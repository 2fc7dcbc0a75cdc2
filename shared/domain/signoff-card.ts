import type { Doc } from './package/blocks';
import { dateLabel } from './package/format';
import { displayFingerprint, REVIEW_LEVEL_ACTS, REVIEW_LEVELS, type ReviewLevel } from './signoff';

/** The full fingerprint in groups of 4, four groups a line, as people read it aloud over the phone. */
export function fingerprintLines(fingerprint: string): string {
  const groups = fingerprint.match(/.{1,4}/gu) ?? [];
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += 4) lines.push(groups.slice(i, i + 4).join(' '));
  return lines.join('\n');
}

/**
 * 审核人密钥卡: what the 创城办 files for a unit's leader (name, level, unit, the key's fingerprint), so it can tell
 * the key that signed a package is the one on record. A5-sized content on an A4 page, with lines for the leader's
 * signature and the unit's seal.
 */
export function signerCard(s: {
  unit: string;
  name: string;
  level: ReviewLevel;
  fingerprint: string;
  createdAt: string;
}): Doc {
  return {
    title: `${s.unit}审核人签批密钥卡（${s.name}）`,
    blocks: [
      { t: 'title', text: '审核人签批密钥卡' },
      { t: 'subtitle', text: '（报创城办备案）' },
      {
        t: 'fields',
        gap: 10,
        rows: [
          [{ label: '单位', value: s.unit }],
          [
            { label: '姓名', value: s.name },
            { label: '职责', value: `${REVIEW_LEVELS[s.level]}（${REVIEW_LEVEL_ACTS[s.level]}）` },
          ],
          [
            { label: '短指纹', value: displayFingerprint(s.fingerprint) },
            { label: '添加日期', value: dateLabel(s.createdAt) },
          ],
        ],
      },
      { t: 'heading', text: '密钥指纹（SHA-256）' },
      { t: 'para', text: fingerprintLines(s.fingerprint) },
      {
        t: 'para',
        text:
          '本单位报送的申报包中，该审核人的审核意见和签名都用这把密钥签署。创城办收到申报包时，可用网报通“校验申报包”' +
          '核对签名，并与本卡的指纹比对：指纹不同即不是这把密钥。密钥只以本人设定的口令加密保存，口令不随本卡报送。',
      },
      {
        t: 'fields',
        gap: 18,
        rows: [
          [
            { label: '本人签字', value: '' },
            { label: '日期', value: '\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日' },
          ],
          [{ label: '单位（盖章）', value: '' }],
        ],
      },
    ],
  };
}
