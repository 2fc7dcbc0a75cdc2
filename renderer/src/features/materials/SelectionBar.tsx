import { Button, Checkbox, Group, Text } from '@mantine/core';
import { M } from './messages';

/** Over a criterion's cards: 全选, how many are ticked, and 修改月份 for them. */
export function SelectionBar(props: { total: number; selected: number; onAll(on: boolean): void; onSetMonth(): void }) {
  const { total, selected } = props;
  return (
    <Group gap="sm" data-testid="material-selection">
      <Checkbox
        label={M.selectAll}
        checked={total > 0 && selected === total}
        indeterminate={selected > 0 && selected < total}
        onChange={(e) => props.onAll(e.currentTarget.checked)}
        data-testid="material-select-all"
      />
      <Text size="sm" c="dimmed">
        {M.selected(selected)}
      </Text>
      {selected > 0 && (
        <Button size="compact-sm" variant="default" onClick={props.onSetMonth}>
          {M.setMonth}
        </Button>
      )}
    </Group>
  );
}
