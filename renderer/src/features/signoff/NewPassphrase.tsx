import { PasswordInput } from '@mantine/core';
import { useState } from 'react';
import { PASSPHRASE_MIN_LENGTH, passphraseProblem } from '@shared/domain/signoff';
import { R } from './messages';

/**
 * A new 口令 typed twice (adding a signer, changing a 口令): checked here as core checks it, so a short one or a
 * mismatch is said before anything is sent. `problem` is null once it can be used.
 */
export function useNewPassphrase() {
  const [value, setValue] = useState('');
  const [again, setAgain] = useState('');
  const tooShort = passphraseProblem(value);
  const mismatch = again !== value ? R.passphraseMismatch : null;
  return { value, setValue, again, setAgain, tooShort, mismatch, problem: tooShort ?? mismatch };
}

/** The two masked fields of `useNewPassphrase`; errors show once the user tried to submit (`tried`). */
export function NewPassphraseFields(props: {
  state: ReturnType<typeof useNewPassphrase>;
  tried: boolean;
  label: string;
  againLabel: string;
}) {
  const s = props.state;
  return (
    <>
      <PasswordInput
        label={props.label}
        description={R.passphraseHint(PASSPHRASE_MIN_LENGTH)}
        value={s.value}
        onChange={(e) => s.setValue(e.currentTarget.value)}
        error={props.tried && s.tooShort}
        autoComplete="new-password"
      />
      <PasswordInput
        label={props.againLabel}
        value={s.again}
        onChange={(e) => s.setAgain(e.currentTarget.value)}
        error={props.tried && s.mismatch}
        autoComplete="new-password"
      />
    </>
  );
}
