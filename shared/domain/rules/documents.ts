import { countFigures, countWords, statementContent } from '../statement';
import { aboutMaterial, isPdf } from './draft';
import type { Draft, Rule } from './types';

/**
 * PDFs (`pdf-encrypted`, `pdf-unreadable`, `pdf-active-content`, `scan-without-text` where a 规范文件 is
 * required), 情况说明 (`statement-too-short`, `statement-without-figures`) and `unreadable-format` for files whose
 * content cannot be read here (.doc, .wps, .xls…).
 */
export const documentRules: Rule = (x) => {
  const out: Draft[] = [];
  for (const m of x.materials) {
    const f = m.facts;
    if (isPdf(m)) {
      if (f.encrypted)
        out.push(
          aboutMaterial(
            m,
            'pdf-encrypted',
            'PDF 设有密码或权限限制，评审系统可能打不开或无法查看。请导出一份不加密的 PDF 替换。',
            'replace',
          ),
        );
      else if (f.readable === false)
        out.push(aboutMaterial(m, 'pdf-unreadable', 'PDF 文件已损坏，无法打开。请重新导出或扫描后替换。', 'replace'));
      if (f.hasJavaScript || f.hasEmbeddedFiles)
        out.push(
          aboutMaterial(
            m,
            'pdf-active-content',
            `PDF 内含${[f.hasJavaScript && '脚本', f.hasEmbeddedFiles && '附件'].filter(Boolean).join('和')}，上传系统可能拒收。请用“打印为 PDF”另存一份干净的文件。`,
            'replace',
          ),
        );
      const needsDocument = x.byCode.get(m.criterionCode)?.requirements.some((r) => r.kind === 'document');
      if (m.kind === 'document' && needsDocument && f.readable !== false && !f.encrypted && f.hasText === false)
        out.push(
          aboutMaterial(
            m,
            'scan-without-text',
            '这是没有文字层的扫描件，软件无法核对其中的内容和日期，请人工核对；有电子原件的，建议用原件转换的 PDF。',
            null,
          ),
        );
    } else if (f.readable === false)
      out.push(
        aboutMaterial(
          m,
          'unreadable-format',
          '这种格式（如 .doc、.wps、.xls）无法自动检查内容。建议另存为 .docx 或 PDF 后替换，并人工核对。',
          'replace',
        ),
      );
    if (m.kind === 'statement' && m.text !== null) out.push(...statementRules(m, m.text, x.t));
  }
  return out;
};

function statementRules(
  m: Parameters<typeof aboutMaterial>[0],
  text: string,
  t: { statementMinChars: number; statementMinFigures: number },
): Draft[] {
  const out: Draft[] = [];
  const words = countWords(text);
  if (words < t.statementMinChars)
    out.push(
      aboutMaterial(
        m,
        'statement-too-short',
        `情况说明只有 ${words} 字（建议不少于 ${t.statementMinChars} 字），写得过于简单，难以说明工作情况。`,
        'replace',
      ),
    );
  const figures = countFigures(text);
  const { measures, results } = statementContent(text);
  const lacks = [
    figures < t.statementMinFigures && `具体数据（只有 ${figures} 处数字，建议不少于 ${t.statementMinFigures} 处）`,
    !measures && '采取的措施',
    !results && '取得的成效',
  ].filter((s): s is string => typeof s === 'string');
  if (lacks.length > 0)
    out.push(
      aboutMaterial(
        m,
        'statement-without-figures',
        `情况说明缺少${lacks.join('、')}。情况说明要写清做了什么、做了多少、效果如何，不能只写总结性的话。`,
        'replace',
      ),
    );
  return out;
}
