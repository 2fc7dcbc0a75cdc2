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
import { useState } from 'react';
import { SHEET_FIELD_IDS, SHEET_FIELDS, type SheetField } from '@shared/domain/ledger-sheet/fields';
import type { MaterialKind } from '@shared/domain/value-sets';
import type { CatalogPreview } from '@shared/ipc/types';
import type { SheetMapping } from '@shared/schemas/sheet-mapping';
import { phraseKey, type ImportChoices } from './choices';
import { M } from './messages';
import { ScopeStep } from './ScopeStep';
import { UntypedPhrases, type UntypedPhrase } from './UntypedPhrases';

interface Props {
  preview: CatalogPreview;
  edition: string;
  busy: boolean;
  onEdition(edition: string): void;
  onMapping(mapping: SheetMapping): void;
  onConfirm(choices: ImportChoices): void;
  onCancel(): void;
}

/**
 * The mapping preview: what the import will build, editable, before anything is written — the mapping, the
 * edition, the kinds of phrases the words did not type, and the scope step. The action bar stays in view.
 */
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
  // Phrases of the 材料要求 whose words name no kind: imported as 其他, listed so the officer types them in one place.
  const untyped: UntypedPhrase[] = p.nodes.flatMap((n) =>
    n.requirements.filter((r) => r.kind === 'other').map((r) => ({ code: n.code, title: n.title, text: r.text })),
  );
  const [kinds, setKinds] = useState(new Map<string, MaterialKind>());
  const [mine, setMine] = useState(new Map<string, boolean>());
  const choices = (): ImportChoices => ({
    scope: p.scope.filter((r) => mine.has(r.code)).map((r) => ({ code: r.code, mine: mine.get(r.code)! })),
    requirementKinds: untyped.flatMap((u) => {
      const kind = kinds.get(phraseKey(u.code, u.text));
      return kind && kind !== 'other' ? [{ code: u.code, text: u.text, kind }] : [];
    }),
  });
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
        <UntypedPhrases
          phrases={untyped}
          kinds={kinds}
          onKind={(u, kind) => setKinds(new Map(kinds).set(phraseKey(u.code, u.text), kind))}
        />
        {p.errors.length === 0 && (
          <ScopeStep
            rows={p.scope}
            all={p.scopeAll}
            unitKind={p.unitKind}
            mine={mine}
            onToggle={(code, m) => setMine(new Map(mine).set(code, m))}
          />
        )}
        <Text fw={600}>{M.tree}</Text>
        <ScrollArea
          h={180}
          type="auto"
          style={{ border: '1px solid var(--mantine-color-gray-3)' }}
          viewportProps={{ tabIndex: 0, 'aria-label': M.tree }}
        >
          <Table withRowBorders={false} verticalSpacing={2} data-testid="import-tree">
            <Table.Tbody>
              {p.nodes.slice(0, 500).map((n) => (
                <Table.Tr key={n.code}>
                  <Table.Td w={110} fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
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
        <Group
          justify="flex-end"
          pos="sticky"
          bottom={0}
          py="sm"
          bg="var(--mantine-color-body)"
          style={{ borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 1 }}
          data-testid="import-actions"
        >
          <Button variant="default" onClick={onCancel}>
            {M.cancel}
          </Button>
          <Button
            onClick={() => onConfirm(choices())}
            loading={busy}
            disabled={p.errors.length > 0 || edition.trim() === ''}
          >
            {M.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
