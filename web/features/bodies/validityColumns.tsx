import type { TFunction } from 'i18next';
import { formatDate } from '../../lib/format.ts';
import type { ListColumns } from '../../ui/ListTable.tsx';
import { lastDay } from '../units/units.api.ts';

type Dated = { validFrom: string | null; validTo: string | null };

/** The "Từ ngày" and "Đến ngày" columns of a dated record (a position, a role): "từ trước" when open at the start,
 * "nay" when still in force; the end shown is the last day in force. */
export function validityColumns<T extends Dated>(t: TFunction): ListColumns<T> {
  return [
    {
      title: t('people.from'),
      dataIndex: 'validFrom',
      key: 'validFrom',
      width: 100,
      render: (v: string | null) => (v ? formatDate(v) : <span className="muted">{t('bodies.sinceBefore')}</span>),
    },
    {
      title: t('people.to'),
      dataIndex: 'validTo',
      key: 'validTo',
      width: 100,
      render: (v: string | null) => (v ? formatDate(lastDay(v)) : <span className="muted">{t('bodies.now')}</span>),
    },
  ];
}
