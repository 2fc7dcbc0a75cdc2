import { Alert, Anchor, Text } from '@mantine/core';
import type { Criterion, SignerInfo } from '@shared/ipc/types';
import { R } from './messages';
import { isReviewable, signersHere } from './review-queue';
import { useSigners } from './useSigners';

/** The 主要负责同志 who can sign a final package on this computer (null while read). */
export function useFinalSigners(): SignerInfo[] | null {
  const { signers } = useSigners();
  return signers && signersHere(signers, 'principal');
}

/**
 * 导出 → 正式: what sign-off still lacks — criteria not approved at both levels (core refuses the package and names
 * them; this says it before) and a 主要负责同志 to sign on this computer.
 */
export function FinalSignoff(props: { criteria: Criterion[]; principals: SignerInfo[] | null; onOpenReview(): void }) {
  const unapproved = props.criteria.filter((c) => isReviewable(c) && c.reviewState!.status !== 'approved').length;
  return (
    <>
      {unapproved > 0 && (
        <Text size="sm" c="orange.8" mt="sm" data-testid="export-unapproved">
          {R.unapproved(unapproved)}
          <Anchor
            component="button"
            type="button"
            inherit
            c="blue.8"
            underline="always"
            ml={4}
            onClick={props.onOpenReview}
          >
            {R.openReview}
          </Anchor>
        </Text>
      )}
      {props.principals?.length === 0 && (
        <Alert color="orange" mt="sm" data-testid="export-no-principal">
          {R.noPrincipal}
        </Alert>
      )}
    </>
  );
}
