import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { Finding } from '@shared/domain/rules/types';
import { MATERIAL_KINDS } from '@shared/domain/value-sets';
import type { Material } from '@shared/ipc/types';
import { C, SEVERITY_COLOR } from '../check/messages';
import { M, mb } from './messages';
import { Fact } from '../../components/Fact';

const P = M.preview;

/**
 * Beside the preview: what the checker and the 创城办 read of a material — its caption, its dates side by side
 * (the one typed and the one the camera or document carries: a mismatch is a lost point), size, kind, file — and
 * its own findings. `findings` is undefined where the caller has none to give (not the same as none found).
 */
export function PreviewFacts({ m, findings }: { m: Material; findings: Finding[] | undefined }) {
  const exif = typeof m.facts.exifDate === 'string' ? m.facts.exifDate.slice(0, 10) : null;
  const documentDate = typeof m.facts.documentDate === 'string' ? m.facts.documentDate : null;
  const w = m.facts.width;
  const h = m.facts.height;
  const pages = typeof m.facts.pages === 'number' ? m.facts.pages : null;
  const size = [
    mb(m.bytes),
    typeof w === 'number' && typeof h === 'number' ? P.pixels(w, h) : null,
    pages !== null ? M.pages(pages) : null,
  ];
  return (
    <Stack gap="sm" data-testid="preview-facts">
      {/* Every photo needs a caption (its absence is a finding); other kinds rarely have one. */}
      {(m.caption || m.kind === 'photo') && (
        <div>
          <Text size="xs" c="dimmed">
            {P.caption}
          </Text>
          {m.caption ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="preview-caption">
              {m.caption.text}
            </Text>
          ) : (
            <Text size="sm" c="orange">
              {P.noCaption}
            </Text>
          )}
        </div>
      )}
      <Stack gap={4}>
        <Fact labelWidth={96} label={P.kind}>
          {MATERIAL_KINDS[m.kind]}
        </Fact>
        <Fact labelWidth={96} label={P.eventDate}>
          {m.eventDate ?? '—'}
        </Fact>
        {exif && (
          <Fact labelWidth={96} label={P.exifDate}>
            {exif}
          </Fact>
        )}
        {documentDate && (
          <Fact labelWidth={96} label={P.documentDate}>
            {documentDate}
          </Fact>
        )}
        <Fact labelWidth={96} label={P.month}>{`${m.month.slice(0, 4)}年${Number(m.month.slice(5, 7))}月`}</Fact>
        <Fact labelWidth={96} label={P.size}>
          {size.filter(Boolean).join(' · ')}
        </Fact>
        <Fact labelWidth={96} label={P.file}>
          <Text span size="sm" style={{ wordBreak: 'break-all' }}>
            {m.fileName}
          </Text>
        </Fact>
      </Stack>
      {findings && (
        <Stack gap={6} data-testid="preview-findings">
          <Text size="xs" c="dimmed">
            {P.findings}
          </Text>
          {findings.length === 0 && (
            <Text size="sm" c="dimmed">
              {P.noFindings}
            </Text>
          )}
          {findings.map((f, i) => (
            <Paper key={`${f.ruleId}:${i}`} withBorder p={6} data-testid="preview-finding" data-rule={f.ruleId}>
              <Group gap={6} wrap="nowrap">
                <Badge size="sm" variant="light" color={SEVERITY_COLOR[f.severity]} style={{ flex: 'none' }}>
                  {C.severityLabel(f.severity)}
                </Badge>
                <Text size="sm" fw={600}>
                  {C.ruleLabel(f.ruleId)}
                </Text>
              </Group>
              <Text size="xs" mt={2}>
                {f.message}
              </Text>
              {f.pointsAtRisk > 0 && (
                <Text size="xs" fw={600} c={SEVERITY_COLOR[f.severity]}>
                  {C.points(f.pointsAtRisk)}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
