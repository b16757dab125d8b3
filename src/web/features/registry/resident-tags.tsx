import { Space, Tag, Typography } from 'antd';
import { useT } from '../../app/i18n.tsx';
import type { TagInput } from './api.ts';
import { asCareLevel, careLevelColors, tagColors } from './labels.ts';

/** A resident's key-population tags as coloured tags; with `withLevel` each shows its care level too. */
export function ResidentTags({ tags, withLevel = false }: { tags: TagInput[]; withLevel?: boolean }) {
  const t = useT();
  if (tags.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {tags.map((tag) => (
        <Tag
          key={tag.tag}
          color={tagColors[tag.tag]}
          style={{ marginInlineEnd: 0 }}
          data-testid="resident-tag"
        >
          {t(`keyTag.${tag.tag}`)}
          {withLevel ? ` · ${t(`careLevel.${asCareLevel(tag.careLevel)}`)}` : null}
        </Tag>
      ))}
    </Space>
  );
}

export function CareLevelTag({ level }: { level: number | null }) {
  const t = useT();
  if (level === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const care = asCareLevel(level);
  return (
    <Tag color={careLevelColors[care]} variant="outlined" style={{ marginInlineEnd: 0 }}>
      {t(`careLevel.${care}`)}
    </Tag>
  );
}
