import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import type { Criterion } from '@shared/ipc/types';
import { invoke } from '../../api/client';
import { DeclareDialog } from './DeclareDialog';
import { C } from './messages';

/**
 * 不属本单位职责 on a criterion's detail: the statement with 撤销声明 when declared, else the button that asks for
 * one (on the unit's own leaves that need material).
 */
export function DeclarationPanel({ c }: { c: Criterion }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const withdraw = () =>
    invoke('criteria:declare', { criterionCode: c.code, statement: null }).catch((e: Error) => setError(e.message));
  if (c.declaration)
    return (
      <Alert color="gray" title={C.declare.declared} data-testid="declaration">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {c.declaration.statement}
        </Text>
        <Group justify="space-between" mt="xs">
          <Text size="xs" c="dimmed">
            {c.declaration.declaredAt.slice(0, 10)}
          </Text>
          <Button size="compact-xs" variant="default" onClick={() => void withdraw()}>
            {C.declare.withdraw}
          </Button>
        </Group>
        {error && <Text c="red">{error}</Text>}
      </Alert>
    );
  if (!c.leaf || !c.mine || !c.needsMaterial || c.removed) return null;
  return (
    <>
      <Group justify="flex-end">
        <Button size="xs" variant="subtle" color="gray" onClick={() => setAsking(true)}>
          {C.declare.button}
        </Button>
      </Group>
      {asking && (
        <DeclareDialog code={c.code} title={c.title} onClose={() => setAsking(false)} onDone={() => setAsking(false)} />
      )}
    </>
  );
}
