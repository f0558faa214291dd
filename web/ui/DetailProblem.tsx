import type { UseQueryResult } from '@tanstack/react-query';
import { Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../lib/api.ts';
import { errorText } from './errors.ts';
import { PageHeader } from './PageHeader.tsx';

type Props = {
  /** The page's title while its record is not there ("Nhiệm vụ"): the page keeps its h1. */
  title: string;
  error: unknown;
  /** Said when the server answers 404 (missing, or not readable by this account). */
  notFound: string;
  backTo: string;
  backLabel: string;
};

/** A record's page when its record could not be read: the title, why, and the way back to the list. */
export function DetailProblem({ title, error, notFound, backTo, backLabel }: Props) {
  const { t } = useTranslation();
  const missing = isApiError(error) && error.status === 404;
  return (
    <>
      <PageHeader title={title} />
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={missing ? notFound : errorText(error, t)}>
        <Link to={backTo}>{backLabel}</Link>
      </Empty>
    </>
  );
}

/** A record's page as its query goes: a skeleton while it loads, the problem when it cannot be read, else `view`. */
export function RecordPage<T>({
  query,
  rows = 10,
  view,
  ...problem
}: Omit<Props, 'error'> & { query: UseQueryResult<T>; rows?: number; view: (record: T) => ReactNode }) {
  if (query.isPending) return <Skeleton active paragraph={{ rows }} />;
  if (query.isError) return <DetailProblem {...problem} error={query.error} />;
  return view(query.data);
}
