import { Badge, NavLink, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { H } from './messages';

export type Section = 'home' | 'ledger' | 'collection' | 'check' | 'review' | 'export' | 'settings';

/**
 * The sections, in the order of the officer's work: 首页, 台账, 月收集 (the monthly rhythm beside the ledger, badged
 * with what is overdue this month), 体检 (badged with its errors), 审核 (what waits for a leader), 导出, 设置.
 */
export function Navigation(props: {
  section: Section;
  onGo(s: Section): void;
  onClose(): void;
  badges: { collection: number; check: number; review: number };
}) {
  const { section, onGo, badges } = props;
  const item = (s: Section, label: string, badge?: ReactNode) => (
    // An empty section would still take its place: only a badge gets one.
    <NavLink label={label} active={section === s} onClick={() => onGo(s)} rightSection={badge || undefined} />
  );
  return (
    <Stack gap={2}>
      {item('home', '首页')}
      {item('ledger', '台账')}
      {item(
        'collection',
        '月收集',
        badges.collection > 0 && (
          <Badge size="sm" color="red" data-testid="nav-collection-overdue" title={H.overdueItems}>
            {badges.collection}
          </Badge>
        ),
      )}
      {item(
        'check',
        '体检',
        badges.check > 0 && (
          <Badge size="sm" color="red" data-testid="nav-check-errors">
            {badges.check}
          </Badge>
        ),
      )}
      {item(
        'review',
        '审核',
        badges.review > 0 && (
          <Badge size="sm" color="gray" data-testid="nav-review-waiting" title="等待领导审核的标准">
            {badges.review}
          </Badge>
        ),
      )}
      {item('export', '导出')}
      {item('settings', '设置')}
      <NavLink label="关闭工作区" onClick={props.onClose} c="dimmed" />
    </Stack>
  );
}
