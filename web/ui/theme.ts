import type { ThemeConfig } from 'antd';

/** Brand colours: a sober deep red with a gold accent, after the Front's emblem. */
export const BRAND = {
  red: '#a4161a',
  redDark: '#7f1015',
  gold: '#f5c518',
} as const;

/** Text on white or the page's grey: at least 4.5:1 (WCAG AA), checked by the journeys (test/e2e/page-checks.ts). */
const TEXT = {
  /** Secondary text, descriptions, breadcrumbs: 5.7:1 on white, 5.3:1 on the page's grey. */
  secondary: 'rgba(0, 0, 0, 0.6)',
  /** Placeholders and empty states: 4.6:1 on white. */
  placeholder: '#757575',
} as const;

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND.red,
    colorLink: BRAND.red,
    // Under the pointer a link or a primary button darkens: antd's lighter hover red (#bd5855) is 4.47:1 on white,
    // just under AA, and a drawer that opens under the pointer shows it at once.
    colorLinkHover: BRAND.redDark,
    colorPrimaryHover: BRAND.redDark,
    colorInfo: '#1d4e89',
    // antd's defaults (#52c41a, #ff4d4f) are 2.2:1 and 3.3:1 on white: too faint for text (a tag, a danger link).
    colorSuccess: '#237804',
    colorError: '#cf1322',
    colorTextTertiary: TEXT.secondary,
    colorTextDescription: TEXT.secondary,
    colorTextPlaceholder: TEXT.placeholder,
    borderRadius: 6,
    fontFamily:
      "'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji'",
  },
  components: {
    Layout: {
      headerBg: BRAND.red,
      headerColor: '#fff',
      headerHeight: 56,
      headerPadding: '0 16px',
      siderBg: '#fff',
      bodyBg: '#f4f5f7',
    },
    Menu: { itemSelectedBg: '#fbeaea', itemSelectedColor: BRAND.redDark },
    // A table's "no data" text is drawn in the disabled colour.
    Table: { headerBg: '#f7f2f2', colorTextDisabled: TEXT.placeholder },
  },
};
