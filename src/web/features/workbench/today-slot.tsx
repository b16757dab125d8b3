import { Card, Empty } from 'antd';
import { useT } from '../../app/i18n.tsx';

/**
 * The "today" tab's slot: today's tasks (duty lists) and visit logs come here from their own modules' work. Until
 * then it says what will show.
 */
export function TodaySlot() {
  const t = useT();
  return (
    <Card size="small" data-testid="workbench-today">
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.today.empty')} />
    </Card>
  );
}
