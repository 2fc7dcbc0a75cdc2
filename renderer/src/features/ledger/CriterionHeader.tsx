import { Badge, Button, Group, Text, Title } from '@mantine/core';
import { isOverdue } from '@shared/domain/progress';
import type { Period } from '@shared/domain/period';
import type { Finding } from '@shared/domain/rules/types';
import type { Criterion } from '@shared/ipc/types';
import { SEVERITY_COLOR } from '../check/messages';
import { D } from './detail-messages';
import { M } from './messages';
import { StatusBadge } from './StatusBadge';
import { ReviewBadge } from '../signoff/ReviewBadge';
import { isReviewable } from '../signoff/review-queue';

/**
 * The top of 标准详情, kept in view while the rest scrolls: where the criterion sits, its title, status, points,
 * and how many findings it has — a tag that takes the officer to them.
 */
export function CriterionHeader(props: {
  c: Criterion;
  path: Criterion[];
  today: string;
  period: Period;
  findings: Finding[];
  /** The findings' points at risk, capped at the criterion's points (riskTotals): the 体检's own figure. */
  pointsAtRisk: number;
  onShowFindings(): void;
}) {
  const { c, findings } = props;
  const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  const tally = {
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    points: props.pointsAtRisk,
  };
  const worst = tally.errors > 0 ? 'error' : tally.warnings > 0 ? 'warning' : 'info';
  return (
    <div>
      <Text size="xs" c="dimmed" truncate>
        {props.path.map((p) => `${p.code} ${p.title}`).join(' › ')}
      </Text>
      <Title order={4} mt={2}>
        <Text span inherit mr="xs" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {c.code}
        </Text>
        {c.title}
      </Title>
      {/* Wraps rather than truncates: beside the table the detail is narrow, and "逾…" says nothing. */}
      <Group gap="xs" mt={6} justify="space-between" wrap="wrap">
        <Group gap="xs" wrap="wrap">
          <StatusBadge status={c.status} />
          {isReviewable(c) && <ReviewBadge status={c.reviewState!.status} />}
          {isOverdue(c, props.today, props.period) && <Badge color="red">{M.overdueBadge}</Badge>}
          <Badge color="gray" variant="outline" data-testid="criterion-points">
            分值 {M.points(c.points)}
          </Badge>
        </Group>
        {findings.length > 0 && (
          <Button
            size="compact-sm"
            variant="light"
            color={SEVERITY_COLOR[worst]}
            onClick={props.onShowFindings}
            title={D.findingsTagHint}
            data-testid="findings-tag"
          >
            {D.findingsTag(tally)}
          </Button>
        )}
      </Group>
    </div>
  );
}
