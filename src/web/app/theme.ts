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
  },
};
