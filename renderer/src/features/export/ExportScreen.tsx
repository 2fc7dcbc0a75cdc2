import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { isMonth } from '@shared/domain/period';
import type { Result } from '@shared/ipc/contract';
import type { Criterion, PackageExportResult } from '@shared/ipc/types';
import { invoke } from '../../api/client';
import { useJob } from '../../api/useJob';
import { JobProgress } from '../../components/JobProgress';
import { PdfViewer } from '../materials/PdfViewer';
import { BlockingList } from './BlockingList';
import { mb, X } from './messages';
import { VerifyPanel } from './VerifyPanel';

/** 导出: monthly or final, what goes in, what blocks a final package, progress with 取消, where it was written. */
export function ExportScreen(props: {
  /** The month a monthly package defaults to: the collection month, within the period. */
  thisMonth: string;
  criteria: Criterion[];
  onOpenCriterion(code: string): void;
  /** Goes to 体检, where every finding is listed. */
  onOpenCheck(): void;
  /** A fix made here (from a blocking finding) changed the workspace. */
  onChanged(): void;
}) {
  const [kind, setKind] = useState<'monthly' | 'final'>('monthly');
  const [month, setMonth] = useState(props.thisMonth);
  const [preview, setPreview] = useState<Result<'package:preview'> | null>(null);
  const [written, setWritten] = useState<PackageExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [index, setIndex] = useState<string | null>(null);
  const job = useJob();
  const monthOk = isMonth(month);

  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (kind === 'monthly' && !monthOk) return;
    // Switching kind or month while a preview is made: only the answer for the current choice is shown.
    let live = true;
    void invoke('package:preview', { kind, month: kind === 'monthly' ? month : undefined }).then(
      (p) => live && setPreview(p),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [kind, month, monthOk, version]);
  // A blocking finding's buttons fix it here as in 体检; the preview and the ledger follow.
  const fixed = () => {
    setVersion((v) => v + 1);
    props.onChanged();
  };

  const blocked = kind === 'final' && (preview?.blocking.length ?? 0) > 0;
  const start = async () => {
    setError(null);
    setWritten(null);
    try {
      const r = await job.run((jobId) =>
        invoke('package:export', { jobId, kind, month: kind === 'monthly' ? month : undefined }),
      );
      if (r) setWritten(r);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const showIndex = (file: string) =>
    invoke('package:document', { file, name: '目录.pdf' }).then(
      (d) => setIndex(d.base64),
      (e: Error) => setError(e.message),
    );

  return (
    <Stack maw={960} data-testid="export">
      <Title order={3}>{X.title}</Title>
      <Text size="sm" c="dimmed">
        {X.intro}
      </Text>
      <Paper withBorder p="md">
        <Group align="flex-end" gap="lg">
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as 'monthly' | 'final')}
            data={[
              { value: 'monthly', label: X.monthly },
              { value: 'final', label: X.final },
            ]}
            aria-label={X.kind}
          />
          {kind === 'monthly' && (
            <TextInput
              label={X.month}
              description={X.monthHint}
              value={month}
              onChange={(e) => setMonth(e.currentTarget.value)}
              error={monthOk ? null : 'YYYY-MM'}
              w={180}
            />
          )}
        </Group>
        {kind === 'final' && (
          <Text size="sm" c="dimmed" mt="xs">
            {X.finalHint}
          </Text>
        )}
        {preview && (
          <Stack gap={4} mt="md" data-testid="export-preview">
            <Text size="sm">
              {X.fileName}：<b>{preview.fileName}</b>
            </Text>
            <Text size="sm">{X.preview(preview.criteria, preview.materials, mb(preview.bytes))}</Text>
            <Text size="sm" c={preview.check.errors > 0 ? 'red' : 'green'} data-testid="export-check">
              {X.checkLine(preview.check.errors, preview.check.warnings, preview.check.pointsAtRisk)}
            </Text>
          </Stack>
        )}
        {blocked && (
          <BlockingList
            blocking={preview!.blocking}
            criteria={props.criteria}
            onOpenCriterion={props.onOpenCriterion}
            onOpenCheck={props.onOpenCheck}
            onChanged={fixed}
          />
        )}
        {job.busy ? (
          <JobProgress
            job={job}
            label={X.exporting(job.progress?.done ?? 0, job.progress?.total ?? 0)}
            testId="export-progress"
          />
        ) : (
          <Group mt="md">
            <Button disabled={blocked || (kind === 'monthly' && !monthOk)} onClick={() => void start()}>
              {X.export}
            </Button>
          </Group>
        )}
        {error && (
          <Alert color="red" mt="sm">
            {error}
          </Alert>
        )}
      </Paper>
      {written && (
        <Paper withBorder p="md" data-testid="export-result">
          <Text fw={600} c="green" mb="xs">
            {X.written}
          </Text>
          <Table variant="vertical" withTableBorder>
            <Table.Tbody>
              {(
                [
                  [X.path, written.path],
                  [X.files, String(written.files)],
                  [X.size, mb(written.bytes)],
                  [X.sha256, written.sha256],
                  ['体检', X.checkLine(written.check.errors, written.check.warnings, written.check.pointsAtRisk)],
                ] as const
              ).map(([k, v]) => (
                <Table.Tr key={k}>
                  <Table.Th w={150}>{k}</Table.Th>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{v}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group mt="sm">
            <Button variant="light" onClick={() => void showIndex(written.path)}>
              {X.openIndex}
            </Button>
          </Group>
        </Paper>
      )}
      <VerifyPanel file={written?.path} />
      {index && (
        <Modal opened onClose={() => setIndex(null)} title="目录.pdf" size="xl" data-testid="package-index">
          <PdfViewer base64={index} width={760} />
        </Modal>
      )}
    </Stack>
  );
}
