import { Alert, Button, Group, ScrollArea, Select, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { AUDIT_ACTIONS } from '@shared/domain/audit-actions';
import { isIsoDate } from '@shared/domain/period';
import type { AuditRow } from '@shared/ipc/types';
import { invoke } from '../../api/client';
import { Section } from '../../components/Section';
import { L } from './messages';

const ACTIONS = Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }));

/** A logged time as this computer's local `YYYY-MM-DD HH:MM`. */
function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** What a row's details say, in a line: its criteria, a file, a signer, a package. */
function summary(r: AuditRow): string {
  const d = (r.details ?? {}) as Record<string, unknown>;
  const parts = [
    r.criteria.length > 0 ? r.criteria.slice(0, 3).join('、') + (r.criteria.length > 3 ? ' 等' : '') : '',
    typeof d.fileName === 'string' ? d.fileName : '',
    typeof d.signer === 'string' && r.action === 'review.record'
      ? `${d.signer}（${d.decision === 'approve' ? '通过' : '退回修改'}）`
      : '',
    typeof d.file === 'string' ? d.file : '',
    typeof d.name === 'string' ? d.name : '',
  ];
  return parts.filter(Boolean).join('  ');
}

/**
 * 设置 → 操作记录: the workspace's hash-chained log, newest first, filtered by criterion, action and dates, and
 * 验证记录, which re-hashes the whole chain and says where it was changed, if anywhere.
 */
export function AuditLogPanel() {
  const [criterion, setCriterion] = useState('');
  const [action, setAction] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filter = {
    criterionCode: criterion.trim() || undefined,
    action: action ?? undefined,
    from: isIsoDate(from) ? from : undefined,
    to: isIsoDate(to) ? to : undefined,
  };
  // Read again after any change (api/query-client.ts); 刷新 for a change made elsewhere (the CLI).
  const log = useQuery({ queryKey: ['log', filter], queryFn: () => invoke('log:list', { ...filter, limit: 200 }) });
  const [verdict, setVerdict] = useState<{ ok: boolean; text: string } | null>(null);
  const verify = () =>
    invoke('log:verify', {}).then(
      (r) => setVerdict({ ok: r.valid, text: r.valid ? L.intact(r.rows) : L.broken(r.firstBrokenRow!, r.rows) }),
      (e: Error) => setVerdict({ ok: false, text: e.message }),
    );

  return (
    <Section testId="audit-log" title={L.title} intro={L.intro}>
      <Group gap="xs" align="flex-end" mb="sm">
        <TextInput
          label={L.criterion}
          value={criterion}
          onChange={(e) => setCriterion(e.currentTarget.value)}
          w={120}
        />
        <Select label={L.action} data={ACTIONS} value={action} onChange={setAction} clearable w={200} />
        <TextInput
          label={L.from}
          placeholder="YYYY-MM-DD"
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          w={130}
        />
        <TextInput
          label={L.to}
          placeholder="YYYY-MM-DD"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          w={130}
        />
        <Button variant="default" onClick={() => void log.refetch()}>
          {L.refresh}
        </Button>
        <Button variant="default" onClick={() => void verify()} data-testid="audit-verify">
          {L.verify}
        </Button>
      </Group>
      {verdict && (
        <Alert color={verdict.ok ? 'green' : 'red'} mb="sm" data-testid="audit-verdict">
          {verdict.text}
        </Alert>
      )}
      {log.error && <Alert color="red">{log.error.message}</Alert>}
      {log.data && (
        <>
          <Text size="sm" c="dimmed" mb={4}>
            {L.count(log.data.total, log.data.rows.length)}
          </Text>
          <ScrollArea.Autosize mah={320}>
            <Table withTableBorder verticalSpacing={4} data-testid="audit-rows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={150}>{L.time}</Table.Th>
                  <Table.Th w={170}>{L.action}</Table.Th>
                  <Table.Th>{L.what}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.data.rows.map((r) => (
                  <Table.Tr key={r.id} data-action={r.action}>
                    <Table.Td>{localTime(r.at)}</Table.Td>
                    <Table.Td>{AUDIT_ACTIONS[r.action] ?? r.action}</Table.Td>
                    <Table.Td>{summary(r)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </>
      )}
    </Section>
  );
}
