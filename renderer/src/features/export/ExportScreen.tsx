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
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { isMonth } from '@shared/domain/period';
import type { Criterion, PackageExportResult } from '@shared/ipc/types';
import { invoke } from '../../api/client';
import { useJob } from '../../api/useJob';
import { JobProgress } from '../../components/JobProgress';
import { PdfViewer } from '../materials/PdfViewer';
import { FinalSignoff, useFinalSigners } from '../signoff/FinalSignoff';
import { PassphraseModal } from '../signoff/PassphraseModal';
import { R } from '../signoff/messages';
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
  /** Goes to 审核, where the leaders approve. */
  onOpenReview(): void;
}) {
  const [kind, setKind] = useState<'monthly' | 'final'>('monthly');
  const [month, setMonth] = useState(props.thisMonth);
  const [written, setWritten] = useState<PackageExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [index, setIndex] = useState<string | null>(null);
  const job = useJob();
  const monthOk = isMonth(month);

  // Keyed by the choice, so switching kind or month while a preview is made shows only the current one's; a fix
  // made from a blocking finding refreshes it (api/query-client.ts).
  const previewed = useQuery({
    queryKey: ['package', kind, kind === 'monthly' ? month : null],
    queryFn: () => invoke('package:preview', { kind, month: kind === 'monthly' ? month : undefined }),
    enabled: kind === 'final' || monthOk,
    placeholderData: keepPreviousData,
  });
  const preview = previewed.data ?? null;
  const shownError = error ?? previewed.error?.message ?? null;

  const blocked = kind === 'final' && (preview?.blocking.length ?? 0) > 0;
  const principals = useFinalSigners();
  const [signing, setSigning] = useState(false);
  // A final package's 口令 dialog stays open until core has unlocked the key (the first progress) or refused it.
  const unlocked = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (job.progress) unlocked.current?.();
  }, [job.progress]);

  const exportPackage = async (signoff?: { signer: string; passphrase: string }) => {
    setError(null);
    setWritten(null);
    const r = await job.run((jobId) =>
      invoke('package:export', { jobId, kind, month: kind === 'monthly' ? month : undefined, ...signoff }),
    );
    if (r) setWritten(r);
  };
  const start = () => {
    if (kind === 'final') setSigning(true);
    else exportPackage().catch((e: Error) => setError(e.message));
  };
  const signAndExport = (signer: string, passphrase: string) =>
    new Promise<void>((resolve, reject) => {
      let open = true;
      const close = (e?: Error) => {
        if (!open) return e && setError(e.message);
        open = false;
        unlocked.current = null;
        if (e) reject(e);
        else resolve();
      };
      unlocked.current = () => close();
      exportPackage({ signer, passphrase }).then(
        () => close(),
        (e: Error) => close(e),
      );
    });
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
        {kind === 'final' && (
          <FinalSignoff criteria={props.criteria} principals={principals} onOpenReview={props.onOpenReview} />
        )}
        {blocked && (
          <BlockingList
            blocking={preview!.blocking}
            criteria={props.criteria}
            onOpenCriterion={props.onOpenCriterion}
            onOpenCheck={props.onOpenCheck}
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
            <Button
              disabled={blocked || (kind === 'monthly' && !monthOk) || (kind === 'final' && principals?.length === 0)}
              onClick={start}
            >
              {X.export}
            </Button>
          </Group>
        )}
        {shownError && (
          <Alert color="red" mt="sm">
            {shownError}
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
      {signing && principals && (
        <PassphraseModal
          title={R.finalPassphraseTitle}
          what={X.finalSignWhat}
          signers={principals}
          onSign={(s, passphrase) => signAndExport(s.fingerprint, passphrase)}
          onClose={() => setSigning(false)}
        />
      )}
      {index && (
        <Modal opened onClose={() => setIndex(null)} title="目录.pdf" size="xl" data-testid="package-index">
          <PdfViewer base64={index} width={760} />
        </Modal>
      )}
    </Stack>
  );
}
