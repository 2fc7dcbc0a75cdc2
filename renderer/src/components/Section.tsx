import { Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled panel with a line saying what it is for (设置's panels, 校验申报包). */
export function Section(props: { testId: string; title: string; intro: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md" data-testid={props.testId}>
      <Title order={4} mb={4}>
        {props.title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {props.intro}
      </Text>
      {props.children}
    </Paper>
  );
}
