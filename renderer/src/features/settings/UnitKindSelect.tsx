import { Select } from '@mantine/core';
import { UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '@shared/domain/unit-kind';
import { S } from './messages';

const OPTIONS = UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }));

/** 单位类别 (市直单位, 区县…): decides which collective 责任单位 (各市直单位, 各街道…) are the unit's. */
export function UnitKindSelect({
  value,
  guessed,
  onChange,
}: {
  value: UnitKind;
  /** Shown as a guess from the unit's name until the officer picks one. */
  guessed: boolean;
  onChange(kind: UnitKind): void;
}) {
  return (
    <Select
      label={S.unitKind}
      description={guessed ? S.unitKindGuessed : S.unitKindHint}
      data={OPTIONS}
      value={value}
      onChange={(v) => v && onChange(v as UnitKind)}
      allowDeselect={false}
      data-testid="unit-kind"
    />
  );
}
