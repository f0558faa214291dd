import type { TablePaginationConfig } from 'antd';
import type { TFunction } from 'i18next';

/** The paging of a list page's table: the page and size from the address, the server's total, "N mục". */
export function tablePagination(
  t: TFunction,
  p: { page: number; pageSize: number; total: number | undefined; sizes?: number[] },
): TablePaginationConfig {
  return {
    current: p.page,
    pageSize: p.pageSize,
    total: p.total ?? 0,
    pageSizeOptions: p.sizes ?? [10, 20, 50, 100],
    showSizeChanger: true,
    showTotal: (total) => t('common.total', { count: total }),
  };
}
