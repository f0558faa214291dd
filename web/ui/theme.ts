import type { ThemeConfig } from 'antd';

/** Brand colours: a sober deep red with a gold accent, after the Front's emblem. */
export const BRAND = {
  red: '#a4161a',
  redDark: '#7f1015',
  gold: '#f5c518',
} as const;

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND.red,
    colorLink: BRAND.red,
    colorInfo: '#1d4e89',
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
    Table: { headerBg: '#f7f2f2' },
  },
};
