import { Alert, Box, ScrollArea, Stack, Switch } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useRef } from 'react';
import type { Period } from '@shared/domain/period';
import { riskTotals } from '@shared/domain/rules/totals';
import type { Finding } from '@shared/domain/rules/types';
import { UNIT_KIND_LABELS, type UnitKind } from '@shared/domain/unit-kind';
import type { Criterion } from '@shared/ipc/types';
import { CriterionFindings } from '../check/CriterionFindings';
import { DeclarationPanel } from '../check/DeclarationPanel';
import { usePointsOf } from '../check/usePointsOf';
import { MaterialsPanel } from '../materials/MaterialsPanel';
import { ReviewSummary } from '../signoff/ReviewSummary';
import { isReviewable } from '../signoff/review-queue';
import { CriterionHeader } from './CriterionHeader';
import { CriterionStandard } from './CriterionStandard';
import { D } from './detail-messages';
import { M } from './messages';

interface Props {
  c: Criterion;
  path: Criterion[];
  today: string;
  period: Period;
  /** The unit's kind, named where a collective 责任单位 made the criterion the unit's. */
  unitKind: UnitKind;
  onSetMine(code: string, mine: boolean): void;
  /** Criteria a material may be moved or copied to. */
  targets: { value: string; label: string }[];
  /** The 体检's findings on this criterion. */
  findings: Finding[];
  criteria: Criterion[];
  onOpenCriterion(code: string): void;
}

/**
 * 标准详情, in the order the work goes: title, status and points (pinned, with the findings' count); what the
 * standard asks; the evidence itself as thumbnails; then the findings on it with their fixes. Whether the criterion
 * is the unit's own comes last: it is set once.
 */
export function CriterionDetail(props: Props) {
  const { c } = props;
  const header = useElementSize();
  const findingsRef = useRef<HTMLDivElement>(null);
  // What scrolls under the pinned header must stop below it, not behind it (its padding is not in `height`).
  const pinned = header.height + 40;
  const pointsOf = usePointsOf(props.criteria);
  const atRisk = riskTotals(props.findings, pointsOf).total;
  return (
    <ScrollArea h="100%" type="auto">
      <Stack gap="md" px="md" pb="md" data-testid="criterion-detail">
        <Box
          ref={header.ref}
          mx="-md"
          px="md"
          pt="md"
          pb="xs"
          bg="var(--mantine-color-body)"
          style={{ position: 'sticky', top: 0, zIndex: 3, borderBottom: '1px solid var(--mantine-color-gray-2)' }}
        >
          <CriterionHeader
            c={c}
            path={props.path}
            today={props.today}
            period={props.period}
            findings={props.findings}
            pointsAtRisk={atRisk}
            onShowFindings={() => findingsRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' })}
          />
        </Box>
        {c.removed && <Alert color="gray">{M.removedHint}</Alert>}
        <DeclarationPanel c={c} />
        <CriterionStandard c={c} today={props.today} period={props.period} />
        {c.needsMaterial && !c.removed && (
          <MaterialsPanel
            code={c.code}
            requirements={c.requirements}
            targets={props.targets}
            findings={props.findings}
            scrollMargin={pinned}
          />
        )}
        {c.review && c.reviewState && (isReviewable(c) || c.review.leader || c.review.principal) && (
          <ReviewSummary review={c.review} state={c.reviewState} />
        )}
        <Box ref={findingsRef} style={{ scrollMarginTop: pinned }}>
          <CriterionFindings
            findings={props.findings}
            criteria={props.criteria}
            onOpenCriterion={props.onOpenCriterion}
          />
        </Box>
        <Switch
          checked={c.mine}
          onChange={(e) => props.onSetMine(c.code, e.currentTarget.checked)}
          label={M.mine}
          description={
            c.mineSetByUser
              ? D.mineSetByUser
              : c.scopeReason?.reason === 'collective'
                ? D.mineCollective(c.scopeReason.term, UNIT_KIND_LABELS[props.unitKind])
                : D.mineDerived
          }
        />
      </Stack>
    </ScrollArea>
  );
}
