import { Badge, Card, Checkbox, Group, Text, Tooltip } from '@mantine/core';
import type { Finding } from '@shared/domain/rules/types';
import type { Material } from '@shared/ipc/types';
import { C, SEVERITY_COLOR } from '../check/messages';
import { MaterialThumb } from './MaterialThumb';
import { FINDING_TAG, M } from './messages';

/** Three cards side by side in the criterion detail at 1366×768; a photo at this size shows its scene. */
export const CARD_WIDTH = 170;
const THUMB_HEIGHT = 128;
/** Badges beyond these are summed up as "+2": the card stays one size, the preview lists them all. */
const MAX_TAGS = 3;

/**
 * One material in the grid: its picture (photo, PDF first page, or file type), title, date (YYYY-MM-DD) with the
 * month it counts for as a separate tag, and a badge for each of its own findings (周期外, 模糊, 过小…).
 */
export function MaterialCard(props: {
  m: Material;
  thumb: string | undefined;
  findings: Finding[];
  onOpen(): void;
  /** Given: the card has a checkbox for a selection (修改月份 for several at once). */
  selected?: boolean;
  onSelect?(on: boolean): void;
}) {
  const { m, findings } = props;
  const pages = typeof m.facts.pages === 'number' ? m.facts.pages : null;
  const tags = [...new Map(findings.map((f) => [f.ruleId, f])).values()];
  return (
    <Card
      withBorder
      padding={6}
      w={CARD_WIDTH}
      onClick={props.onOpen}
      style={{ cursor: 'pointer' }}
      data-testid="material-card"
      data-id={m.id}
    >
      <Card.Section pos="relative">
        <MaterialThumb m={m} thumb={props.thumb} h={THUMB_HEIGHT} />
        {props.onSelect && (
          <Checkbox
            checked={props.selected === true}
            onChange={(e) => props.onSelect?.(e.currentTarget.checked)}
            // The card opens the preview: ticking the box must not.
            onClick={(e) => e.stopPropagation()}
            aria-label={M.selectOne(m.title)}
            pos="absolute"
            top={6}
            left={6}
            size="md"
            data-testid="material-select"
            styles={{ input: { boxShadow: '0 0 0 2px white' } }}
          />
        )}
      </Card.Section>
      <Text size="xs" fw={600} truncate="end" mt={4} title={m.title} data-testid="material-title">
        {m.title}
      </Text>
      <Group gap={4} wrap="nowrap" justify="space-between">
        <Text size="xs" c="dimmed" data-testid="material-date" truncate>
          {m.eventDate ?? M.noDate}
          {pages !== null && ` · ${M.pages(pages)}`}
        </Text>
        <Badge size="xs" variant="outline" color="gray" title={M.monthLong(m.month)} style={{ flex: 'none' }}>
          {M.monthTag(m.month)}
        </Badge>
      </Group>
      {tags.length > 0 && (
        <Group gap={2} mt={2}>
          {tags.slice(0, MAX_TAGS).map((f) => (
            <Tooltip key={f.ruleId} label={`${C.ruleLabel(f.ruleId)}：${f.message}`} multiline w={260} withinPortal>
              <Badge
                size="xs"
                variant="light"
                color={SEVERITY_COLOR[f.severity]}
                data-testid="card-finding"
                data-rule={f.ruleId}
              >
                {FINDING_TAG[f.ruleId]}
              </Badge>
            </Tooltip>
          ))}
          {tags.length > MAX_TAGS && (
            <Badge size="xs" variant="light" color="gray">
              {M.moreFindings(tags.length - MAX_TAGS)}
            </Badge>
          )}
        </Group>
      )}
    </Card>
  );
}
