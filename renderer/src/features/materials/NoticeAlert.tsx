import { Alert, Button, Group, Text } from '@mantine/core';
import { M } from './messages';
import type { MaterialNotice } from './useMaterialActions';

/** What an edit to materials did, with 撤销 after a delete. */
export function NoticeAlert(props: { notice: MaterialNotice; onUndo(ids: string[]): void; onClose(): void }) {
  const { notice } = props;
  return (
    <Alert color="blue" withCloseButton onClose={props.onClose} data-testid="materials-notice">
      <Group gap="xs">
        <Text size="sm">{notice.text}</Text>
        {notice.undo && (
          <Button size="compact-xs" variant="light" onClick={() => props.onUndo(notice.undo!)}>
            {M.undo}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
