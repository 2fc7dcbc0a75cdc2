import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A labelled fact in a detail (测评方法, 截止, 尺寸…): a grey label of a fixed width, then its value. */
export function Fact({ label, labelWidth, children }: { label: string; labelWidth: number; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="xs" c="dimmed" w={labelWidth} pt={2} style={{ flex: 'none' }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ minWidth: 0 }}>
        {children}
      </Text>
    </Group>
  );
}
