import { keepPreviousData, useQuery, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { mergeParams, positiveIntParam } from '../lib/url-params.ts';
import { tablePagination } from './pagination.ts';

/** The page of a list and its size, as the address holds them. */
export type Paging = { page: number; pageSize: number };

/** What a list route answers: one page of rows and how many there are in all; or every row (the table pages them). */
export type ListAnswer<T> = { items: T[]; total: number } | T[];

type Options<F, T> = {
  /** The list's filters, read from the address (so a reload or a shared link shows the same rows). */
  filters: (params: URLSearchParams) => F;
  queryKey: (filters: F, paging: Paging) => QueryKey;
  queryFn: (filters: F, paging: Paging, signal: AbortSignal) => Promise<ListAnswer<T>>;
  /** The address's names for the page and its size (default `page`, `pageSize`). */
  pageParams?: { page: string; pageSize: string };
  /** The page size when the address names none (left out of the address). */
  pageSize?: number;
  pageSizes?: number[];
};

export type ListQuery<T, F = unknown> = Paging & {
  /** The filters read from the address. */
  filters: F;
  /** The address's parameters of this render (for links that carry them). */
  params: URLSearchParams;
  result: UseQueryResult<ListAnswer<T>>;
  /** The rows to show: the page answered, or, while the next one loads, the last one. */
  rows: T[];
  /** Sets filters in the address (null or '' removes one) and goes back to the first page. */
  setFilters: (next: Record<string, string | null | undefined>) => void;
  pagination: TablePaginationConfig;
};

const PAGE_PARAMS = { page: 'page', pageSize: 'pageSize' };

/** The query of a list page: filters, page and size in the address; the last page kept on screen while the next
 * loads. Changing a filter starts again at the first page. */
export function useListQuery<F, T>(options: Options<F, T>): ListQuery<T, F> {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const names = options.pageParams ?? PAGE_PARAMS;
  const defaultSize = options.pageSize ?? 20;
  const paging: Paging = {
    page: positiveIntParam(params.get(names.page), 1),
    pageSize: positiveIntParam(params.get(names.pageSize), defaultSize),
  };
  const filters = options.filters(params);

  const result = useQuery({
    queryKey: options.queryKey(filters, paging),
    queryFn: ({ signal }) => options.queryFn(filters, paging, signal),
    placeholderData: keepPreviousData,
  });
  const data = result.data;
  const rows = data === undefined ? [] : Array.isArray(data) ? data : data.items;
  const total = data === undefined ? undefined : Array.isArray(data) ? data.length : data.total;

  const write = (next: Record<string, string | null | undefined>) =>
    setParams((prev) => mergeParams(prev, next), { replace: true });
  const setPaging = (page: number, pageSize: number) =>
    write({
      [names.page]: page > 1 ? String(page) : null,
      [names.pageSize]: pageSize !== defaultSize ? String(pageSize) : null,
    });

  return {
    ...paging,
    filters,
    params,
    result,
    rows,
    setFilters: (next) => write({ ...next, [names.page]: null }),
    pagination: { ...tablePagination(t, { ...paging, total, sizes: options.pageSizes }), onChange: setPaging },
  };
}
