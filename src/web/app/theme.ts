import type { ThemeConfig } from 'antd';

/** Brand colours: government blue for actions, party red for the brand mark. */
export const brand = {
  primary: '#1f56c3',
  red: '#c8161d',
  siderBg: '#0f2744',
  siderBgDark: '#0a1d35',
};

export const theme: ThemeConfig = {
  token: {
    colorPrimary: brand.primary,
    colorInfo: brand.primary,
    borderRadius: 4,
    // WCAG AA (4.5:1) on white and on the page's grey (#f0f2f5): antd's defaults for secondary text (0.45, 3.3:1)
    // and placeholders (0.25) fall short; 0.6 gives 5.7:1 on white and 5.6:1 on the grey.
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    // Danger buttons and error texts: antd's #ff4d4f is 3.3:1 on white; red-7 is 5.7:1.
    colorError: '#cf1322',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      siderBg: brand.siderBg,
      headerBg: '#ffffff',
      headerHeight: 56,
      headerPadding: '0 16px',
      bodyBg: '#f0f2f5',
    },
    Menu: {
      darkItemBg: brand.siderBg,
      darkSubMenuItemBg: brand.siderBgDark,
      darkItemSelectedBg: brand.primary,
    },
    Table: { headerBg: '#f5f7fa' },
    // A finished bar's "100%": antd's success green (#52c41a) is 2:1 on the page's grey; green-8 is 5:1.
    Progress: { colorSuccess: '#237804' },
  },
};
