import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { SHEET_FIELD_IDS, SHEET_FIELDS, type SheetField } from '../../../../shared/domain/ledger-sheet/fields';
import type { CatalogPreview } from '../../../../shared/ipc/types';
import type { SheetMapping } from '../../../../shared/schemas/sheet-mapping';
import { M } from './messages';

interface Props {
  preview: CatalogPreview;
  edition: string;
  busy: boolean;
  onEdition(edition: string): void;
  onMapping(mapping: SheetMapping): void;
  onConfirm(): void;
  onCancel(): void;
}

/** The mapping preview: what the import will build, editable, before anything is written. */
export function ImportPreview({ preview: p, edition, busy, onEdition, onMapping, onConfirm, onCancel }: Props) {
  const columnOptions = [
    { value: '', label: M.notMapped },
    ...p.headers.map((h) => ({ value: h.column, label: `${h.column} · ${h.text}` })),
  ];
  const setColumn = (field: SheetField, column: string | null) =>
    onMapping({
      sheet: p.sheet ?? undefined,
      headerRow: p.headerRow ?? undefined,
      columns: { ...p.mapping, [field]: column ?? '' },
    });
  // Phrases of the 材料要求 whose words name no kind: imported as 其他, listed so the officer sees them in one place.
  const untyped = p.nodes.flatMap((n) =>
    n.requirements.filter((r) => r.kind === 'other').map((r) => ({ code: n.code, title: n.title, text: r.text })),
  );
  return (
    <Modal opened onClose={onCancel} title={M.title} size="90%" data-testid="import-preview">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {M.file}：{p.file}。{M.nothingWritten}
        </Text>
        <Group align="flex-end">
          <TextInput label={M.edition} value={edition} onChange={(e) => onEdition(e.currentTarget.value)} w={220} />
          {p.kind === 'xlsx' && (
            <>
              <Select
                label={M.sheet}
                data={p.sheets}
                value={p.sheet}
                onChange={(v) => v && onMapping({ sheet: v })}
                allowDeselect={false}
                w={200}
              />
              <NumberInput
                label={M.headerRow}
                value={p.headerRow ?? ''}
                min={1}
                allowDecimal={false}
                onChange={(v) => typeof v === 'number' && onMapping({ sheet: p.sheet ?? undefined, headerRow: v })}
                w={120}
              />
            </>
          )}
        </Group>
        {p.kind === 'xlsx' && (
          <>
            <Text fw={600}>{M.mapping}</Text>
            <Text size="xs" c="dimmed">
              {M.mappingHint}
            </Text>
            <SimpleGrid cols={{ base: 3, lg: 5 }} spacing="xs" verticalSpacing={4} data-testid="mapping">
              {SHEET_FIELD_IDS.map((f) => (
                <Select
                  key={f}
                  size="xs"
                  label={SHEET_FIELDS[f].label}
                  data={columnOptions}
                  value={p.mapping[f] ?? ''}
                  onChange={(v) => setColumn(f, v)}
                  allowDeselect={false}
                  aria-label={`列：${SHEET_FIELDS[f].label}`}
                />
              ))}
            </SimpleGrid>
          </>
        )}
        {p.errors.length > 0 ? (
          <Alert color="red" title={M.errorsTitle} data-testid="import-errors">
            {p.errors.map((e) => (
              <Text key={e} size="sm">
                {e}
              </Text>
            ))}
          </Alert>
        ) : (
          <Text fw={600} data-testid="import-summary">
            {M.summary(p.nodes.length, p.leaves)}
          </Text>
        )}
        {p.kind === 'xlsx' && p.mapping.methods === undefined && (
          <Alert color="orange" data-testid="import-no-methods">
            {M.noMethods}
          </Alert>
        )}
        {p.skipped.length > 0 && (
          <Alert color="orange" title={M.skippedTitle(p.skipped.length)} data-testid="import-skipped">
            {p.skipped.slice(0, 20).map((s) => (
              <Text key={`${s.row}-${s.reason}`} size="sm">
                {M.row(s.row)}：{s.reason}
              </Text>
            ))}
          </Alert>
        )}
        {p.warnings.length > 0 && (
          <Alert color="yellow" title={M.warningsTitle} data-testid="import-warnings">
            {p.warnings.map((w) => (
              <Text key={w} size="sm">
                {w}
              </Text>
            ))}
          </Alert>
        )}
        {untyped.length > 0 && (
          <Alert color="yellow" title={M.untypedTitle(untyped.length)} data-testid="import-untyped">
            <Text size="sm" mb={4}>
              {M.untypedHint}
            </Text>
            {untyped.slice(0, 30).map((u, i) => (
              <Text key={i} size="sm">
                {u.code} {u.title}：“{u.text}”
              </Text>
            ))}
          </Alert>
        )}
        <Text fw={600}>{M.tree}</Text>
        <ScrollArea h={180} type="auto" style={{ border: '1px solid var(--mantine-color-gray-3)' }}>
          <Table withRowBorders={false} verticalSpacing={2} data-testid="import-tree">
            <Table.Tbody>
              {p.nodes.slice(0, 500).map((n) => (
                <Table.Tr key={n.code}>
                  <Table.Td w={110} ff="monospace" fz="sm">
                    {n.code}
                  </Table.Td>
                  <Table.Td fz="sm" pl={(n.level - 1) * 16 + 8} fw={n.level < 3 ? 600 : 400}>
                    {n.title}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {M.cancel}
          </Button>
          <Button onClick={onConfirm} loading={busy} disabled={p.errors.length > 0 || edition.trim() === ''}>
            {M.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
