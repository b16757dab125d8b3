import { defineErrors } from '../../core/http/errors.ts';

const importStatusZh: Record<string, string> = {
  validating: '校验中',
  validated: '已校验',
  committing: '导入中',
  committed: '已导入',
  failed: '失败',
  discarded: '已放弃',
};

const exportStatusZh: Record<string, string> = {
  queued: '排队中',
  running: '生成中',
  ready: '可下载',
  failed: '失败',
  downloaded: '已下载（文件已删除）',
  expired: '已过期（文件已删除）',
};

/** The registry's own errors (the Excel import's and export's states). */
export const registryErrors = defineErrors({
  importNotReady: {
    code: 'IMPORT_NOT_READY',
    status: 409,
    text: (status: string) => ({
      zh: `该导入当前状态为“${importStatusZh[status] ?? status}”，不能执行此操作`,
      en: `The import is ${status}; this cannot be done now`,
    }),
  },
  importHasErrors: {
    code: 'IMPORT_HAS_ERRORS',
    status: 409,
    text: (errorRows: number) => ({
      zh: `有 ${errorRows} 行存在问题，整体导入被拒绝；请修正后重新上传，或只导入无误的行`,
      en: `${errorRows} rows have problems, so all-or-nothing is refused; fix and upload again, or import the valid rows only`,
    }),
  },
  importNothingValid: {
    code: 'IMPORT_NOTHING_VALID',
    status: 409,
    text: () => ({ zh: '没有可导入的无误行', en: 'No row is valid; there is nothing to import' }),
  },
  exportNotReady: {
    code: 'EXPORT_NOT_READY',
    status: 409,
    text: (status: string) => ({
      zh: `该导出当前状态为“${exportStatusZh[status] ?? status}”，没有可下载的文件`,
      en: `The export is ${status}; there is no file to download`,
    }),
  },
});
