import { CAPTION_ELEMENTS, hasCaptionElement } from '../caption';
import { aboutMaterial, isPhoto } from './draft';
import type { Draft, Rule } from './types';

/** `caption-missing` and `caption-incomplete` (the elements the profile requires: 时间、地点、人物、主题…), photos only. */
export const captionRules: Rule = (x) => {
  const out: Draft[] = [];
  // What a caption must say is the profile's (the 创城办 may ask for 事由 too): the message names exactly that.
  const required = x.t.captionElements.map((e) => CAPTION_ELEMENTS[e]).join('、');
  for (const m of x.materials) {
    if (!isPhoto(m)) continue;
    if (!m.caption || m.caption.text.trim() === '') {
      out.push(
        aboutMaterial(
          m,
          'caption-missing',
          `实景图片没有图片说明。每张照片都要写明${required}，否则评审无法认定。`,
          'edit',
        ),
      );
      continue;
    }
    const caption = m.caption;
    const missing = x.t.captionElements.filter((e) => !hasCaptionElement(caption, e)).map((e) => CAPTION_ELEMENTS[e]);
    if (missing.length > 0)
      out.push(
        aboutMaterial(
          m,
          'caption-incomplete',
          `图片说明缺少${missing.join('、')}。可按“时间：…；地点：…；人物：…；主题：…”补全。`,
          'edit',
        ),
      );
  }
  return out;
};
