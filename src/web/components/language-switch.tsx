import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useI18n, type Lang } from '../app/i18n.tsx';

/** Switches the UI language; the choice is remembered in this browser. */
export function LanguageSwitch({ light = false }: { light?: boolean }) {
  const { lang, setLang, t } = useI18n();
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
        aria-label={t('lang.label')}
        style={light ? { color: '#fff' } : undefined}
      >
        <span className="ww-hide-xs">{lang === 'zh-CN' ? t('lang.zh') : t('lang.en')}</span>
      </Button>
    </Dropdown>
  );
}
