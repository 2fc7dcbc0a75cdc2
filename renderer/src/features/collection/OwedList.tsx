import { Badge, Group, Image, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { OwedItem } from '@shared/ipc/collection-types';
import { M as LM } from '../ledger/messages';
import { CM, SOURCE_LABEL, STATE_COLOR, STATE_LABEL } from './messages';

/** Thumbnails beside an owed item: enough to recognise what came in without opening it. */
const THUMBS_SHOWN = 4;

/**
 * What is owed in the month, one row each: code and title, why it is owed (频次 / 时限 / 要账), its due date, how far
 * what came in meets it (已交 / 部分 / 未交), 逾期 standing out in red, and the materials that came in. A click opens
 * the criterion in the 台账.
 */
export function OwedList(props: {
  owed: OwedItem[];
  thumbs: Record<string, string>;
  today: string;
  onOpen(code: string): void;
}) {
  if (props.owed.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid="owed-empty">
        {CM.owedEmpty}
      </Text>
    );
  return (
    <Stack gap={6} data-testid="owed-list">
      {props.owed.map((o, i) => (
        <OwedRow
          key={`${i}|${o.criterionCode}|${o.requestId ?? o.source}`}
          o={o}
          thumbs={props.thumbs}
          today={props.today}
          onOpen={() => props.onOpen(o.criterionCode)}
        />
      ))}
    </Stack>
  );
}

function OwedRow({
  o,
  thumbs,
  today,
  onOpen,
}: {
  o: OwedItem;
  thumbs: Record<string, string>;
  today: string;
  onOpen(): void;
}) {
  const shown = o.materialIds.filter((id) => thumbs[id]).slice(0, THUMBS_SHOWN);
  return (
    <Paper
      withBorder
      p={0}
      data-testid="owed-row"
      data-code={o.criterionCode}
      data-state={o.state}
      data-overdue={o.overdue || undefined}
      style={{
        borderLeft: `4px solid var(--mantine-color-${o.overdue ? 'red-8' : `${STATE_COLOR[o.state]}-5`})`,
        background: o.overdue ? 'var(--mantine-color-red-0)' : undefined,
      }}
    >
      <UnstyledButton onClick={onOpen} title={CM.openHint} p="xs" w="100%">
        <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Group gap={6} wrap="nowrap">
              <Text fw={600} size="sm" style={{ flex: 'none' }}>
                {o.criterionCode}
              </Text>
              <Text size="sm" truncate="end">
                {o.title}
              </Text>
            </Group>
            {o.text && (
              <Text size="xs" c="dimmed" lineClamp={2}>
                {o.text}
              </Text>
            )}
            <Group gap={6}>
              <Badge size="xs" variant="outline" color="gray">
                {SOURCE_LABEL[o.source]}
              </Badge>
              <Text
                size="xs"
                c={o.overdue ? 'red.8' : 'dimmed'}
                fw={o.overdue ? 600 : undefined}
                title={LM.dueTitle(o.due, today)}
              >
                {LM.dueLabel(o.due, today)}
              </Text>
              {o.overdue && (
                <Badge size="xs" color="red" data-testid="owed-overdue">
                  {CM.overdue}
                </Badge>
              )}
            </Group>
          </Stack>
          <Group gap={4} wrap="nowrap" style={{ flex: 'none' }}>
            {shown.map((id) => (
              <Image key={id} src={thumbs[id]} w={40} h={40} radius="xs" fit="cover" alt="" />
            ))}
            <Text size="xs" c="dimmed" w={48} ta="right" data-testid="owed-materials">
              {o.materials === 0 ? CM.noMaterials : CM.materialsCount(o.materials)}
            </Text>
            <Badge color={STATE_COLOR[o.state]} variant="light" w={52} data-testid="owed-state">
              {STATE_LABEL[o.state]}
            </Badge>
          </Group>
        </Group>
      </UnstyledButton>
    </Paper>
  );
}
