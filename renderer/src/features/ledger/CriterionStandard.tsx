import { Badge, Divider, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Criterion } from '@shared/ipc/types';
import { dueOf } from '@shared/domain/next-due';
import type { Period } from '@shared/domain/period';
import { M } from './messages';
import { RequirementCounters } from './RequirementCounters';
import { Fact } from '../../components/Fact';

/**
 * What the criterion asks: the 测评标准's own words, who leads it and by when, then the 材料要求 with counters of
 * what is there. Read before collecting, so it comes before the materials.
 */
export function CriterionStandard({ c, today, period }: { c: Criterion; today: string; period: Period }) {
  // The date the tree and the table show (next-due.ts), with how far it is: one answer to "by when" everywhere.
  const due = dueOf(c, today, period);
  return (
    <Paper withBorder p="sm" data-testid="criterion-standard">
      {c.text && (
        <>
          <Text size="xs" c="dimmed" mb={2}>
            {M.text}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="criterion-text">
            {c.text}
          </Text>
        </>
      )}
      <SimpleGrid cols={2} spacing="xs" verticalSpacing={4} mt={c.text ? 'xs' : 0}>
        <Fact labelWidth={64} label={M.method}>
          <Group gap={4} component="span">
            {c.methods.map((m) => (
              <Badge key={m} size="sm" variant={m === 'online' ? 'outline' : 'light'} color="gray">
                {M.methodLabel(m)}
              </Badge>
            ))}
          </Group>
        </Fact>
        <Fact labelWidth={64} label={M.lead}>
          {c.leadUnit ?? '—'}
        </Fact>
        <Fact labelWidth={64} label={M.responsible}>
          {c.responsibleUnits.join('、') || '—'}
        </Fact>
        <Fact labelWidth={64} label={M.frequency}>
          {c.frequency ? M.frequencyLabel(c.frequency) : '—'}
        </Fact>
        <Fact labelWidth={64} label={M.deadline}>
          {c.deadline ?? '—'}
        </Fact>
        <Fact labelWidth={64} label={M.nextDue}>
          {due ? (
            <Text span inherit c={due.urgency === 'overdue' ? 'red.8' : undefined} data-testid="detail-due">
              {M.dueLabel(due.date, today)}（{M.dueTitle(due.date, today)}）
            </Text>
          ) : (
            '—'
          )}
        </Fact>
      </SimpleGrid>
      <Divider my="xs" />
      <Text fw={600} size="sm" mb={4}>
        {M.requirements}
      </Text>
      {!c.needsMaterial ? (
        <Text size="sm" c="dimmed">
          {M.notOnline}
        </Text>
      ) : c.requirements.length === 0 ? (
        <Text size="sm" c="dimmed">
          {M.noRequirements}
        </Text>
      ) : (
        <Stack gap={4}>
          <RequirementCounters progress={c.progress} declared={c.declaration !== null} />
          {c.requirements.map((r, i) => (
            <Text key={i} size="sm" data-testid="requirement-phrase">
              · {M.requirementLabel(r)} {M.requirementCount(r)}
              {r.text && ` · “${r.text}”`}
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
