import { Button, createTheme, Input, type ButtonProps } from '@mantine/core';

/**
 * Colour has one meaning per hue (UI.md): red error / overdue, orange warning / at risk, green complete, blue in
 * progress, grey neutral. The brand red is kept for the app's name and the one primary action of a screen, so the
 * theme's own accent (focus rings, focused input borders, checked boxes, the active section) is a calm blue that
 * reads as "selected", never as "wrong".
 */
export const BRAND_COLOR = 'red';
const ACCENT_COLOR = 'blue';

/** A screen's primary action is its one filled button that names no colour of its own. */
function isPrimaryAction(p: ButtonProps): boolean {
  return p.color === undefined && (p.variant === undefined || p.variant === 'filled');
}

export const theme = createTheme({
  primaryColor: ACCENT_COLOR,
  // A slightly larger base font: leaders reading on office screens asked for it (UI.md "comfortable for older leaders").
  fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", sans-serif',
  defaultRadius: 'sm',
  // Rings only for keyboard focus: a mouse click leaves no outline on a button.
  focusRing: 'auto',
  components: {
    // A field's hint stays grey (Mantine's dimmed) and only a violation is red; both at the body size with room
    // between lines, so a two-line hint reads as guidance, not as small print or an error.
    InputWrapper: Input.Wrapper.extend({
      vars: () => ({
        label: {},
        success: {},
        description: { '--input-description-size': 'var(--mantine-font-size-sm)' },
        error: { '--input-error-size': 'var(--mantine-font-size-sm)' },
      }),
      styles: { description: { lineHeight: 1.45 }, error: { lineHeight: 1.45 } },
    }),
    Button: Button.extend({
      vars: (t, p) => {
        if (!isPrimaryAction(p)) return { root: {} };
        const brand = t.variantColorResolver({ color: BRAND_COLOR, theme: t, variant: 'filled' });
        return {
          root: {
            '--button-bg': brand.background,
            '--button-hover': brand.hover,
            '--button-color': brand.color,
            '--button-bd': brand.border,
            '--button-hover-color': brand.hoverColor ?? brand.color,
          },
        };
      },
    }),
  },
});
