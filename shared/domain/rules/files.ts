import { extensionOf, planPackagePaths } from '../naming/package-paths';
import type { NameChange } from '../naming/segment';
import { aboutMaterial } from './draft';
import type { Draft, Rule } from './types';

const MB = 1024 * 1024;

const CHANGE_TEXT: Record<NameChange, string> = {
  characters: '含有 \\ / : * ? " < > | 等不能用于文件名的字符',
  trailing: '以点或空格结尾',
  reserved: '是 Windows 的保留名称',
  shortened: '过长',
  'renamed-duplicate': '与其他文件夹重名',
  empty: '为空',
};

/**
 * `file-type-not-accepted` and `file-too-large` (the profile's types and limits), and `name-invalid`: the path the
 * package would give the file (shared/domain/naming) differs from the officer's names.
 */
export const fileRules: Rule = (x) => {
  const out: Draft[] = [];
  const accepted = new Set(x.t.acceptedTypes);
  const exts = x.materials.map((m) => extensionOf(m.fileName, m.facts.mime));
  const paths = planPackagePaths(
    x.materials.map((m, i) => ({
      id: m.id,
      criterionCode: m.criterionCode,
      criterionTitle: x.byCode.get(m.criterionCode)?.title ?? '',
      title: m.title,
      ext: exts[i]!,
    })),
  );
  for (const [i, m] of x.materials.entries()) {
    const ext = exts[i] || m.facts.mime;
    if (!accepted.has(m.facts.mime))
      out.push(
        aboutMaterial(
          m,
          'file-type-not-accepted',
          `.${ext} 文件不在可上传的类型之内。请转换为 PDF（文档）或 JPG（图片）后替换。`,
          'replace',
        ),
      );
    const video = m.facts.mime.startsWith('video/');
    const limit = (video ? x.t.maxVideoMb : x.t.maxFileMb) * MB;
    if (m.bytes > limit) {
      const canShrink = m.kind === 'photo' && /^image\/(jpeg|png|webp|tiff)$/u.test(m.facts.mime);
      out.push(
        aboutMaterial(
          m,
          'file-too-large',
          `文件有 ${(m.bytes / MB).toFixed(1)} MB，超过 ${limit / MB} MB 的上限，上传可能失败。${canShrink ? '可用“优化图片”缩小（原图会保留）。' : '请压缩或拆分后替换。'}`,
          canShrink ? 'optimize' : 'replace',
        ),
      );
    }
    const planned = paths.get(m.id);
    if (planned && planned.changes.length > 0)
      out.push(
        aboutMaterial(
          m,
          'name-invalid',
          `名称${planned.changes.map((c) => CHANGE_TEXT[c]).join('、')}，导出时将改为“${planned.path.split('/').pop()}”。建议修改标题。`,
          'edit',
        ),
      );
  }
  return out;
};
