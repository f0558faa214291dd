import { useQuery } from '@tanstack/react-query';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDate, todayInVietnam } from '../../lib/format.ts';
import { fetchRules, rulesKey } from '../legal-deadlines/legalDeadlines.api.ts';
import { STATE_COLOR, type PetitionKind, type PetitionState } from './petitions.api.ts';

/** A case's state in plain Vietnamese ("Đã chuyển đơn", "Chờ kết quả giải quyết"). */
export function StateTag({ state }: { state: PetitionState }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLOR[state]}>{t(`petitions.state.${state}`)}</Tag>;
}

/** The kind (khiếu nại, tố cáo, kiến nghị/phản ánh, nhiều nội dung), or "Chưa phân loại". */
export function KindTag({ kind }: { kind: PetitionKind | null }) {
  const { t } = useTranslation();
  return kind ? <Tag>{t(`petitions.kind.${kind}`)}</Tag> : <Tag>{t('petitions.kind.none')}</Tag>;
}

/** Whole days from today (Vietnam) to a plain date: negative once it has passed. */
export function daysLeft(due: string): number {
  return dayjs(due).diff(todayInVietnam(), 'day');
}

/** A due date with what it means today: "còn 3 ngày", "hôm nay", or in red "quá hạn 2 ngày". */
export function DueText({ due, open = true }: { due: string | null; open?: boolean }) {
  const { t } = useTranslation();
  if (!due) return <span className="muted">—</span>;
  if (!open) return <span className="list-nowrap">{formatDate(due)}</span>;
  const left = daysLeft(due);
  const late = left < 0;
  return (
    <span className={late ? 'petition-late' : undefined}>
      <span className="list-nowrap">{formatDate(due)}</span>{' '}
      <span className="list-nowrap">
        (
        {late
          ? t('petitions.due.overdue', { count: -left })
          : left === 0
            ? t('petitions.due.today')
            : t('petitions.due.left', { count: left })}
        )
      </span>
    </span>
  );
}

/** The names of the deadline rules (legal-deadlines), to show "Trả lời người gửi đơn" rather than a code. */
export function useRuleNames(): (code: string) => string {
  const asOf = todayInVietnam().format('YYYY-MM-DD');
  const rules = useQuery({
    queryKey: rulesKey(asOf),
    queryFn: ({ signal }) => fetchRules(asOf, signal),
    staleTime: 600_000,
  });
  const names = new Map((rules.data?.items ?? []).map((r) => [r.code, r.name]));
  return (code) => names.get(code) ?? code;
}
