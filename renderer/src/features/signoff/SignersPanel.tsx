import { Alert, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { displayFingerprint } from '@shared/domain/signoff';
import type { SignerInfo } from '@shared/ipc/types';
import { invoke } from '../../api/client';
import { Section } from '../../components/Section';
import { AddSignerDialog } from './AddSignerDialog';
import { ChangePassphraseDialog } from './ChangePassphraseDialog';
import { ExportKeyDialog } from './ExportKeyDialog';
import { R, X } from './messages';
import { useSigners } from './useSigners';

/** 设置 → 审核人: the leaders who sign, each with their key's short fingerprint; add, retire, change a 口令. */
export function SignersPanel() {
  const { signers, error: readError } = useSigners();
  const [adding, setAdding] = useState(false);
  const [retiring, setRetiring] = useState<SignerInfo | null>(null);
  const [changing, setChanging] = useState<SignerInfo | null>(null);
  const [exporting, setExporting] = useState<SignerInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const error = failed ?? readError;

  // The key card for the 创城办's records, saved where the user picks.
  const saveCard = (s: SignerInfo) =>
    invoke('signer:card', { signer: s.fingerprint }).then(
      (r) => {
        setFailed(null);
        if (r) setNotice(R.cardSaved(r.path));
      },
      (e: Error) => setFailed(e.message),
    );
  // 导入密钥: a key file brought back from a leader's PC (its signer's key returns, or a new signer of this unit).
  const importKey = () =>
    invoke('signer:importKey', {}).then(
      (r) => {
        setFailed(null);
        if (r) setNotice(X.keyImported(r.name));
      },
      (e: Error) => setFailed(e.message),
    );
  const retire = (s: SignerInfo) =>
    invoke('signer:retire', { signer: s.fingerprint }).then(
      () => setFailed(null),
      (e: Error) => setFailed(e.message),
    );

  return (
    <Section testId="signers" title={R.signersTitle} intro={R.signersIntro}>
      <Stack gap="xs">
        {signers && signers.length === 0 && (
          <Text size="sm" c="dimmed">
            {R.noSigners}
          </Text>
        )}
        {signers && signers.length > 0 && (
          <Table withTableBorder verticalSpacing={6} data-testid="signer-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{R.name}</Table.Th>
                <Table.Th>{R.level}</Table.Th>
                <Table.Th title={R.fingerprintHint}>{R.fingerprint}</Table.Th>
                <Table.Th>{R.state}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {signers.map((s) => (
                <Table.Tr key={s.fingerprint} data-testid="signer-row" data-name={s.name}>
                  <Table.Td fw={600} c={s.retired ? 'dimmed' : undefined}>
                    {s.name}
                  </Table.Td>
                  <Table.Td>{R.levelLabel(s.level)}</Table.Td>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }} title={s.fingerprint}>
                    {displayFingerprint(s.fingerprint)}
                  </Table.Td>
                  <Table.Td>
                    <SignerState s={s} />
                  </Table.Td>
                  <Table.Td>
                    {!s.retired && (
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="default"
                          onClick={() => void saveCard(s)}
                          data-testid="signer-card"
                        >
                          {R.card}
                        </Button>
                        {s.keyHere && (
                          <Button size="compact-xs" variant="default" onClick={() => setChanging(s)}>
                            {R.changePassphrase}
                          </Button>
                        )}
                        {s.keyHere && (
                          <Button
                            size="compact-xs"
                            variant="default"
                            onClick={() => setExporting(s)}
                            data-testid="signer-export-key"
                          >
                            {X.exportKey}
                          </Button>
                        )}
                        <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setRetiring(s)}>
                          {R.retire}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {notice && (
          <Alert color="green" withCloseButton onClose={() => setNotice(null)} data-testid="signers-notice">
            {notice}
          </Alert>
        )}
        {error && <Alert color="red">{error}</Alert>}
        <Group>
          <Button variant="default" onClick={() => setAdding(true)}>
            {R.add}
          </Button>
          <Button variant="default" onClick={() => void importKey()} data-testid="signer-import-key">
            {X.importKey}
          </Button>
        </Group>
      </Stack>
      {adding && (
        <AddSignerDialog
          onClose={() => setAdding(false)}
          onDone={(name) => {
            setAdding(false);
            setNotice(R.added(name));
          }}
        />
      )}
      {changing && (
        <ChangePassphraseDialog
          signer={changing}
          onClose={() => setChanging(null)}
          onDone={() => {
            setNotice(R.changed(changing.name));
            setChanging(null);
          }}
        />
      )}
      {exporting && (
        <ExportKeyDialog
          signer={exporting}
          onClose={() => setExporting(null)}
          onDone={(path, removed) => {
            setExporting(null);
            setFailed(null);
            setNotice(X.keyExported(path, removed));
          }}
        />
      )}
      {retiring && (
        <Modal opened onClose={() => setRetiring(null)} title={R.retireTitle} data-testid="retire-signer">
          <Text size="sm">{R.retireConfirm(retiring.name)}</Text>
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setRetiring(null)}>
              {R.cancel}
            </Button>
            <Button
              color="red"
              onClick={() => {
                void retire(retiring);
                setRetiring(null);
              }}
            >
              {R.retireDo}
            </Button>
          </Group>
        </Modal>
      )}
    </Section>
  );
}

/** 在用 / 已停用, and why an active one cannot sign here (key elsewhere, locked). */
function SignerState({ s }: { s: SignerInfo }) {
  if (s.retired)
    return (
      <Badge color="gray" variant="outline">
        {R.retired}
      </Badge>
    );
  return (
    <Group gap={4}>
      <Badge color="green" variant="light">
        {R.active}
      </Badge>
      {!s.keyHere && (
        <Badge color="gray" variant="light">
          {R.keyElsewhere}
        </Badge>
      )}
      {s.lockedUntil && (
        <Text size="xs" c="orange.8">
          {R.lockedUntil(s.lockedUntil)}
        </Text>
      )}
    </Group>
  );
}
