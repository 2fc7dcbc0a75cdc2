import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Switch,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { CAPTION_ELEMENTS, type CaptionElement } from '@shared/domain/caption';
import { RULE_IDS } from '@shared/domain/rules/rule-ids';
import { SEVERITIES, type Severity } from '@shared/domain/value-sets';
import type { RuleProfile, Thresholds } from '@shared/schemas/rule-profile';
import { invoke } from '../../api/client';
import { C } from './messages';
import { Section } from '../../components/Section';

type NumberField = Exclude<keyof Thresholds, 'captionElements' | 'acceptedTypes'>;

/** Each threshold with its label, its upper bound (the schema's) and, for sizes, a decimal step. */
const NUMBERS: [NumberField, string, number, number?][] = [
  ['captionDateMaxDays', '说明日期与拍摄日期最多相差（天）', 366],
  ['photoMinLongEdge', '图片长边至少（像素）', 20_000],
  ['photoMinSharpness', '图片清晰度至少', 100_000],
  ['photoMinJpegQuality', 'JPEG 质量至少', 100],
  ['nearDuplicateMaxDistance', '近似重复的特征差异至多（0–12 位）', 12],
  ['statementMinChars', '情况说明至少（字）', 100_000],
  ['statementMinFigures', '情况说明至少含数字（处）', 1_000],
  ['maxFileMb', '单个文件至多（MB）', 100_000, 0.1],
  ['maxVideoMb', '视频至多（MB）', 100_000, 0.1],
];

/** Content types an officer recognises, by their Chinese names; a profile may list others, which stay listed. */
const TYPES: [string, string][] = [
  ['image/jpeg', 'JPG 图片'],
  ['image/png', 'PNG 图片'],
  ['application/pdf', 'PDF'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word（.docx）'],
  ['application/msword', 'Word 97-2003（.doc）'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel（.xlsx）'],
  ['application/vnd.ms-excel', 'Excel 97-2003（.xls）'],
  ['video/mp4', 'MP4 视频'],
  ['video/quicktime', 'MOV 视频'],
  ['text/plain', '纯文本（.txt）'],
  ['image/gif', 'GIF 图片'],
  ['image/webp', 'WebP 图片'],
];

const severities = Object.entries(SEVERITIES).map(([value, label]) => ({ value, label }));

/** 设置 → 检查规则: the rule profile's thresholds, accepted types and per-rule settings; saving logs the change. */
export function RuleProfileForm() {
  const { data: loaded } = useQuery({ queryKey: ['profile'], queryFn: () => invoke('profile:get', {}) });
  const [p, setP] = useState<RuleProfile | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // The form starts from the profile in force, and again whenever that changes (saved here, or a new catalog
  // brought one): unsaved edits give way to what the 体检 now uses.
  useEffect(() => {
    if (loaded) setP(loaded.profile);
  }, [loaded]);
  if (!loaded || !p) return null;

  const t = p.thresholds;
  const setT = (patch: Partial<Thresholds>) => setP({ ...p, thresholds: { ...t, ...patch } });
  const types = [...TYPES, ...t.acceptedTypes.filter((m) => !TYPES.some(([id]) => id === m)).map((m) => [m, m])];
  const save = (profile: RuleProfile) =>
    invoke('profile:update', { profile }).then(
      () => setMessage({ ok: true, text: '规则已保存，体检已按新规则重新检查。' }),
      (e: Error) => setMessage({ ok: false, text: e.message }),
    );

  return (
    <Section
      testId="rule-profile"
      title={C.profile.title}
      intro={
        <>
          {C.profile.intro}当前：{C.profile.origin[loaded.origin]}
          {loaded.updatedAt && `（${loaded.updatedAt.slice(0, 10)}）`}，指纹 {loaded.sha256.slice(0, 12)}。
        </>
      }
    >
      <SimpleGrid cols={3} spacing="sm" mb="sm">
        {NUMBERS.map(([key, label, max, step]) => (
          <NumberInput
            key={key}
            label={label}
            value={t[key]}
            min={step ?? 0}
            max={max}
            clampBehavior="strict"
            step={step ?? 1}
            decimalScale={step ? 1 : 0}
            onChange={(v) => typeof v === 'number' && setT({ [key]: v })}
          />
        ))}
      </SimpleGrid>
      <Checkbox.Group
        label="图片说明须写明"
        value={t.captionElements}
        onChange={(v) => setT({ captionElements: v as CaptionElement[] })}
        mb="sm"
      >
        <Group gap="md" mt={4}>
          {Object.entries(CAPTION_ELEMENTS).map(([id, label]) => (
            <Checkbox key={id} value={id} label={label} />
          ))}
        </Group>
      </Checkbox.Group>
      <Checkbox.Group
        label="可接受的文件类型"
        value={t.acceptedTypes}
        onChange={(v) => setT({ acceptedTypes: v })}
        mb="md"
      >
        <SimpleGrid cols={3} spacing={4} mt={4}>
          {types.map(([id, label]) => (
            <Checkbox key={id} value={id} label={label} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Text size="xs" c="dimmed" mb={4}>
        {C.profile.fractionHint}
      </Text>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{C.profile.rule}</Table.Th>
            <Table.Th w={70}>{C.profile.enabled}</Table.Th>
            <Table.Th w={110}>{C.profile.severity}</Table.Th>
            <Table.Th w={200}>{C.profile.fraction}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {RULE_IDS.map((id) => {
            const r = p.rules[id];
            const set = (patch: Partial<typeof r>) => setP({ ...p, rules: { ...p.rules, [id]: { ...r, ...patch } } });
            const label = C.ruleLabel(id);
            return (
              <Table.Tr key={id} data-rule={id}>
                <Table.Td>
                  {/* The id is what the CLI, packages and 创城办 profiles name the rule by: for technical staff. */}
                  <Tooltip label={C.profile.ruleId(id)} withinPortal>
                    <Text span size="sm">
                      {label}
                    </Text>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  <Switch
                    checked={r.enabled}
                    onChange={(e) => set({ enabled: e.currentTarget.checked })}
                    aria-label={`${C.profile.enabled}：${label}`}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    data={severities}
                    value={r.severity}
                    allowDeselect={false}
                    onChange={(v) => v && set({ severity: v as Severity })}
                    aria-label={`${C.profile.severity}：${label}`}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {C.profile.fractionOf}
                    </Text>
                    {/* The profile keeps a fraction (0–1); people think in percent. */}
                    <NumberInput
                      size="xs"
                      w={76}
                      value={Math.round(r.fraction * 1000) / 10}
                      min={0}
                      max={100}
                      step={5}
                      decimalScale={1}
                      suffix="%"
                      clampBehavior="strict"
                      onChange={(v) => typeof v === 'number' && set({ fraction: v / 100 })}
                      aria-label={`${C.profile.fraction}：${label}`}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} mt="sm" withCloseButton onClose={() => setMessage(null)}>
          {message.text}
        </Alert>
      )}
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={() => void save(loaded.defaults)}>
          {C.profile.reset}
        </Button>
        <Button onClick={() => void save(p)}>{C.profile.save}</Button>
      </Group>
    </Section>
  );
}
