import { Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import type { RefObject } from 'react';
import { CRITERION_STATUSES, METHODS, type CriterionStatus, type Method } from '@shared/domain/value-sets';
import type { DueFilter, LedgerFilter } from './filter';
import { M } from './messages';

const methodOptions = Object.entries(METHODS).map(([value, label]) => ({ value, label }));
const statusOptions = Object.entries(CRITERION_STATUSES).map(([value, label]) => ({ value, label }));
const dueOptions = Object.entries(M.dueFilters).map(([value, label]) => ({ value, label }));

/** Search and filters of the ledger: 我的 / 全部, 方法, 状态, 截止 (本月应交, 逾期, due within days). */
export function LedgerFilters(props: {
  filter: LedgerFilter;
  onChange(f: LedgerFilter): void;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const { filter: f, onChange } = props;
  return (
    <Group gap="sm" wrap="wrap">
      <TextInput
        ref={props.searchRef}
        placeholder={M.search}
        value={f.query}
        onChange={(e) => onChange({ ...f, query: e.currentTarget.value })}
        style={{ flex: 1, minWidth: 220 }}
        aria-label="搜索"
      />
      <SegmentedControl
        value={f.scope}
        onChange={(v) => onChange({ ...f, scope: v as LedgerFilter['scope'] })}
        data={[
          { value: 'mine', label: M.scopeMine },
          { value: 'all', label: M.scopeAll },
        ]}
        aria-label="范围"
      />
      <Select
        placeholder={M.method}
        data={methodOptions}
        value={f.method}
        onChange={(v) => onChange({ ...f, method: (v as Method | null) ?? null })}
        clearable
        w={140}
        aria-label={M.method}
      />
      <Select
        placeholder={M.status}
        data={statusOptions}
        value={f.status}
        onChange={(v) => onChange({ ...f, status: (v as CriterionStatus | null) ?? null })}
        clearable
        w={120}
        aria-label={M.status}
      />
      <Select
        placeholder={M.due}
        data={dueOptions}
        value={f.due}
        onChange={(v) => onChange({ ...f, due: (v as DueFilter | null) ?? null })}
        clearable
        w={130}
        aria-label={M.due}
      />
    </Group>
  );
}
