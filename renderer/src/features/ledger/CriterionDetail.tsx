import { Alert, Badge, Group, Paper, ScrollArea, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { isOverdue } from '../../../../shared/domain/progress';
import type { Finding } from '../../../../shared/domain/rules/types';
import type { Criterion } from '../../../../shared/ipc/types';
import { CriterionFindings } from '../check/CriterionFindings';
import { DeclarationPanel } from '../check/DeclarationPanel';
import { MaterialsPanel } from '../materials/MaterialsPanel';
import { M } from './messages';
import { RequirementCounters } from './RequirementCounters';
import { StatusBadge } from './StatusBadge';

interface Props {
  c: Criterion;
  path: Criterion[];
  today: string;
  onSetMine(code: string, mine: boolean): void;
  onMaterialsChanged(): void;
  /** Criteria a material may be moved or copied to. */
  targets: { value: string; label: string }[];
  /** The 体检's findings on this criterion. */
  findings: Finding[];
  criteria: Criterion[];
  onOpenCriterion(code: string): void;
}

/** 标准详情: full text, method, points, requirements, units, schedule, status, and whether it is the unit's own. */
export function CriterionDetail(props: Props) {
  const { c, path, today, onSetMine, onMaterialsChanged, targets } = props;
  const overdue = isOverdue(c, today);
  return (
    <ScrollArea h="100%" type="auto">
      <Stack gap="md" p="md" data-testid="criterion-detail">
        <Text size="sm" c="dimmed">
          {path.map((p) => `${p.code} ${p.title}`).join(' › ')}
        </Text>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3}>
            <Text span ff="monospace" inherit mr="xs">
              {c.code}
            </Text>
            {c.title}
          </Title>
          <Group gap="xs" wrap="nowrap">
            {overdue && <Badge color="red">{M.overdueBadge}</Badge>}
            <StatusBadge status={c.status} />
          </Group>
        </Group>
        {c.removed && <Alert color="gray">{M.removedHint}</Alert>}
        <DeclarationPanel c={c} onChanged={onMaterialsChanged} />
        {/* What the officer works on comes first: the requirements and the materials; the criterion's reference
            text and table follow. */}
        <Paper withBorder p="sm">
          <Text fw={600} mb="xs">
            {M.requirements}
          </Text>
          {!c.needsMaterial ? (
            <Text c="dimmed">{M.notOnline}</Text>
          ) : c.requirements.length === 0 ? (
            <Text c="dimmed">{M.noRequirements}</Text>
          ) : (
            <Stack gap={6}>
              <RequirementCounters requirements={c.requirements} counts={c.counts} />
              {c.requirements.map((r, i) => (
                <Text key={i} size="sm" data-testid="requirement-phrase">
                  · {M.requirementLabel(r)} {M.requirementCount(r)}
                  {r.text && ` · “${r.text}”`}
                </Text>
              ))}
            </Stack>
          )}
        </Paper>
        <CriterionFindings
          findings={props.findings}
          criteria={props.criteria}
          onOpenCriterion={props.onOpenCriterion}
          onChanged={onMaterialsChanged}
        />
        {c.needsMaterial && !c.removed && (
          <MaterialsPanel
            code={c.code}
            requirements={c.requirements}
            targets={targets}
            findings={props.findings}
            onChanged={onMaterialsChanged}
          />
        )}
        {c.text && (
          <Paper withBorder p="sm">
            <Text size="xs" c="dimmed" mb={4}>
              {M.text}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{c.text}</Text>
          </Paper>
        )}
        <Table variant="vertical" withTableBorder layout="fixed">
          <Table.Tbody>
            <Field label={M.method}>
              <Group gap={4}>
                {c.methods.map((m) => (
                  <Badge key={m} variant={m === 'online' ? 'filled' : 'light'} color={m === 'online' ? 'red' : 'gray'}>
                    {M.methodLabel(m)}
                  </Badge>
                ))}
              </Group>
            </Field>
            <Field label="分值">{M.points(c.points)}</Field>
            <Field label={M.lead}>{c.leadUnit ?? '—'}</Field>
            <Field label={M.responsible}>{c.responsibleUnits.join('、') || '—'}</Field>
            <Field label={M.deadline}>{c.deadline ?? '—'}</Field>
            <Field label={M.dueDate}>{c.dueDate ?? '—'}</Field>
            <Field label={M.frequency}>{c.frequency ? M.frequencyLabel(c.frequency) : '—'}</Field>
          </Table.Tbody>
        </Table>
        <Switch
          checked={c.mine}
          onChange={(e) => onSetMine(c.code, e.currentTarget.checked)}
          label={M.mine}
          description={c.mineSetByUser ? '已手动设置' : '按牵头/责任单位自动判断'}
        />
      </Stack>
    </ScrollArea>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={110}>{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}
