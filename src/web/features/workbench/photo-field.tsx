import { CameraOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useT } from '../../app/i18n.tsx';

/**
 * A sheet's photo: the phone's camera (or a picture from the device) under a label, then a preview with a remove
 * button. The sheet keeps the photo (a data URL, downsized: components/photo.ts) and decides whether it is needed.
 */
export function PhotoField({
  label,
  testId,
  photo,
  onChoose,
  onRemove,
}: {
  label: string;
  /** The input's test id; the preview's is `<testId>-preview`. */
  testId: string;
  photo: string | null;
  onChoose: (file: File | undefined) => void;
  onRemove: () => void;
}) {
  const t = useT();
  return (
    <>
      <label style={{ display: 'block' }}>
        <Typography.Text strong>
          <CameraOutlined /> {label}
        </Typography.Text>
        <input
          type="file"
          accept="image/*"
          capture="environment"
          data-testid={testId}
          style={{ display: 'block', marginTop: 6, maxWidth: '100%' }}
          onChange={(e) => onChoose(e.target.files?.[0])}
        />
      </label>
      {photo ? (
        <Flex align="center" gap={8} style={{ marginTop: 6 }}>
          <img
            src={photo}
            alt={t('workbench.photo.preview')}
            data-testid={`${testId}-preview`}
            style={{ maxWidth: 120, maxHeight: 120, borderRadius: 4 }}
          />
          <Button onClick={onRemove}>{t('workbench.photo.remove')}</Button>
        </Flex>
      ) : null}
    </>
  );
}
