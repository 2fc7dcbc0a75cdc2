import { Button, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { invoke } from '../../api/client';
import { Section } from '../../components/Section';
import { when } from '../backup/messages';
import { HO } from './messages';

/**
 * 设置 → 创城办下发: the last hand-out imported (office, its key's fingerprint in groups, 期次, when, the attachments
 * kept in the workspace) and 导入下发包, which opens the same preview as a zip dropped on the window.
 */
export function HandoutPanel(props: { onImport(): void }) {
  // Read again after an import (api/query-client.ts: `handout`).
  const status = useQuery({ queryKey: ['handout', 'status'], queryFn: () => invoke('handout:status', {}) });
  const s = status.data ?? null;
  const rows: [string, ReactNode][] = s
    ? [
        [HO.office, s.office.name],
        [
          HO.fingerprint,
          <Text key="fp" ff="monospace" size="sm" style={{ whiteSpace: 'pre-line' }}>
            {HO.fingerprintText(s.office.fingerprint)}
          </Text>,
        ],
        [HO.sequence, `${HO.sequenceOf(s.sequence)}（${HO.issuedAt} ${s.issuedAt.slice(0, 10)}）`],
        [HO.importedAt, when(s.importedAt)],
        [HO.unit, s.unit.name],
        [
          HO.attachments,
          s.attachments.length === 0
            ? HO.noAttachments
            : s.attachments.map((a) => `${a.path.split(/[\\/]/u).pop()}（${HO.bytes(a.bytes)}）`).join('、'),
        ],
      ]
    : [];
  return (
    <Section testId="handout" title={HO.panelTitle} intro={HO.panelIntro}>
      {status.error && (
        <Text size="sm" c="red.8" mb="xs">
          {status.error.message}
        </Text>
      )}
      {s ? (
        <Table variant="vertical" withTableBorder mb="sm" data-testid="handout-status">
          <Table.Tbody>
            {rows.map(([k, v]) => (
              <Table.Tr key={k}>
                <Table.Th w={140}>{k}</Table.Th>
                <Table.Td style={{ wordBreak: 'break-all' }}>{v}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        status.isSuccess && (
          <Text size="sm" c="dimmed" mb="sm" data-testid="handout-none">
            {HO.none}
          </Text>
        )
      )}
      <Button variant="default" onClick={props.onImport}>
        {HO.importButton}
      </Button>
    </Section>
  );
}
