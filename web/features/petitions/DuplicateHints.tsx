import { MergeCellsOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../lib/format.ts';
import { PetitionerNames } from './PetitionList.tsx';
import { StateTag } from './PetitionBits.tsx';
import { ENDED, petitionPath, type DuplicateHint } from './petitions.api.ts';

type Props = {
  hints: readonly DuplicateHint[];
  /** The case chosen to merge into (intake: after saving; a case's page: at once). */
  chosen?: string | null;
  /** Offers "Gộp vào đơn này" on each case still open; null: no merging here. */
  onChoose?: ((id: string | null) => void) | null;
  /** Links open in a new tab (the intake form keeps what was typed). */
  newTab?: boolean;
};

/** Possible duplicates: each case's number, summary, state, body, why it may be the same (same petitioner, a similar
 * content), and the petitioners as the account may see them ("(ẩn)" otherwise). */
export function DuplicateHints({ hints, chosen = null, onChoose = null, newTab = false }: Props) {
  const { t } = useTranslation();
  return (
    <ul className="petition-hints">
      {hints.map((h) => {
        const label = h.registerNumber ? `${h.registerNumber} · ${h.summary}` : h.summary;
        return (
          <li key={h.id} className={chosen === h.id ? 'petition-hint petition-hint-chosen' : 'petition-hint'}>
            <Flex gap={6} wrap align="center">
              {newTab ? (
                <a href={petitionPath(h.id)} target="_blank" rel="noreferrer" className="petition-link">
                  {label}
                </a>
              ) : (
                <Link to={petitionPath(h.id)} className="petition-link">
                  {label}
                </Link>
              )}
              <StateTag state={h.state} />
            </Flex>
            <div className="petition-sub">
              {t('petitions.hints.receivedBy', { on: formatDate(h.receivedOn), body: h.receivingBody.name })}
              {h.petitionerNames.length ? (
                <>
                  {' · '}
                  <PetitionerNames names={h.petitionerNames} />
                </>
              ) : null}
            </div>
            <Flex gap={4} wrap className="petition-hint-reasons">
              {h.reasons.includes('petitioner') ? (
                <Tag color="orange">{t('petitions.hints.samePetitioner')}</Tag>
              ) : null}
              {h.reasons.includes('content') ? (
                <Tag color="orange">
                  {t('petitions.hints.similarContent', { percent: Math.round(h.similarity * 100) })}
                </Tag>
              ) : null}
            </Flex>
            {onChoose && !ENDED.includes(h.state) ? (
              chosen === h.id ? (
                <Flex gap={8} wrap align="center">
                  <Typography.Text strong>{t('petitions.hints.chosen')}</Typography.Text>
                  <Button size="small" icon={<UndoOutlined aria-hidden />} onClick={() => onChoose(null)}>
                    {t('petitions.hints.unchoose')}
                  </Button>
                </Flex>
              ) : (
                <Button
                  size="small"
                  icon={<MergeCellsOutlined aria-hidden />}
                  onClick={() => onChoose(h.id)}
                  aria-label={t('petitions.hints.chooseNamed', { number: h.registerNumber ?? h.summary })}
                >
                  {t('petitions.hints.choose')}
                </Button>
              )
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
