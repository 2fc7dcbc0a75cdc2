import { Badge, type BadgeProps } from '@mantine/core';
import type { ReviewStatus } from '@shared/domain/review-state';
import { R } from './messages';

/** One colour per meaning (UI.md): approved green, half-way blue, nothing yet grey, sent back orange, stale red. */
export const REVIEW_COLOR: Record<ReviewStatus, string> = {
  approved: 'green',
  'leader-approved': 'blue',
  unreviewed: 'gray',
  returned: 'orange',
  stale: 'red',
};

/** A criterion's review state in words (待审改, 已审改, 已审阅把关, 退回, 已失效). */
export function ReviewBadge({ status, size }: { status: ReviewStatus; size?: BadgeProps['size'] }) {
  return (
    <Badge color={REVIEW_COLOR[status]} variant="light" size={size} data-testid="review-badge" data-status={status}>
      {R.statusLabel(status)}
    </Badge>
  );
}
