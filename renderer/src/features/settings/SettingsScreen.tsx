import { Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ArgsIn } from '@shared/ipc/contract';
import type { WorkspaceInfo } from '@shared/ipc/types';
import { BackupPanel } from '../backup/BackupPanel';
import { ReferencesPanel } from '../check/ReferencesPanel';
import { RuleProfileForm } from '../check/RuleProfileForm';
import { HandoutPanel } from '../handout/HandoutPanel';
import { AuditLogPanel } from '../signoff/AuditLogPanel';
import { SignersPanel } from '../signoff/SignersPanel';
import { S } from './messages';
import { WorkspaceSettingsForm } from './WorkspaceSettingsForm';

/**
 * 设置: the workspace's facts (月收集日 among them), the catalog version (import a new edition here), the 创城办's
 * hand-out, the leaders who sign (审核人), the check rules, 往年材料 and 备份.
 */
export function SettingsScreen(props: {
  info: WorkspaceInfo;
  onImportCatalog(): void;
  /** 设置 → 创城办下发 → 导入下发包: the preview the shell shows (a drop of the zip opens the same one). */
  onImportHandout(): void;
  onSave(v: ArgsIn<'workspace:update'>): void;
  /** A workspace restored from a backup here was opened instead of this one. */
  onOpenWorkspace(info: WorkspaceInfo): void;
}) {
  const { info, onImportCatalog } = props;
  const rows: [string, string][] = [
    ['单位', info.unit.name + (info.unit.aliases.length ? `（别名：${info.unit.aliases.join('、')}）` : '')],
    ['测评年度', `${info.year}年`],
    ['测评周期', `${info.period.start} 至 ${info.period.end}`],
    [S.collectionDay, S.collectionDayOf(info.collectionDay)],
    [S.contact, info.contact.name || S.notSet],
    [S.phone, info.contact.phone || S.notSet],
    ['工作区文件夹', info.dir],
  ];
  return (
    <Stack maw={900} data-testid="settings">
      <Title order={3}>设置</Title>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          工作区
        </Title>
        <Table variant="vertical" withTableBorder>
          <Table.Tbody>
            {rows.map(([k, v]) => (
              <Table.Tr key={k}>
                <Table.Th w={140}>{k}</Table.Th>
                <Table.Td>{v}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Title order={5} mt="md" mb="xs">
          修改
        </Title>
        <WorkspaceSettingsForm
          key={JSON.stringify([info.unit, info.year, info.period, info.contact, info.collectionDay])}
          info={info}
          onSave={props.onSave}
        />
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          测评体系
        </Title>
        {info.catalog ? (
          <Text mb="sm">
            当前版本：{info.catalog.name ?? info.catalog.edition}（{info.catalog.edition}），共 {info.catalog.nodes}{' '}
            条，其中末级标准 {info.catalog.leaves} 条，本单位负责 {info.mineLeaves} 条。导入于{' '}
            {info.catalog.importedAt.slice(0, 10)}。
          </Text>
        ) : (
          <Text mb="sm" c="dimmed">
            尚未导入测评体系。
          </Text>
        )}
        <Text size="sm" c="dimmed" mb="sm">
          导入新版本时，编号不变的标准及其材料全部保留；新版本中没有的标准保留并标记为“已移除”。
        </Text>
        <Button variant="default" onClick={onImportCatalog}>
          导入台账或测评体系
        </Button>
      </Paper>
      <HandoutPanel onImport={props.onImportHandout} />
      <SignersPanel />
      <AuditLogPanel />
      <RuleProfileForm />
      <ReferencesPanel thisYear={info.year} />
      <BackupPanel onOpenWorkspace={props.onOpenWorkspace} />
    </Stack>
  );
}
