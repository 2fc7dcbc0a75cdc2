import { Button, Checkbox, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { defaultPeriod, isValidPeriod, isValidYear, MAX_YEAR, MIN_YEAR } from '@shared/domain/period';
import { guessUnitKind, type UnitKind } from '@shared/domain/unit-kind';
import type { AppInfo } from '@shared/ipc/types';
import { invoke } from '../../api/client';
import { UnitKindSelect } from '../settings/UnitKindSelect';
import { M } from './messages';

export interface NewWorkspaceValues {
  dir: string;
  unit: string;
  aliases: string[];
  unitKind: UnitKind;
  year: number;
  period: { start: string; end: string };
  demo: boolean;
}

/** The first-run wizard: unit (name, aliases, kind), year, 测评周期, where to keep the workspace, and whether to load the demo. */
export function NewWorkspaceForm(props: {
  app: AppInfo;
  thisYear: number;
  busy: boolean;
  onCreate(v: NewWorkspaceValues): void;
}) {
  const [unit, setUnit] = useState('');
  const [aliases, setAliases] = useState('');
  // Follows the guess from the name until the officer picks a kind.
  const [kindChosen, setKindChosen] = useState<UnitKind | null>(null);
  const unitKind = kindChosen ?? guessUnitKind(unit);
  const [year, setYear] = useState<number>(props.thisYear);
  const [period, setPeriod] = useState(defaultPeriod(props.thisYear));
  const [root, setRoot] = useState(props.app.defaultWorkspaceRoot);
  const [demo, setDemo] = useState(false);
  const [touched, setTouched] = useState(false);
  const sep = props.app.pathSeparator;
  const folderName = `${unit.trim() || '本单位'}-${year}网报材料`.replace(/[\\/:*?"<>|]/gu, '_');
  const dir = `${root.replace(/[\\/]+$/u, '')}${sep}${folderName}`;
  const unitError = touched && unit.trim() === '' ? M.unitRequired : null;
  const yearOk = isValidYear(year);
  const periodOk = isValidPeriod(period);

  const changeYear = (v: number | string) => {
    const y = typeof v === 'number' ? v : Number(v);
    setYear(y);
    if (isValidYear(y)) setPeriod(defaultPeriod(y));
  };
  const pickRoot = async () => {
    const picked = await invoke('dialog:pickFolder', { title: M.location });
    if (picked) setRoot(picked);
  };
  const submit = () => {
    setTouched(true);
    if (unit.trim() === '' || !yearOk || !periodOk) return;
    const aliasList = aliases
      .split(/[、，,\s]+/u)
      .map((a) => a.trim())
      .filter(Boolean);
    props.onCreate({ dir, unit: unit.trim(), aliases: aliasList, unitKind, year, period, demo });
  };

  return (
    <Stack gap="sm" data-testid="new-workspace">
      <Text size="sm" c="dimmed">
        {M.newHint}
      </Text>
      <TextInput
        label={M.unit}
        placeholder={M.unitPlaceholder}
        value={unit}
        onChange={(e) => setUnit(e.currentTarget.value)}
        error={unitError}
        required
      />
      {/* Two fields a row, so the whole form and its button fit a 1366×768 screen. */}
      <Group grow align="flex-start">
        <TextInput
          label={M.aliases}
          placeholder={M.aliasesPlaceholder}
          value={aliases}
          onChange={(e) => setAliases(e.currentTarget.value)}
        />
        <UnitKindSelect value={unitKind} guessed={kindChosen === null} onChange={setKindChosen} />
      </Group>
      <Group align="flex-start" wrap="nowrap">
        <NumberInput
          label={M.year}
          value={year}
          onChange={changeYear}
          min={MIN_YEAR}
          max={MAX_YEAR}
          allowDecimal={false}
          error={yearOk ? null : M.yearInvalid}
          w={130}
        />
        <TextInput
          style={{ flex: 1 }}
          label={M.periodStart}
          placeholder="YYYY-MM-DD"
          value={period.start}
          onChange={(e) => setPeriod({ ...period, start: e.currentTarget.value })}
        />
        <TextInput
          style={{ flex: 1 }}
          label={M.periodEnd}
          placeholder="YYYY-MM-DD"
          value={period.end}
          onChange={(e) => setPeriod({ ...period, end: e.currentTarget.value })}
          error={periodOk ? null : M.periodInvalid}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {M.periodHint}
      </Text>
      <Group align="flex-end" wrap="nowrap">
        <TextInput label={M.location} value={dir} readOnly style={{ flex: 1 }} data-testid="workspace-dir" />
        <Button variant="default" onClick={() => void pickRoot()}>
          {M.change}
        </Button>
      </Group>
      <Checkbox label={M.demo} checked={demo} onChange={(e) => setDemo(e.currentTarget.checked)} />
      <Button onClick={submit} loading={props.busy} style={{ alignSelf: 'flex-start' }}>
        {M.create}
      </Button>
    </Stack>
  );
}
