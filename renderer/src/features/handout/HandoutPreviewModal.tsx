import { Alert, Badge, Button, Checkbox, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { HandoutPreview } from '@shared/ipc/collection-types';
import { codeList, HO } from './messages';
import type { useHandoutImport } from './useHandoutImport';

/**
 * What importing a hand-out would change, before anything is written: who signed it (the fingerprint to check with
 * the 创城办 on first sight; a changed key only with a confirmation), which unit of the hand-out this workspace is,
 * and the changes to 标准, 本单位范围, 要账 and key dates. 确认导入 applies exactly this.
 */
export function HandoutPreviewModal({ h }: { h: ReturnType<typeof useHandoutImport> }) {
  const p = h.preview;
  if (!p) return null;
  const blocked = p.unit === null || (p.office.keyChanged && !h.accepted);
  return (
    <Modal opened onClose={h.cancel} title={HO.previewTitle} size="xl" data-testid="handout-preview">
      <Stack gap="sm">
        <Office p={p} />
        {p.office.firstSight && (
          <Alert color="blue" title={HO.firstSight} data-testid="handout-first-sight">
            {HO.firstSightHint}
          </Alert>
        )}
        {p.office.keyChanged && (
          <Alert color="red" title={HO.keyChanged} data-testid="handout-key-changed">
            <Stack gap="xs">
              <Text size="sm">
                {HO.keyChangedHint(p.office.previousFingerprint?.replace(/(.{4})(?!$)/gu, '$1 ') ?? null)}
              </Text>
              <Checkbox
                label={HO.acceptKey}
                checked={h.accepted}
                disabled={h.busy}
                onChange={(e) => h.acceptKey(e.currentTarget.checked)}
              />
            </Stack>
          </Alert>
        )}
        {p.unit === null && (
          <Select
            label={HO.chooseUnit}
            description={HO.chooseUnitHint}
            data={p.units.map((u) => ({
              value: u.id,
              label: u.aliases.length > 0 ? `${u.name}（${u.aliases.join('、')}）` : u.name,
            }))}
            value={null}
            onChange={(v) => v && h.chooseUnit(v)}
            searchable
            disabled={h.busy}
            data-testid="handout-unit"
            aria-label={HO.chooseUnit}
          />
        )}
        <Changes p={p} />
        {h.error && (
          <Alert color="red" title={HO.refused} data-testid="handout-error">
            {h.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={h.cancel}>
            {HO.cancel}
          </Button>
          <Button disabled={blocked} loading={h.busy} onClick={() => void h.confirm()}>
            {HO.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Office({ p }: { p: HandoutPreview }) {
  const rows: [string, ReactNode][] = [
    [HO.office, p.office.name],
    [
      HO.fingerprint,
      <Text key="fp" ff="monospace" size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="handout-fingerprint">
        {HO.fingerprintText(p.office.fingerprint)}
      </Text>,
    ],
    [HO.sequence, HO.issued(p.sequence, p.issuedAt, p.year, p.collectionDay)],
    [HO.unit, p.unit?.name ?? '—'],
  ];
  return <Facts rows={rows} />;
}

function Changes({ p }: { p: HandoutPreview }) {
  const c = p.catalog;
  const rows: [string, ReactNode][] = [
    [
      HO.catalog,
      c.added.length + c.changed.length + c.removed.length > 0 && (
        <Stack key="catalog" gap={2}>
          <Line label={HO.added} codes={c.added} />
          <Line label={HO.changed} codes={c.changed} />
          <Line label={HO.removed} codes={c.removed} />
          {c.removedWithMaterials.length > 0 && (
            <Text size="sm" c="orange.8" data-testid="handout-removed-materials">
              {HO.removedWithMaterials}：{codeList(c.removedWithMaterials)}
            </Text>
          )}
        </Stack>
      ),
    ],
    [
      HO.scope,
      p.scope.added.length + p.scope.removed.length > 0 && (
        <Stack key="scope" gap={2}>
          <Line label={HO.scopeAdded} codes={p.scope.added} />
          <Line label={HO.scopeRemoved} codes={p.scope.removed} />
        </Stack>
      ),
    ],
    [
      HO.requests,
      <Stack key="requests" gap={2}>
        <Text size="sm" data-testid="handout-requests">
          {HO.requestsNew} {p.requests.new} · {HO.requestsUpdated} {p.requests.updated} · {HO.requestsClosed}{' '}
          {p.requests.closed}
        </Text>
        {p.requests.skipped.map((s) => (
          <Text key={s.id} size="sm" c="orange.8" data-testid="handout-skipped">
            {HO.skipped} {s.criterionCode}：{s.reason}
          </Text>
        ))}
      </Stack>,
    ],
    [HO.keyDates, HO.count(p.keyDates)],
    [
      HO.attachments,
      p.files.length === 0
        ? HO.noAttachments
        : p.files.map((f) => `${f.path.replace(/^附件\//u, '')}（${HO.bytes(f.bytes)}）`).join('、'),
    ],
  ];
  return <Facts rows={rows} testId="handout-changes" />;
}

/** `新增 3 条：1.1、1.2、1.3`, or nothing for an empty list. */
function Line({ label, codes }: { label: string; codes: string[] }) {
  if (codes.length === 0) return null;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Badge size="sm" variant="light" color="gray" style={{ flex: 'none' }}>
        {label} {codes.length}
      </Badge>
      <Text size="sm">{codeList(codes)}</Text>
    </Group>
  );
}

function Facts({ rows, testId }: { rows: [string, ReactNode][]; testId?: string }) {
  return (
    <Table variant="vertical" withTableBorder data-testid={testId}>
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th w={120}>{k}</Table.Th>
            <Table.Td>
              {isEmpty(v) ? (
                <Text size="sm" c="dimmed">
                  {HO.nothing}
                </Text>
              ) : (
                v
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A 标准 / 范围 cell whose lists are all empty says 无变化 instead of staying blank. */
function isEmpty(v: ReactNode): boolean {
  return v === '' || v === null || v === false;
}
