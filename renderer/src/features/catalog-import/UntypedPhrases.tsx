import { Alert, Group, ScrollArea, Select, Stack, Text } from '@mantine/core';
import { MATERIAL_KINDS, type MaterialKind } from '@shared/domain/value-sets';
import { phraseKey } from './choices';
import { M } from './messages';

const KIND_OPTIONS = Object.entries(MATERIAL_KINDS).map(([value, label]) => ({ value, label }));

export interface UntypedPhrase {
  code: string;
  title: string;
  text: string;
}

/**
 * The 材料要求 phrases whose words name no kind (imported as 其他, text kept verbatim), in one place, each with a
 * kind the officer can set; the choice is kept for later imports of the same phrase.
 */
export function UntypedPhrases({
  phrases,
  kinds,
  onKind,
}: {
  phrases: UntypedPhrase[];
  kinds: Map<string, MaterialKind>;
  onKind(p: UntypedPhrase, kind: MaterialKind): void;
}) {
  if (phrases.length === 0) return null;
  return (
    <Alert color="yellow" title={M.untypedTitle(phrases.length)} data-testid="import-untyped">
      <Text size="sm" mb={4}>
        {M.untypedHint}
      </Text>
      <ScrollArea.Autosize mah={220} type="auto">
        <Stack gap={4}>
          {phrases.map((p) => (
            <Group key={phraseKey(p.code, p.text)} gap="xs" wrap="nowrap">
              <Select
                size="xs"
                w={110}
                data={KIND_OPTIONS}
                value={kinds.get(phraseKey(p.code, p.text)) ?? 'other'}
                onChange={(v) => v && onKind(p, v as MaterialKind)}
                allowDeselect={false}
                aria-label={`${p.code} “${p.text}”的材料类型`}
              />
              <Text size="sm">
                {p.code} {p.title}：“{p.text}”
              </Text>
            </Group>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Alert>
  );
}
