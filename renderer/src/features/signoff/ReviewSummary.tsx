import { Alert, List, Paper, Stack, Text } from '@mantine/core';
import type { CriterionReview, LevelReview, ReviewState } from '@shared/domain/review-state';
import type { ReviewLevel } from '@shared/domain/signoff';
import { R } from './messages';
import { ReviewBadge } from './ReviewBadge';

/** Why a criterion is where it is: a return's comment, what changed since an approval, reviews not counted. */
export function ReviewStateNotes({ state, compact }: { state: ReviewState; compact?: boolean }) {
  return (
    <>
      {state.status === 'returned' && state.comment && (
        <Text size="sm" c="orange.8" mt={4} lineClamp={compact ? 2 : undefined} data-testid="review-comment">
          {R.returnedWith(state.comment)}
        </Text>
      )}
      {state.status === 'stale' && state.changes.length > 0 && (
        <Stack gap={0} mt={4} data-testid="review-changes">
          {!compact && (
            <Text size="sm" c="red.8">
              {R.changesTitle}
            </Text>
          )}
          <List size="sm" c="red.8">
            {(compact ? state.changes.slice(0, 2) : state.changes).map((line, i) => (
              <List.Item key={i}>{line}</List.Item>
            ))}
          </List>
        </Stack>
      )}
      {state.invalid > 0 && !compact && (
        <Alert color="red" mt={4} p="xs" data-testid="review-invalid">
          {R.invalid(state.invalid)}
        </Alert>
      )}
    </>
  );
}

/**
 * 标准详情 → 领导审核, for the officer: the state, who decided what and when at each level, and why it waits (a
 * return's comment, the changes that made an approval stale, reviews whose signature did not check out).
 */
export function ReviewSummary({ review, state }: { review: CriterionReview; state: ReviewState }) {
  return (
    <Paper withBorder p="sm" data-testid="review-summary">
      <Text fw={600} mb={4}>
        {R.reviewSection} <ReviewBadge status={state.status} size="sm" />
      </Text>
      <Stack gap={2}>
        {(['leader', 'principal'] as ReviewLevel[]).map((level) => (
          <LevelLine key={level} level={level} r={review[level]} />
        ))}
      </Stack>
      <ReviewStateNotes state={state} />
    </Paper>
  );
}

function LevelLine({ level, r }: { level: ReviewLevel; r: LevelReview | null }) {
  return (
    <Text size="sm" data-testid="review-level" data-level={level}>
      <Text span inherit c="dimmed" mr="xs">
        {R.levelLine(level)}
      </Text>
      {r ? R.decided(r.decision, r.signer, r.at) : R.notYet}
      {r?.stale && r.decision === 'approve' && (
        <Text span inherit c="red.8">
          {R.staleNote}
        </Text>
      )}
    </Text>
  );
}
