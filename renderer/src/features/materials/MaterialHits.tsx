import { Badge, Group, Paper, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { MATERIAL_KINDS } from '@shared/domain/value-sets';
import type { Material } from '@shared/ipc/types';
import { invoke } from '../../api/client';

/**
 * Materials matching the ledger's search (titles, captions, file names, text inside documents); a click opens the
 * criterion holding it. Searches after the user pauses typing.
 */
export function MaterialHits({ query, onOpen }: { query: string; onOpen(code: string): void }) {
  const [hits, setHits] = useState<Material[]>([]);
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setHits([]);
      return;
    }
    // Typing on while a search runs: the answer for an older query must not replace the newer one's.
    let live = true;
    const timer = setTimeout(() => {
      void invoke('materials:search', { query: q }).then(
        (r) => live && setHits(r.materials),
        () => live && setHits([]),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);
  if (hits.length === 0) return null;
  return (
    <Paper withBorder p="xs" data-testid="material-hits">
      <Text size="xs" c="dimmed" mb={4}>
        材料中找到 {hits.length} 份
      </Text>
      <ScrollArea.Autosize mah={120}>
        {hits.map((m) => (
          <UnstyledButton key={m.id} onClick={() => onOpen(m.criterionCode)} display="block" w="100%" py={2}>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {m.criterionCode}
              </Text>
              <Badge size="xs" variant="light">
                {MATERIAL_KINDS[m.kind]}
              </Badge>
              <Text size="sm" truncate="end">
                {m.title}
              </Text>
              <Text size="xs" c="dimmed" truncate="end">
                {m.fileName}
              </Text>
            </Group>
          </UnstyledButton>
        ))}
      </ScrollArea.Autosize>
    </Paper>
  );
}
