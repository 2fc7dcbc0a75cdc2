/** 设置 → 备份 and 从备份恢复's Chinese text. */
export const B = {
  title: '备份',
  intro:
    '打开工作区时，软件每天自动备份一次到备份文件夹（同样的文件只保存一份，未变化的工作区几秒即可备份完），保留最近 7 天和最近 4 周的备份。也可以随时备份成单个文件，拷到 U 盘或交给接手的同事。',
  auto: '每天自动备份',
  folder: '备份文件夹',
  defaultFolder: '（默认位置）',
  changeFolder: '更改文件夹…',
  resetFolder: '恢复默认位置',
  sameDisk: '备份文件夹与工作区在同一块磁盘上：磁盘损坏时两者会一起丢失。建议把备份文件夹设在另一块硬盘或移动硬盘上。',
  newest: (at: string, n: number) => `最近一次备份：${at}，共保留 ${n} 份`,
  none: '备份文件夹中还没有本工作区的备份。',
  lastAutoFailed: (at: string, why: string) => `${at} 的自动备份未完成：${why}`,
  backupNow: '立即备份到备份文件夹',
  backupFile: '备份成单个文件…',
  fileHint: '生成一个 .wbbak 文件（含数据库、全部材料文件和校验清单），写入后会重新读取校验。',
  handover: '移交',
  handoverHint: '材料员岗位交接时使用：内容与备份相同，但不包含签批人的密钥。',
  handoverName: '接手同事的姓名',
  handoverButton: '生成移交文件…',
  handoverNameMissing: '请填写接手同事的姓名',
  working: (done: number, total: number) => (total ? `正在备份 ${done}/${total} 个文件…` : '正在备份…'),
  written: '备份完成，已重新读取校验通过',
  writtenHandover: (to: string) => `移交文件已生成（给 ${to}），已重新读取校验通过`,
  path: '保存位置',
  size: '大小',
  files: (blobs: number, copied: number, folder: boolean) =>
    folder ? `${blobs} 个（本次新复制 ${copied} 个，其余已在备份文件夹中）` : `${blobs} 个`,
  filesLabel: '材料文件',
  sha256: '校验码（SHA-256）',
  restore: '从备份恢复',
  restoreFile: '从备份文件（.wbbak）恢复…',
  restoreFolder: '从备份文件夹恢复最近一次备份…',
  restoreHint: '恢复到一个新文件夹，不会覆盖任何现有工作区；全部文件校验通过后才会出现。',
  restoring: (done: number, total: number) => (total ? `正在恢复并校验 ${done}/${total} 个文件…` : '正在恢复…'),
  restored: (unit: string, at: string, n: number) => `已恢复“${unit}”${at} 的备份：${n} 份材料，全部文件校验通过。`,
  restoredTo: '恢复到',
  openRestored: '打开恢复的工作区',
  handoverNote: '这是一份移交备份：签批人的密钥未包含在内。',
  failed: '操作未完成',
};

/** A moment as the officer reads it: `2026-05-20 10:00`. */
export function when(iso: string): string {
  const d = new Date(iso);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function size(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(2)} GB` : `${(bytes / 2 ** 20).toFixed(1)} MB`;
}
