import { DownOutlined, UpOutlined } from '@ant-design/icons';
import {
  Button,
  Grid,
  Pagination,
  Spin,
  Table,
  type TableColumnsType,
  type TablePaginationConfig,
  type TableProps,
} from 'antd';
import { Fragment, useId, useState, type Key, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './ListTable.css';

/** Where a column goes when the rows are shown as cards (phones):
 * - `title`: the card's heading (the record's name, usually the link or button that opens it);
 * - `line`: a labelled line of the card, even if the table hides the column on small screens;
 * - `more`: behind the card's "Chi tiết" button;
 * - `actions`: the card's foot (its buttons);
 * - `none`: left out (it repeats what another column says).
 * By default the column keyed `actions` is the foot, a column the table shows on every screen is a line, one it hides
 * on small screens (AntD `responsive`) is behind "Chi tiết", and with no `title` declared the first column is the
 * heading. */
export type PhonePlace = 'title' | 'line' | 'more' | 'actions' | 'none';

export type ListColumn<T> = TableColumnsType<T>[number] & { phone?: PhonePlace };
export type ListColumns<T> = ListColumn<T>[];

type Screens = ReturnType<typeof Grid.useBreakpoint>;

export type ListTableProps<T> = {
  /** The list's accessible name (the page's title). */
  label: string;
  columns: ListColumns<T>;
  rows: T[];
  rowKey?: TableProps<T>['rowKey'];
  loading?: boolean;
  pagination: TablePaginationConfig | false;
  /** What an empty list says (nothing found, loading, a failed load). */
  emptyText: ReactNode;
  /** The table's width when wider than its box (it scrolls sideways); by default the sum of the columns shown. */
  scrollX?: number;
  /** The table's header sticks under the app's top bar. */
  sticky?: boolean;
  onRow?: TableProps<T>['onRow'];
  rowClassName?: (row: T) => string;
  expandable?: TableProps<T>['expandable'];
  /** Below `md` the rows are cards (each column placed by its `phone`), so nothing needs a sideways scroll. */
  cardsOnPhone?: boolean;
  size?: 'small' | 'middle';
  /** On the table, or on the list of cards. */
  className?: string;
};

/** A width for a column that declares none (it takes what is left), when adding up the table's width. */
const FLEXIBLE_WIDTH = 220;
/** AntD's expand column. */
const EXPAND_WIDTH = 48;

function shownOn<T>(column: ListColumn<T>, screens: Screens): boolean {
  return !column.responsive || column.responsive.some((bp) => screens[bp] === true);
}

function placeOf<T>(column: ListColumn<T>, index: number, hasTitle: boolean): PhonePlace {
  if (column.phone) return column.phone;
  if (column.key === 'actions') return 'actions';
  if (!hasTitle && index === 0) return 'title';
  return !column.responsive || column.responsive.includes('xs') ? 'line' : 'more';
}

function keyOf<T>(row: T, index: number, rowKey: ListTableProps<T>['rowKey']): Key {
  if (typeof rowKey === 'function') return rowKey(row, index);
  return (row as Record<string, Key>)[rowKey ?? 'id'] ?? index;
}

/** A column's cell for a row, as the table would render it. */
function cellOf<T>(column: ListColumn<T>, row: T, index: number): ReactNode {
  if ('children' in column) return null;
  const path = column.dataIndex;
  const value =
    path === undefined
      ? undefined
      : ([] as (string | number)[])
          .concat(path as string | number | (string | number)[])
          .reduce<unknown>((v, k) => (v as Record<string | number, unknown> | null | undefined)?.[k], row);
  const out = column.render ? column.render(value, row, index) : (value as ReactNode);
  // A render may answer { children, props } (cell spans): only its content counts here.
  if (out !== null && typeof out === 'object' && 'children' in out && 'props' in out && !('$$typeof' in out)) {
    return (out as { children: ReactNode }).children;
  }
  return out as ReactNode;
}

function isBlank(node: ReactNode): boolean {
  return node === null || node === undefined || node === false || node === '';
}

function labelOf<T>(column: ListColumn<T>): ReactNode {
  return typeof column.title === 'function' ? null : column.title;
}

/** Labelled values of some columns for one row: the hidden columns of a table row, the lines of a card. */
function Fields<T>({ columns, row, index, id }: { columns: ListColumns<T>; row: T; index: number; id?: string }) {
  const cells = columns
    .map((column, i) => ({ key: String(column.key ?? i), label: labelOf(column), value: cellOf(column, row, index) }))
    .filter((c) => !isBlank(c.value));
  if (cells.length === 0) return null;
  return (
    <dl className="list-fields" id={id}>
      {cells.map((c) => (
        <div key={c.key} className="list-field">
          <dt>{c.label}</dt>
          <dd>{c.value}</dd>
        </div>
      ))}
    </dl>
  );
}

type CardProps<T> = {
  row: T;
  index: number;
  title: ListColumns<T>;
  lines: ListColumns<T>;
  more: ListColumns<T>;
  actions: ListColumns<T>;
  expandable?: TableProps<T>['expandable'];
  className?: string;
};

/** One row as a card: its heading, its lines, "Chi tiết" for the rest, and its buttons. */
function ListCard<T>({ row, index, title, lines, more, actions, expandable, className }: CardProps<T>) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const moreId = useId();
  const extra =
    expandable?.expandedRowRender && (expandable.rowExpandable?.(row) ?? true)
      ? expandable.expandedRowRender(row, index, 0, open)
      : null;
  const hasMore = extra !== null || more.some((column) => !isBlank(cellOf(column, row, index)));
  const buttons = actions.map((column, i) => <Fragment key={i}>{cellOf(column, row, index)}</Fragment>);
  return (
    <li className={className ? `list-card ${className}` : 'list-card'}>
      <div className="list-card-title">
        {title.map((column, i) => (
          <Fragment key={i}>{cellOf(column, row, index)}</Fragment>
        ))}
      </div>
      <Fields columns={lines} row={row} index={index} />
      {open ? (
        <div id={moreId} className="list-card-extra">
          <Fields columns={more} row={row} index={index} />
          {extra}
        </div>
      ) : null}
      {actions.length > 0 || hasMore ? (
        <div className="list-card-foot">
          {buttons}
          {hasMore ? (
            <Button
              type="text"
              size="small"
              className="list-card-more"
              icon={open ? <UpOutlined aria-hidden /> : <DownOutlined aria-hidden />}
              iconPlacement="end"
              aria-expanded={open}
              aria-controls={open ? moreId : undefined}
              onClick={() => setOpen((o) => !o)}
            >
              {open ? t('common.lessDetails') : t('common.moreDetails')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** The rows of a list: a table on wide screens, where the columns a screen hides (AntD `responsive`) are one click
 * away in an expanded row; cards below `md` when `cardsOnPhone`, so that neither the page nor the list scrolls
 * sideways on a phone. */
export function ListTable<T extends object>(props: ListTableProps<T>) {
  const screens = Grid.useBreakpoint();
  const cards = props.cardsOnPhone === true && screens.md !== true;
  // The table is given AntD's own column shape, without where each goes on a card.
  const columns: ListColumns<T> = props.columns.map(({ phone: _phone, ...rest }) => rest);

  if (cards) {
    const hasTitle = props.columns.some((c) => c.phone === 'title');
    const by = (place: PhonePlace) => props.columns.filter((c, i) => placeOf(c, i, hasTitle) === place);
    const [title, lines, more, actions] = [by('title'), by('line'), by('more'), by('actions')];
    const pagination = props.pagination;
    return (
      <Spin spinning={props.loading === true}>
        {props.rows.length === 0 ? (
          <div className="list-cards-empty">{props.emptyText}</div>
        ) : (
          <ul className={props.className ? `list-cards ${props.className}` : 'list-cards'} aria-label={props.label}>
            {props.rows.map((row, index) => (
              <ListCard
                key={keyOf(row, index, props.rowKey)}
                row={row}
                index={index}
                title={title}
                lines={lines}
                more={more}
                actions={actions}
                expandable={props.expandable}
                className={props.rowClassName?.(row)}
              />
            ))}
          </ul>
        )}
        {pagination && (pagination.total ?? 0) > 0 ? (
          <Pagination
            className="list-cards-pager"
            size="small"
            current={pagination.current}
            pageSize={pagination.pageSize}
            total={pagination.total}
            showTotal={pagination.showTotal}
            onChange={pagination.onChange}
            hideOnSinglePage={false}
          />
        ) : null}
      </Spin>
    );
  }

  const shown = columns.filter((c) => shownOn(c, screens));
  const hidden = columns.filter((c) => !shownOn(c, screens));
  const expandable: TableProps<T>['expandable'] =
    props.expandable ??
    (hidden.length > 0
      ? {
          expandedRowRender: (row, index) => <Fields columns={hidden} row={row} index={index} />,
          columnWidth: EXPAND_WIDTH,
        }
      : undefined);
  const width =
    shown.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : FLEXIBLE_WIDTH), 0) +
    (expandable ? EXPAND_WIDTH : 0);
  return (
    <Table<T>
      rowKey={props.rowKey ?? 'id'}
      size={props.size ?? 'middle'}
      className={props.className}
      sticky={props.sticky ? { offsetHeader: 56 } : undefined}
      columns={shown}
      dataSource={props.rows}
      loading={props.loading}
      pagination={props.pagination}
      scroll={{ x: props.scrollX ?? width }}
      locale={{ emptyText: props.emptyText }}
      onRow={props.onRow}
      rowClassName={props.rowClassName}
      expandable={expandable}
      aria-label={props.label}
    />
  );
}
