import { Center, Stack, Text } from '@mantine/core';
import type { Material } from '@shared/ipc/types';
import { M } from './messages';

interface FileType {
  /** What the sheet shows, large. */
  mark: string;
  /** What a person calls it. */
  name: string;
  /** A Mantine colour away from the status colours (red, orange, green, blue): a file type is not a state. */
  color: string;
}

const WORD: FileType = { mark: 'W', name: 'Word 文档', color: 'indigo' };
const EXCEL: FileType = { mark: 'X', name: 'Excel 表格', color: 'teal' };
const SLIDES: FileType = { mark: 'P', name: '演示文稿', color: 'grape' };
const BY_EXTENSION: Record<string, FileType> = {
  doc: WORD,
  docx: WORD,
  wps: WORD,
  xls: EXCEL,
  xlsx: EXCEL,
  et: EXCEL,
  csv: EXCEL,
  ppt: SLIDES,
  pptx: SLIDES,
  dps: SLIDES,
  pdf: { mark: 'PDF', name: 'PDF 文件', color: 'gray' },
  mp4: { mark: '▶', name: '视频', color: 'gray' },
  mov: { mark: '▶', name: '视频', color: 'gray' },
  avi: { mark: '▶', name: '视频', color: 'gray' },
};

/** A file's type as a sheet with its mark (W, X, PDF…) and, when known, its page count: for what has no picture. */
export function FileTypeIcon({ m, h }: { m: Material; h: number }) {
  const ext = m.fileName.split('.').pop()?.toLowerCase() ?? '';
  const type = BY_EXTENSION[ext] ?? { mark: ext.toUpperCase() || '?', name: '文件', color: 'gray' };
  const pages = typeof m.facts.pages === 'number' ? m.facts.pages : null;
  const ink = `var(--mantine-color-${type.color}-8)`;
  return (
    <Center h={h} bg="gray.0" data-thumb="type" data-type={ext}>
      <Stack gap={2} align="center">
        <svg width="44" height="54" viewBox="0 0 44 54" aria-hidden>
          <path d="M1 1h30l12 12v40H1z" fill="white" stroke={ink} strokeWidth="2" />
          <path d="M31 1v12h12" fill="none" stroke={ink} strokeWidth="2" />
          <text x="22" y="38" textAnchor="middle" fontSize={type.mark.length > 2 ? 11 : 18} fontWeight="700" fill={ink}>
            {type.mark}
          </text>
        </svg>
        <Text size="xs" c="dimmed">
          {type.name}
          {pages !== null && ` · ${M.pages(pages)}`}
        </Text>
      </Stack>
    </Center>
  );
}
