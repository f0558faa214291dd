import { ArrowLeftOutlined, ArrowRightOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import type { UnitAcross } from './units.api.ts';

/** The one-line notice when the page's date moved past the open unit's change: where it went, or came from. */
export function acrossNotice(data: UnitAcross, t: TFunction): string | null {
  if (data.self || !data.direction || !data.changed) return null;
  const [only] = data.units;
  const which = data.units.length === 0 ? 'none' : data.units.length === 1 ? 'one' : 'many';
  return t(`units.across.${data.direction}.${which}`, {
    name: data.unit.name,
    date: formatDate(data.changed),
    other: only?.name ?? '',
    count: data.units.length,
  });
}

type Props = {
  data: UnitAcross;
  /** Opens a unit of the list on the page's date. */
  onOpen: (code: string) => void;
  /** Opens the unit again on the date it was read on. */
  onBack: () => void;
  /** The date it was read on. */
  from: string;
};

/** In the card's place when a unit became (or came from) several units, or the trail ends: the notice, the units
 * to choose from, and the way back to the unit as it was. */
export function UnitAcrossList({ data, onOpen, onBack, from }: Props) {
  const { t } = useTranslation();
  return (
    <section className="unit-card unit-across" aria-labelledby="unit-across-title">
      <Typography.Title level={3} id="unit-across-title" className="unit-card-title">
        {data.unit.name}
      </Typography.Title>
      <Alert
        className="unit-across-notice"
        type={data.units.length > 0 ? 'info' : 'warning'}
        showIcon
        title={acrossNotice(data, t)}
      />
      {data.units.length > 0 ? (
        <ul className="unit-across-list" aria-label={t(`units.across.${data.direction ?? 'successors'}.list`)}>
          {data.units.map((u) => (
            <li key={u.id} className="unit-across-item">
              <Button
                type="link"
                className="unit-link-button"
                icon={<ArrowRightOutlined aria-hidden />}
                onClick={() => u.code && onOpen(u.code)}
              >
                <span className="unit-code">{u.code}</span> {u.name}
              </Button>
              <span className="unit-across-where muted">
                {[u.kindName, ...u.ancestors.map((a) => a.name)].join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <Button className="unit-across-back" icon={<ArrowLeftOutlined aria-hidden />} onClick={onBack}>
        {t('units.across.back', { name: data.unit.name, date: formatDate(from) })}
      </Button>
    </section>
  );
}
