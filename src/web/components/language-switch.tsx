import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useI18n, type Lang } from '../app/i18n.tsx';

/** Switches the UI language; the choice is remembered in this browser. */
export function LanguageSwitch({ light = false }: { light?: boolean }) {
  const { lang, setLang, t } = useI18n();
  const current = lang === 'zh-CN' ? t('lang.zh') : t('lang.en');
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [lang],
        items: [
          { key: 'zh-CN', label: t('lang.zh') },
          { key: 'en-US', label: t('lang.en') },
        ],
        onClick: ({ key }) => setLang(key as Lang),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        data-testid="lang-switch"
        // The name holds the visible text (WCAG 2.5.3), and says what the button is for.
        aria-label={`${t('lang.label')}: ${current}`}
        style={light ? { color: '#fff' } : undefined}
      >
        <span className="ww-hide-xs">{current}</span>
      </Button>
    </Dropdown>
  );
}
