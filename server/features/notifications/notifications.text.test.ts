import { describe, expect, it } from 'vitest';
import { digestLines } from './notifications.text.ts';

const entry = (title: string, dueDate: string, status = 'in_progress', reportedDoneOn: string | null = null) => ({
  title,
  leadBodyName: 'Ủy ban MTTQ Phường Móng Cái 1',
  dueDate,
  status,
  reportedDoneOn,
});

describe('digest lines', () => {
  it('labels work reported done by its due date as waiting for acceptance, not overdue, however long it waits', () => {
    const lines = digestLines(
      'vi',
      [
        entry('Hỗ trợ dịch vụ công trực tuyến', '2026-11-17', 'reported_done', '2026-11-14'),
        entry('Báo cáo sơ kết', '2026-11-10', 'reported_done', '2026-11-20'),
        entry('Rà soát hộ nghèo', '2026-11-30'),
      ],
      '2026-12-07',
    );
    expect(lines).toEqual([
      '1. [Quá hạn, chờ nghiệm thu 17 ngày] Báo cáo sơ kết – chủ trì: Ủy ban MTTQ Phường Móng Cái 1 – hạn 10/11',
      '2. [Chờ nghiệm thu 23 ngày] Hỗ trợ dịch vụ công trực tuyến – chủ trì: Ủy ban MTTQ Phường Móng Cái 1 – hạn 17/11',
      '3. [Quá hạn 7 ngày] Rà soát hộ nghèo – chủ trì: Ủy ban MTTQ Phường Móng Cái 1 – hạn 30/11',
    ]);
    expect(digestLines('en', [entry('Báo cáo', '2026-11-17', 'reported_done', '2026-11-17')], '2026-11-18')).toEqual([
      '1. [Awaiting acceptance for 1 day] Báo cáo – lead: Ủy ban MTTQ Phường Móng Cái 1 – due 17/11',
    ]);
  });
});
