import { Alert, Box, Button, Group, List, ScrollArea, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { reviewCommentProblem, type ReviewDecision } from '@shared/domain/signoff';
import type { RemoteSigned, RemoteView } from '@shared/ipc/remote-review-types';
import { R } from '../signoff/messages';
import { RemoteMaterials } from './RemoteMaterials';
import { V } from './messages';

type Criterion = RemoteView['request']['criteria'][number];

/**
 * One criterion of the 送审包, as the leader decides on it: the decision kept in view at the top (通过, or 退回修改
 * with what to change), below the standard, its 材料要求, the declaration, the 分管领导's approval for the
 * 主要负责同志, and every material.
 */
export function RemoteCriterion(props: {
  c: Criterion;
  /** What the leader decided on it in this session (signed; saved or not), or null. */
  signed: RemoteSigned | null;
  materials: RemoteView['request']['materials'];
  onDecide(decision: ReviewDecision, comment: string): void;
}) {
  const { c } = props;
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const problem = reviewCommentProblem('return', comment);
  return (
    <Stack h="100%" gap="sm" data-testid="remote-item" data-code={c.code}>
      <Box style={{ flex: 'none' }}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
          <Title order={4} style={{ minWidth: 0 }}>
            <Text span inherit mr="xs">
              {c.code}
            </Text>
            {c.title}
          </Title>
          {!returning && (
            <Group gap="xs" wrap="nowrap" style={{ flex: 'none' }}>
              <Button color="green" onClick={() => props.onDecide('approve', '')}>
                {R.approve}
              </Button>
              <Button variant="default" onClick={() => setReturning(true)}>
                {R.returnForChanges}…
              </Button>
            </Group>
          )}
        </Group>
        {props.signed && (
          <Alert
            mt="xs"
            py={6}
            color={props.signed.decision === 'approve' ? 'green' : 'orange'}
            data-testid="remote-decision"
          >
            {V.yourDecision(props.signed.decision, props.signed.comment)}
          </Alert>
        )}
        {returning && (
          <Stack gap="xs" mt="xs">
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
              <Button
                color="orange"
                onClick={() => {
                  setTried(true);
                  if (!problem) props.onDecide('return', comment.trim());
                }}
              >
                {R.returnForChanges}
              </Button>
              <Button variant="default" onClick={() => setReturning(false)}>
                {R.cancel}
              </Button>
            </Group>
          </Stack>
        )}
      </Box>
      <ScrollArea style={{ flex: 1, minHeight: 0 }} type="auto" offsetScrollbars="y">
        <Stack gap="md" pb="md">
          {c.leaderReview && (
            <Alert color="green" variant="light" data-testid="remote-leader-review">
              {V.leaderApproved(c.leaderReview.signer, c.leaderReview.at)}
            </Alert>
          )}
          {c.text && (
            <Stack gap={2}>
              <Text fw={600}>{V.standard}</Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {c.text}
              </Text>
            </Stack>
          )}
          {c.requirements.length > 0 && (
            <Stack gap={2} data-testid="remote-requirements">
              <Text fw={600}>{V.requirements}</Text>
              <List size="sm">
                {c.requirements.map((r) => (
                  <List.Item key={r}>{r}</List.Item>
                ))}
              </List>
            </Stack>
          )}
          {c.declaration && (
            <Stack gap={2}>
              <Text fw={600}>{V.declaration}</Text>
              <Text size="sm">{c.declaration.statement}</Text>
            </Stack>
          )}
          <RemoteMaterials materials={props.materials} />
        </Stack>
      </ScrollArea>
    </Stack>
  );
}
