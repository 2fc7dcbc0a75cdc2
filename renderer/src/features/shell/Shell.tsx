import { Alert, AppShell, Group, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { summarizeProgress } from '@shared/domain/progress';
import type { CatalogImportResult, WorkspaceInfo } from '@shared/ipc/types';
import { invoke } from '../../api/client';
import { ImportPreview } from '../catalog-import/ImportPreview';
import { CheckScreen } from '../check/CheckScreen';
import { ExportScreen } from '../export/ExportScreen';
import { HomeScreen } from '../home/HomeScreen';
import { useCatalogImport } from '../catalog-import/useCatalogImport';
import { LedgerScreen } from '../ledger/LedgerScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { reviewCounts } from '../signoff/review-queue';
import { ReviewScreen } from '../signoff/ReviewScreen';
import { BRAND_COLOR } from '../../theme';
import { ProgressSummary } from './ProgressSummary';
import { clampMonth, collectionMonth } from '@shared/domain/collection';
import type { HandoutImportResult } from '@shared/ipc/collection-types';
import { CollectionScreen } from '../collection/CollectionScreen';
import { useMonthView } from '../collection/queries';
import { HandoutPreviewModal } from '../handout/HandoutPreviewModal';
import { HO } from '../handout/messages';
import { useHandoutImport } from '../handout/useHandoutImport';
import { Navigation, type Section } from './Navigation';
import { ReminderBanner } from './ReminderBanner';
import { useHandoutDrop } from './useHandoutDrop';

interface Notice {
  color: 'green' | 'red' | 'orange';
  title: string;
  text: string;
}

/** The app frame once a workspace is open: header (单位 · 年度 · 测评周期, progress), sections, content. */
export function Shell(props: {
  info: WorkspaceInfo;
  today: string;
  onInfo(info: WorkspaceInfo): void;
  onClose(): void;
}) {
  const { info, today } = props;
  // A workspace with a catalog opens on 首页 (the day's questions); without one on the 台账, whose empty state
  // offers the import. Importing later keeps the officer where they are.
  const [section, setSection] = useState<Section>(info.catalog ? 'home' : 'ledger');
  const [focus, setFocus] = useState<{ code: string } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // A notice (已导入…) belongs to the screen it was raised on: moving to another section clears it.
  const go = (s: Section) => {
    setSection(s);
    setNotice(null);
  };

  // The criteria, the 体检 and the header's info in one read, read again after any call that changes them
  // (api/query-client.ts), so counters, status and risks stay true together.
  const ledger = useQuery({ queryKey: ['ledger'], queryFn: () => invoke('ledger:state', {}) });
  const criteria = ledger.data?.criteria ?? null;
  const report = ledger.data?.report ?? null;
  const { onInfo } = props;
  useEffect(() => {
    if (ledger.data) onInfo(ledger.data.workspace);
  }, [ledger.data, onInfo]);
  const openCriterion = (code: string) => {
    setFocus({ code });
    setSection('ledger');
  };

  const waiting = useMemo(() => {
    const n = reviewCounts(criteria ?? []);
    return n.leader + n.principal;
  }, [criteria]);
  const summary = useMemo(() => summarizeProgress(criteria ?? [], today, info.period), [criteria, today, info.period]);

  const importer = useCatalogImport(
    (r) => setNotice(importNotice(r)),
    (message) => setNotice({ color: 'red', title: '未导入', text: message }),
  );
  const importCatalog = () => void importer.start();
  // The 创城办's hand-out: from 设置's button or a zip dropped on the window, one preview.
  const handout = useHandoutImport(
    (r) => setNotice(handoutNotice(r)),
    (message) => setNotice({ color: 'red', title: HO.refused, text: message }),
  );
  useHandoutDrop(handout.start, () => setNotice({ color: 'orange', title: HO.refused, text: HO.dropHint }));
  // The badge: what is overdue in the current collection month (the 月收集 screen's default month, one read).
  const overdue = useMonthView(null).data?.counts.overdue ?? 0;
  const setMine = (code: string, mine: boolean) => invoke('criteria:scope', { codes: [code], mine });

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 180, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={4} c={`${BRAND_COLOR}.8`}>
              网报通
            </Title>
            <Text fw={600} data-testid="header-unit">
              {info.unit.name}
            </Text>
            <Text c="dimmed" size="sm" style={{ whiteSpace: 'nowrap' }}>
              {info.year}年 · 测评周期 {info.period.start} 至 {info.period.end}
            </Text>
          </Group>
          {criteria && <ProgressSummary s={summary} pointsAtRisk={report?.summary.pointsAtRisk} />}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Navigation
          section={section}
          onGo={go}
          onClose={props.onClose}
          badges={{ collection: overdue, check: report?.summary.errors ?? 0, review: waiting }}
        />
      </AppShell.Navbar>
      <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
        {ledger.error && (
          <Alert color="red" title="未能读取工作区" mb="sm" data-testid="ledger-error">
            <Text size="sm">{ledger.error.message}</Text>
          </Alert>
        )}
        <ReminderBanner onOpen={() => go('collection')} />
        {notice && (
          <Alert
            color={notice.color}
            title={notice.title}
            withCloseButton
            onClose={() => setNotice(null)}
            mb="sm"
            data-testid="notice"
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {notice.text}
            </Text>
          </Alert>
        )}
        {importer.preview && (
          <ImportPreview
            preview={importer.preview}
            edition={importer.edition}
            busy={importer.busy}
            onEdition={importer.setEdition}
            onMapping={(m) => void importer.remap(m)}
            onConfirm={(choices) => void importer.confirm(choices)}
            onCancel={importer.cancel}
          />
        )}
        <HandoutPreviewModal h={handout} />
        <div style={{ flex: 1, minHeight: 0 }}>
          {section === 'home' && criteria && (
            <HomeScreen
              criteria={criteria}
              report={report}
              today={today}
              period={info.period}
              hasCatalog={info.catalog !== null}
              onOpenCriterion={openCriterion}
              onOpenReview={() => go('review')}
              onImportCatalog={importCatalog}
            />
          )}
          {section === 'ledger' && criteria && (
            <LedgerScreen
              criteria={criteria}
              report={report}
              focus={focus}
              today={today}
              period={info.period}
              unitKind={info.unit.kind}
              onSetMine={(c, m) => void setMine(c, m)}
              onImportCatalog={importCatalog}
            />
          )}
          {section === 'collection' && criteria && (
            <CollectionScreen
              criteria={criteria}
              today={today}
              onOpenCriterion={openCriterion}
              onNotice={(text) => setNotice({ color: 'green', title: '已导出', text })}
            />
          )}
          {section === 'check' && criteria && report && (
            <CheckScreen report={report} criteria={criteria} onOpenCriterion={openCriterion} />
          )}
          {section === 'review' && criteria && (
            <ReviewScreen
              criteria={criteria}
              report={report}
              today={today}
              period={info.period}
              onOpenSettings={() => go('settings')}
            />
          )}
          {section === 'export' && criteria && (
            <ExportScreen
              thisMonth={clampMonth(collectionMonth(today, info.collectionDay), info.period)}
              criteria={criteria}
              onOpenCriterion={openCriterion}
              onOpenCheck={() => go('check')}
              onOpenReview={() => go('review')}
            />
          )}
          {section === 'settings' && (
            <SettingsScreen
              info={info}
              onImportCatalog={importCatalog}
              onImportHandout={() => handout.start()}
              onOpenWorkspace={props.onInfo}
              onSave={(v) =>
                void invoke('workspace:update', v).then(
                  () => setNotice({ color: 'green', title: '已保存', text: '工作区设置已更新。' }),
                  (e: Error) => setNotice({ color: 'red', title: '未保存', text: e.message }),
                )
              }
            />
          )}
        </div>
      </AppShell.Main>
    </AppShell>
  );
}

function handoutNotice(r: HandoutImportResult): Notice {
  const text = HO.doneText(r.office.name, r.sequence, r.catalog.added.length, r.requests.new, r.keyDates);
  return { color: r.requests.skipped.length > 0 ? 'orange' : 'green', title: HO.done, text };
}

function importNotice(r: CatalogImportResult): Notice {
  const lines = [`版本“${r.edition}”：共 ${r.nodes} 条，其中末级标准 ${r.leaves} 条。`];
  if (r.skipped.length)
    lines.push(
      `跳过 ${r.skipped.length} 条：${r.skipped
        .slice(0, 5)
        .map((s) => `第 ${s.row} 条（${s.reason}）`)
        .join('；')}`,
    );
  if (r.removedCodes.length) lines.push(`新版本中已移除（保留并标记）：${r.removedCodes.join('、')}`);
  return { color: r.skipped.length ? 'orange' : 'green', title: '已导入', text: lines.join('\n') };
}
