import { Box, Button, Group, ScrollArea, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { Period } from '@shared/domain/period';
import type { Finding } from '@shared/domain/rules/types';
import { reviewCommentProblem, type ReviewDecision } from '@shared/domain/signoff';
import type { Criterion } from '@shared/ipc/types';
import { CriterionStandard } from '../ledger/CriterionStandard';
import { StatusBadge } from '../ledger/StatusBadge';
import { R } from './messages';
import { ReviewBadge } from './ReviewBadge';
import { ReviewFindings } from './ReviewFindings';
import { ReviewMaterials } from './ReviewMaterials';
import { ReviewStateNotes } from './ReviewSummary';

/**
 * One criterion under review, its title and the decision kept in view: 通过, or 退回修改 with what to change; below,
 * scrolling, what is decided on — the standard and its requirements, every material, the 体检's findings.
 */
export function ReviewItem(props: {
  c: Criterion;
  findings: Finding[];
  criteria: Criterion[];
  today: string;
  period: Period;
  onDecide(decision: ReviewDecision, comment: string): void;
}) {
  const { c } = props;
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const problem = reviewCommentProblem('return', comment);
  const sendBack = () => {
    setTried(true);
    if (!problem) props.onDecide('return', comment.trim());
  };

  return (
    <Stack h="100%" gap="sm" data-testid="review-item" data-code={c.code}>
      <Box style={{ flex: 'none' }}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
          <Box style={{ minWidth: 0 }}>
            <Title order={4}>
              <Text span inherit mr="xs" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {c.code}
              </Text>
              {c.title}
            </Title>
            <Group gap="xs" mt={6}>
              {c.reviewState && <ReviewBadge status={c.reviewState.status} />}
              <StatusBadge status={c.status} />
            </Group>
          </Box>
          {!returning && (
            <Group gap="xs" wrap="nowrap" style={{ flex: 'none' }} data-testid="review-actions">
              <Button color="green" onClick={() => props.onDecide('approve', '')}>
                {R.approve}
              </Button>
              <Button variant="default" onClick={() => setReturning(true)}>
                {R.returnForChanges}…
              </Button>
            </Group>
          )}
        </Group>
        {c.reviewState && <ReviewStateNotes state={c.reviewState} />}
        {returning && (
          <Stack gap="xs" mt="xs" data-testid="review-return">
            <Textarea
              label={R.comment}
              description={R.commentHint}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              error={tried && problem}
              autosize
              minRows={2}
              maxRows={5}
              maxLength={2000}
              autoFocus
            />
            <Group gap="xs">
              <Button color="orange" onClick={sendBack}>
                {R.returnForChanges}
              </Button>
              <Button variant="default" onClick={() => setReturning(false)}>
                {R.cancel}
              </Button>
            </Group>
          </Stack>
        )}
      </Box>
      {/* Focusable, so the keyboard scrolls it: nothing inside may take the focus (read only). */}
      <ScrollArea
        style={{ flex: 1, minHeight: 0 }}
        type="auto"
        offsetScrollbars="y"
        viewportProps={{ tabIndex: 0, 'aria-label': R.itemContent(c.code) }}
      >
        <Stack gap="md" pb="md">
          <CriterionStandard c={c} today={props.today} period={props.period} />
          <ReviewMaterials code={c.code} findings={props.findings} />
          <ReviewFindings findings={props.findings} criteria={props.criteria} />
        </Stack>
      </ScrollArea>
    </Stack>
  );
}
