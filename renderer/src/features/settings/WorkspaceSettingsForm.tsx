import { Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { CONTACT_NAME_MAX, CONTACT_PHONE_MAX, isValidPhone } from '@shared/domain/package/contact';
import { isValidPeriod, isValidYear, MAX_YEAR, MIN_YEAR } from '@shared/domain/period';
import type { ArgsIn } from '@shared/ipc/contract';
import type { WorkspaceInfo } from '@shared/ipc/types';
import { S } from './messages';
import { UnitKindSelect } from './UnitKindSelect';

/**
 * Edits the unit's name, aliases and kind (which re-derive 本单位负责), the year, the 测评周期, and the 联系人 and
 * 联系电话 printed on the package's documents, and the 月收集日 (the day the 创城办 collects the month before).
 */
export function WorkspaceSettingsForm({
  info,
  onSave,
}: {
  info: WorkspaceInfo;
  onSave(v: ArgsIn<'workspace:update'>): void;
}) {
  const [unit, setUnit] = useState(info.unit.name);
  const [aliases, setAliases] = useState(info.unit.aliases.join('、'));
  const [kind, setKind] = useState(info.unit.kind);
  const [year, setYear] = useState<number>(info.year);
  const [period, setPeriod] = useState(info.period);
  const [contact, setContact] = useState(info.contact.name);
  const [phone, setPhone] = useState(info.contact.phone);
  const [collectionDay, setCollectionDay] = useState<number | ''>(info.collectionDay);
  const dayOk = typeof collectionDay === 'number' && collectionDay >= 1 && collectionDay <= 31;
  const phoneOk = isValidPhone(phone.trim());
  const ok = unit.trim() !== '' && isValidYear(year) && isValidPeriod(period) && phoneOk && dayOk;
  return (
    <Stack gap="xs" data-testid="workspace-settings">
      <Group grow>
        <TextInput label="单位名称" value={unit} onChange={(e) => setUnit(e.currentTarget.value)} />
        <TextInput label="单位别名（用顿号分隔）" value={aliases} onChange={(e) => setAliases(e.currentTarget.value)} />
        <UnitKindSelect value={kind} guessed={false} onChange={setKind} />
      </Group>
      <Group grow>
        <NumberInput
          label="测评年度"
          value={year}
          min={MIN_YEAR}
          max={MAX_YEAR}
          allowDecimal={false}
          onChange={(v) => setYear(Number(v))}
        />
        <TextInput
          label="测评周期开始"
          placeholder="YYYY-MM-DD"
          value={period.start}
          onChange={(e) => setPeriod({ ...period, start: e.currentTarget.value })}
        />
        <TextInput
          label="测评周期结束"
          placeholder="YYYY-MM-DD"
          value={period.end}
          onChange={(e) => setPeriod({ ...period, end: e.currentTarget.value })}
          error={isValidPeriod(period) ? null : '开始日期须早于结束日期，且不超过两年'}
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput
          label={S.contact}
          maxLength={CONTACT_NAME_MAX}
          value={contact}
          onChange={(e) => setContact(e.currentTarget.value)}
        />
        <TextInput
          label={S.phone}
          maxLength={CONTACT_PHONE_MAX}
          value={phone}
          onChange={(e) => setPhone(e.currentTarget.value)}
          error={phoneOk ? null : S.phoneError}
        />
        <NumberInput
          label={S.collectionDay}
          description={S.collectionDayHint}
          value={collectionDay}
          min={1}
          max={31}
          allowDecimal={false}
          onChange={(v) => setCollectionDay(typeof v === 'number' ? v : '')}
          error={dayOk ? null : '1–31'}
          data-testid="collection-day"
        />
      </Group>
      <Text size="xs" c="dimmed">
        {S.contactHint}
      </Text>
      <Button
        style={{ alignSelf: 'flex-start' }}
        disabled={!ok}
        onClick={() =>
          onSave({
            unit: unit.trim(),
            aliases: aliases
              .split(/[、，,\s]+/u)
              .map((a) => a.trim())
              .filter(Boolean),
            unitKind: kind,
            year,
            period,
            contact: { name: contact.trim(), phone: phone.trim() },
            ...(dayOk ? { collectionDay } : {}),
          })
        }
      >
        保存
      </Button>
    </Stack>
  );
}
