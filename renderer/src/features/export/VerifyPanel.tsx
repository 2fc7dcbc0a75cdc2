import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Result } from '@shared/ipc/contract';
import { invoke } from '../../api/client';
import { useJob } from '../../api/useJob';
import { Section } from '../../components/Section';
import { X } from './messages';

/** 校验申报包: pick any package (or the one just written) and see every problem with its meaning. */
export function VerifyPanel({ file }: { file?: string | undefined }) {
  const [result, setResult] = useState<NonNullable<Result<'package:verify'>> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useJob();
  const run = async (path?: string) => {
    setError(null);
    try {
      const r = await job.run((jobId) => invoke('package:verify', { jobId, file: path }));
      if (r) setResult(r);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Section testId="verify" title={X.verifyTitle} intro={X.verifyIntro}>
      <Group>
        {file && (
          <Button variant="light" loading={job.busy} onClick={() => void run(file)}>
            {X.verifyThis}
          </Button>
        )}
        <Button variant="default" loading={job.busy} onClick={() => void run()}>
          {X.verifyPick}
        </Button>
      </Group>
      {error && (
        <Alert color="red" mt="sm">
          {error}
        </Alert>
      )}
      {result && (
        <Alert
          mt="sm"
          color={result.valid ? 'green' : 'red'}
          title={`${result.valid ? X.valid : X.invalid}：${result.file.split(/[\\/]/u).pop()}`}
          data-testid="verify-result"
        >
          <Stack gap={2}>
            {result.unit && (
              <Text size="sm">
                {result.unit.name} · {result.month} · {result.kind === 'final' ? X.final : X.monthly}
              </Text>
            )}
            {result.problems.map((p, i) => (
              <Text key={i} size="sm" c={p.severity === 'error' ? 'red' : 'orange'} data-code={p.code}>
                {X.problem(p)}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
    </Section>
  );
}
