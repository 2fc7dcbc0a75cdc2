import { Alert, Badge, Checkbox, Group, ScrollArea, Stack, Text } from '@mantine/core';
import type { ScopeProposal } from '@shared/ipc/types';
import { UNIT_KIND_LABELS, type UnitKind } from '@shared/domain/unit-kind';
import { M } from './messages';

const ORDER: ScopeProposal['reason'][] = ['unplaced', 'collective', 'named', 'none'];
const TAG: Record<ScopeProposal['reason'], { color: string; label: string } | null> = {
  named: { color: 'green', label: M.named },
  collective: { color: 'blue', label: M.collective },
  unplaced: { color: 'orange', label: M.unplaced },
  none: null,
};

/**
 * The scope step: the leaves the unit's name reaches, the ones a collective 责任单位 reaches by the unit's kind
 * (marked 集体责任, preselected), and the collectives the app cannot place (各执法部门: not preselected, for the
 * officer to judge), then every other leaf — confirmed or ticked here rather than hunted for in the tree after.
 */
export function ScopeStep({
  rows,
  all,
  unitKind,
  mine,
  onToggle,
}: {
  rows: ScopeProposal[];
  all: boolean;
  unitKind: UnitKind;
  /** The officer's choices so far, by code (else the proposal's). */
  mine: Map<string, boolean>;
  onToggle(code: string, mine: boolean): void;
}) {
  const count = (r: ScopeProposal['reason']) => rows.filter((x) => x.reason === r).length;
  const sorted = [...rows].sort((a, b) => ORDER.indexOf(a.reason) - ORDER.indexOf(b.reason));
  return (
    <Stack gap={4} data-testid="import-scope">
      <Text fw={600}>{M.scopeTitle}</Text>
      {all ? (
        <Alert color="yellow" data-testid="import-scope-all">
          {M.scopeAll}
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {M.scopeSummary(count('named'), count('collective'), count('unplaced'), UNIT_KIND_LABELS[unitKind])}
        </Text>
      )}
      {!all && count('named') === 0 && (
        <Alert color="yellow" data-testid="import-scope-unnamed">
          {M.scopeUnnamed(UNIT_KIND_LABELS[unitKind])}
        </Alert>
      )}
      {rows.length > 0 && (
        <ScrollArea.Autosize
          mah={260}
          type="auto"
          style={{ border: '1px solid var(--mantine-color-gray-3)' }}
          viewportProps={{ tabIndex: 0, 'aria-label': M.scopeTitle }}
        >
          <Stack gap={2} p={6}>
            {sorted.map((r) => (
              <Group key={r.code} gap="xs" wrap="nowrap" data-testid={`scope-row-${r.code}`}>
                <Checkbox
                  size="xs"
                  checked={mine.get(r.code) ?? r.mine}
                  onChange={(e) => onToggle(r.code, e.currentTarget.checked)}
                  aria-label={`${r.code} ${M.scopeMine}`}
                />
                <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }} w={70}>
                  {r.code}
                </Text>
                <Text size="sm" lineClamp={1} style={{ flex: 1 }}>
                  {r.title}
                </Text>
                {TAG[r.reason] && (
                  <Badge size="sm" variant="light" color={TAG[r.reason]!.color}>
                    {TAG[r.reason]!.label}：{r.term}
                  </Badge>
                )}
                {r.setByUser && (
                  <Badge size="sm" variant="outline" color="gray">
                    {M.setByUser}
                  </Badge>
                )}
              </Group>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
