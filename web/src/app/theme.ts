import type { ThemeConfig } from 'antd';

/**
 * Slightly larger text and controls than antd's default: many users are older officials reading long
 * tables, so legibility wins over density.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0b57d0',
    fontSize: 15,
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', headerPadding: '0 16px', siderBg: '#0b2e59', triggerBg: '#0a2549' },
    Menu: {
      darkItemBg: '#0b2e59',
      darkSubMenuItemBg: '#0a2549',
      darkItemSelectedBg: '#0b57d0',
      itemHeight: 44,
    },
    Table: { headerBg: '#f0f4fa', cellPaddingBlockMD: 10 },
  },
};
