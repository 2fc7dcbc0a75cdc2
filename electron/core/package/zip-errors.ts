/**
 * Why a zip could not be opened, in Chinese for the user, from yauzl's or the file system's error: yauzl's own
 * words (`end of central directory record signature not found…`) are English and stay in the log.
 */
export function unreadableDetail(e: unknown): string {
  const code = (e as { code?: string } | null)?.code ?? '';
  const message = (e as Error | null)?.message ?? '';
  if (code === 'ENOENT') return '（文件不存在）';
  if (code === 'EISDIR') return '（这是一个文件夹）';
  if (code === 'EACCES' || code === 'EPERM') return '（没有读取权限）';
  if (/end of central directory record signature not found/iu.test(message))
    return '（找不到压缩包的目录：不是 zip 文件，或文件不完整）';
  if (/multi-disk/iu.test(message)) return '（分卷压缩包不受支持）';
  if (/encrypt/iu.test(message)) return '（加密的压缩包不受支持）';
  if (/central directory|zip64|overflows|comment length|signature/iu.test(message))
    return '（压缩包的目录结构已损坏或不完整）';
  return '';
}
