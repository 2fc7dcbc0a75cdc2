import { Alert, Text } from '@mantine/core';
import type { AttachResult } from '@shared/ipc/types';
import { M } from './messages';

/** What an attach did: counts, and why each refused file was refused or where a file is used too. */
export function AttachSummary({ results, onClose }: { results: AttachResult[]; onClose(): void }) {
  return (
    <Alert
      color={results.some((r) => r.status === 'refused') ? 'orange' : 'green'}
      withCloseButton
      onClose={onClose}
      data-testid="attach-summary"
    >
      <Text size="sm">{M.summary(results)}</Text>
      {results
        .filter((r) => r.status === 'refused' || r.alsoOn.length > 0)
        .map((r) => (
          <Text size="xs" key={r.file}>
            {r.file.split(/[\\/]/u).pop()}：{r.reason ?? `也在 ${r.alsoOn.join('、')}`}
          </Text>
        ))}
    </Alert>
  );
}
