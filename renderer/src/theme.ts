import {
  Alert,
  Button,
  Modal,
  NavLink,
  Select,
  createTheme,
  DEFAULT_THEME,
  Input,
  type ButtonProps,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

/**
 * Colour has one meaning per hue (UI.md): red error / overdue, orange warning / at risk, green complete, blue in
 * progress, grey neutral. The brand red is kept for the app's name and the one primary action of a screen, so the
 * theme's own accent (focus rings, focused input borders, checked boxes, the active section) is a calm blue that
 * reads as "selected", never as "wrong".
 */
export const BRAND_COLOR = 'red';
const ACCENT_COLOR = 'blue';

/**
 * Mantine's palette with its darkest shades deepened where text sits on white or on a light tint: red 8–9, orange
 * and green 7–9 (their defaults give 2.4–4.4 : 1). Shade 8 is the one filled buttons, badges and coloured text
 * use (`primaryShade`), so all of them reach WCAG AA (4.5 : 1) — checked by axe on every screen in the e2e suite.
 */
const deepen = (name: 'red' | 'orange' | 'green', from: number, dark: string[]): MantineColorsTuple =>
  [...DEFAULT_THEME.colors[name].slice(0, from), ...dark] as unknown as MantineColorsTuple;
const COLORS = {
  red: deepen('red', 8, ['#c92a2a', '#a61e1e']),
  orange: deepen('orange', 7, ['#e8590c', '#c2410c', '#9a3412']),
  green: deepen('green', 7, ['#2f9e44', '#15803d', '#166534']),
};

/** Secondary text (Mantine's `dimmed`, gray 6, is 3.3 : 1 on white): a grey that reads at 4.8 : 1. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#6b7280' },
  dark: {},
});

/**
 * A selected row: a pale tint of the accent (not Mantine's light variant), so the row's coloured text keeps
 * 4.5 : 1 on it. The tree's stylesheet (ledger/tree.module.css) uses the same colour.
 */
export const SELECTED_ROW_BG = '#f0f6fc';

/** A screen's primary action is its one filled button that names no colour of its own. */
function isPrimaryAction(p: ButtonProps): boolean {
  return p.color === undefined && (p.variant === undefined || p.variant === 'filled');
}

export const theme = createTheme({
  primaryColor: ACCENT_COLOR,
  colors: COLORS,
  primaryShade: 8,
  // A slightly larger base font: leaders reading on office screens asked for it (UI.md "comfortable for older leaders").
  fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", sans-serif',
  defaultRadius: 'sm',
  // Rings only for keyboard focus: a mouse click leaves no outline on a button.
  focusRing: 'auto',
  components: {
    // Close and clear buttons are icons: say what they do, for screen readers (axe: button-name).
    Alert: Alert.extend({ defaultProps: { closeButtonLabel: '关闭' } }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': '关闭' } } }),
    Select: Select.extend({ defaultProps: { clearButtonProps: { 'aria-label': '清除' } } }),
    // The section you are in, in white on the accent: the light variant's text is under 4.5 : 1 on its tint.
    NavLink: NavLink.extend({ defaultProps: { variant: 'filled' } }),
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
