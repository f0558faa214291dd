import type { Database } from '../db/database.ts';
import type { Trx } from '../db/tx.ts';
import { referenceRefused } from '../http/references.ts';
import * as repo from './counters.repository.ts';

type Q = Database | Trx;

/**
 * Document numbers (số văn bản) per issuing body and series (DESIGN §8).
 *
 * The number is taken by `insert … on conflict … do update set last_number = last_number + 1 returning` in the
 * caller's transaction: the counter row stays locked until that transaction ends, so concurrent issuers queue on it
 * and get consecutive numbers, and a transaction that rolls back gives its number back (no gap). The series' reset
 * rule is data (document_series.reset): 'yearly' counts per calendar year of the document's date, 'never' once.
 *
 * Symbols follow the state format of Decree 30/2020 (Phụ lục III): "<series symbol>-<issuer abbreviation>", shown as
 * "Số: 05/TB-MTTQ" (numbers below 10 written with a leading zero). The issuer's abbreviation is its own short name
 * when that is already an abbreviation (one word: "MTTQ-MC1"), else the initials of its kind's short name, keeping
 * words already in capitals ("MTTQ", "Hội LHPN" → "HLHPN", "Cơ quan Khối" → "CQK"); an officer who wants another
 * abbreviation sets the body's short name.
 */
export type IssuedNumber = {
  number: number;
  /** e.g. "TB-MTTQ" */
  symbol: string;
  /** the counter's period: the year ("2026") or "all" */
  period: string;
};

/** The period a number belongs to under a series' reset rule. */
export function periodOf(reset: 'yearly' | 'never', date: string): string {
  return reset === 'yearly' ? date.slice(0, 4) : 'all';
}

const UPPER_WORD = /^[\p{Lu}\d]+$/u;

/** The abbreviation of an issuing body used in document symbols (see the module comment). */
export function bodyAbbreviation(b: {
  shortName: string | null;
  kindShort: string | null;
  kindName: string;
  name: string;
}): string {
  const short = b.shortName?.normalize('NFC').trim();
  if (short && !/\s/.test(short) && short.length <= 20) return short;
  const source = (b.kindShort ?? b.kindName ?? b.name).normalize('NFC').trim();
  const words = source.split(/[\s,]+/).filter(Boolean);
  if (words.length === 1 && UPPER_WORD.test(words[0]!)) return words[0]!;
  return words.map((w) => (UPPER_WORD.test(w) && w.length > 1 ? w : w.charAt(0).toUpperCase())).join('');
}

/** "05/TB-MTTQ": the number (two digits at least) and the symbol, as written after "Số:". */
export function formatNumber(number: number, symbol: string): string {
  return `${String(number).padStart(2, '0')}/${symbol}`;
}

/** The symbol a series would carry for an issuer, without taking a number (drafts show "Số:    /TB-MTTQ").
 * Throws NOT_FOUND (field issuerBodyId or series) when either is unknown. */
export async function symbolFor(
  q: Q,
  issuerBodyId: string,
  seriesCode: string,
): Promise<{ symbol: string; reset: 'yearly' | 'never' }> {
  const series = await repo.findSeries(q, seriesCode);
  if (!series) throw referenceRefused('series');
  const body = await repo.findIssuer(q, issuerBodyId);
  if (!body) throw referenceRefused('issuerBodyId');
  const abbr = bodyAbbreviation({
    shortName: body.short_name,
    kindShort: body.short_vi,
    kindName: body.name_vi,
    name: body.name,
  });
  return { symbol: `${series.symbol}-${abbr}`, reset: series.reset };
}

/** Takes the next number of a series for an issuing body on a date, inside the caller's transaction (gap-free:
 * see the module comment). Throws NOT_FOUND (field issuerBodyId or series) when either is unknown. */
export async function nextNumber(
  trx: Trx,
  issuerBodyId: string,
  seriesCode: string,
  date: string,
): Promise<IssuedNumber> {
  const { symbol, reset } = await symbolFor(trx, issuerBodyId, seriesCode);
  const period = periodOf(reset, date);
  const number = await repo.takeNumber(trx, issuerBodyId, seriesCode, period);
  return { number, symbol, period };
}
