import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Typography, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from './ExportButton.tsx';
import { ListTable, type ListColumns } from './ListTable.tsx';
import { PageHeader } from './PageHeader.tsx';
import { errorText } from './errors.ts';
import type { ListQuery } from './useListQuery.ts';

type Props<T> = {
  /** The page's title, also the table's accessible name. */
  title: string;
  description?: ReactNode;
  /** The list's Excel export with the page's filters ("Xuất Excel", first of the header's buttons). */
  exportHref?: string;
  /** The header's "Thêm" (primary, after the export): opens the page's form for a new record. */
  onAdd?: () => void;
  /** The header's other buttons (import…). */
  actions?: ReactNode;
  /** The controls above the table: search box, pickers, switches. */
  filters?: ReactNode;
  toolbarClassName?: string;
  list: ListQuery<T>;
  /** The table's columns; on small screens those a screen hides (AntD `responsive`) are one click away, and with
   * `cardsOnPhone` each column's `phone` says where it goes on the row's card. */
  columns: ListColumns<T>;
  /** Below `md` the rows are cards instead of table rows, so that nothing needs a sideways scroll on a phone. */
  cardsOnPhone?: boolean;
  /** What an empty table says: that nothing matches the filters, or that there is nothing yet. */
  emptyText: ReactNode;
  /** The table's width when wider than the screen (it scrolls sideways); by default the sum of its columns' widths. */
  scrollX?: number;
  rowKey?: TableProps<T>['rowKey'];
  onRow?: TableProps<T>['onRow'];
  rowClassName?: (row: T) => string;
  expandable?: TableProps<T>['expandable'];
  /** The page's dialogs and drawers. */
  children?: ReactNode;
};

/** A list page: the title and its buttons, the filters, and the paged table (cards on phones, see ListTable) with
 * its states (loading, nothing found, a failed load with a retry). The filters, the paging and the query come from
 * `useListQuery`. */
export function ListPage<T extends object>(props: Props<T>) {
  const { t } = useTranslation();
  const { list } = props;
  const { result } = list;
  const retry = (
    <Button size="small" onClick={() => void result.refetch()}>
      {t('common.retry')}
    </Button>
  );
  const failure = result.isError ? errorText(result.error, t) : null;

  let emptyText: ReactNode;
  if (failure !== null) {
    emptyText = (
      <Flex vertical align="center" gap={8} role="alert">
        <Typography.Text type="danger">{failure}</Typography.Text>
        {retry}
      </Flex>
    );
  } else if (result.isPending || result.isPlaceholderData) {
    emptyText = <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
  } else {
    emptyText = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText} />;
  }

  const buttons =
    props.exportHref || props.onAdd || props.actions ? (
      <>
        {props.exportHref ? <ExportButton href={props.exportHref} /> : null}
        {props.onAdd ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={props.onAdd}>
            {t('common.add')}
          </Button>
        ) : null}
        {props.actions}
      </>
    ) : undefined;

  return (
    <>
      <PageHeader title={props.title} description={props.description} extra={buttons} />
      <Card>
        {props.filters ? (
          <Flex
            gap={8}
            wrap
            align="center"
            className={props.toolbarClassName ? `table-toolbar ${props.toolbarClassName}` : 'table-toolbar'}
          >
            {props.filters}
          </Flex>
        ) : null}
        {/* A refresh that failed leaves the last rows on screen: say that they may be out of date. */}
        {failure !== null && list.rows.length > 0 ? (
          <Alert className="form-alert" type="error" showIcon title={failure} action={retry} />
        ) : null}
        <ListTable<T>
          label={props.title}
          rowKey={props.rowKey}
          sticky
          columns={props.columns}
          rows={list.rows}
          loading={result.isFetching}
          pagination={list.pagination}
          scrollX={props.scrollX}
          emptyText={emptyText}
          onRow={props.onRow}
          rowClassName={props.rowClassName}
          expandable={props.expandable}
          cardsOnPhone={props.cardsOnPhone}
        />
      </Card>
      {props.children}
    </>
  );
}
