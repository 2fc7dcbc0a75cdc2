import { aboutMaterial, isPhoto } from './draft';
import type { Draft, Rule } from './types';

/** `photo-too-small`, `photo-blurry`, `photo-overcompressed` and `screenshot-as-photo`, on 实景图片. */
export const photoRules: Rule = (x) => {
  const out: Draft[] = [];
  const t = x.t;
  for (const m of x.materials) {
    if (!isPhoto(m)) continue;
    const f = m.facts;
    const longEdge = Math.max(f.width ?? 0, f.height ?? 0);
    if (f.width !== undefined && longEdge < t.photoMinLongEdge)
      out.push(
        aboutMaterial(
          m,
          'photo-too-small',
          `图片只有 ${f.width}×${f.height} 像素（长边不足 ${t.photoMinLongEdge}），放大后看不清。请使用相机或手机拍摄的原图，不要用聊天软件转发压缩过的图片。`,
          'replace',
        ),
      );
    if (f.sharpness !== undefined && f.sharpness < t.photoMinSharpness)
      out.push(
        aboutMaterial(
          m,
          'photo-blurry',
          `图片模糊（清晰度 ${f.sharpness}，低于 ${t.photoMinSharpness}）。模糊的照片不能作为有效佐证，请换一张清晰的。`,
          'replace',
        ),
      );
    if (typeof f.jpegQuality === 'number' && f.jpegQuality < t.photoMinJpegQuality)
      out.push(
        aboutMaterial(
          m,
          'photo-overcompressed',
          `图片压缩过度（JPEG 质量约 ${f.jpegQuality}），画面有明显色块。请使用未经压缩的原图。`,
          'replace',
        ),
      );
    if (f.screenshotLike)
      out.push(
        aboutMaterial(
          m,
          'screenshot-as-photo',
          '这张“实景图片”看起来是屏幕截图。实景图片应是现场拍摄的照片；若是媒体报道截图，请把类型改为“媒体截图”。',
          'edit',
        ),
      );
  }
  return out;
};
