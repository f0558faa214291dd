import type { z } from 'zod';
import { fileUrl } from '../files/index.ts';
import type { PetitionFull, PetitionerRow } from './petitions.repository.ts';
import { actionsFrom, type PetitionState } from './petitions.rules.ts';
import { HIDDEN } from './petitions.scope.ts';
import type * as s from './petitions.schemas.ts';

type Deadline = {
  id: string;
  rule: string;
  rule_version: number;
  start_on: string;
  due_on: string;
  day_kind: string;
  days: number;
  basis: string;
  variants: string[];
  provisional: boolean;
  status: string;
  done_on: string | null;
};

/** "12/2026": a case's number in its register and year, or null before it is numbered. */
export const registerNumber = (p: { number: number | null; year: number }) =>
  p.number === null ? null : `${String(p.number).padStart(2, '0')}/${p.year}`;

/**
 * THE identity guard: a petitioner as the caller may see it. Whoever may not see the case's identities (see
 * petitions.scope.ts) gets the marker for the name and nothing of the id number, phone or address. Every answer
 * that carries a petitioner goes through here (the list's names, the detail, duplicate hints, exports of phase 2).
 */
export function presentPetitioner(r: PetitionerRow, visible: boolean): z.infer<typeof s.petitionerOut> {
  if (!visible)
    return {
      id: r.id,
      fullName: HIDDEN,
      idNumber: null,
      phone: null,
      address: null,
      isRepresentative: r.is_representative,
    };
  return {
    id: r.id,
    fullName: r.full_name,
    idNumber: r.id_number,
    phone: r.phone,
    address: r.address,
    isRepresentative: r.is_representative,
  };
}

/** The names of a case's petitioners as the caller may see them (one marker per petitioner otherwise). */
export function petitionerNames(rows: readonly PetitionerRow[], visible: boolean): string[] {
  return rows.map((r) => (visible ? r.full_name : HIDDEN));
}

export function presentDeadline(d: Deadline, today: string): z.infer<typeof s.deadlineOut> {
  return {
    id: d.id,
    rule: d.rule,
    ruleVersion: d.rule_version,
    start: d.start_on,
    due: d.due_on,
    dayKind: d.day_kind as 'calendar' | 'working',
    days: d.days,
    basis: d.basis,
    variants: d.variants,
    provisional: d.provisional,
    status: d.status as 'open' | 'met' | 'missed' | 'cancelled',
    doneOn: d.done_on,
    overdue: d.status === 'open' && d.due_on < today,
  };
}

type ItemRow = Pick<
  PetitionFull,
  | 'id'
  | 'register'
  | 'year'
  | 'number'
  | 'received_on'
  | 'channel'
  | 'kind'
  | 'summary'
  | 'state'
  | 'receiving_body_id'
  | 'body_name'
  | 'project_id'
  | 'project_name'
  | 'parent_id'
  | 'identities'
>;

export function presentItem(
  p: ItemRow,
  petitioners: readonly PetitionerRow[],
  deadlines: readonly Deadline[],
  today: string,
): z.infer<typeof s.petitionItem> {
  const open = deadlines.filter((d) => d.status === 'open').sort((a, b) => (a.due_on < b.due_on ? -1 : 1));
  return {
    id: p.id,
    registerNumber: registerNumber(p),
    register: p.register,
    year: p.year,
    number: p.number,
    receivedOn: p.received_on,
    channel: p.channel as z.infer<typeof s.channel>,
    kind: p.kind as z.infer<typeof s.petitionKind> | null,
    summary: p.summary,
    state: p.state as PetitionState,
    receivingBody: { id: p.receiving_body_id, name: p.body_name },
    project: p.project_id ? { id: p.project_id, name: p.project_name ?? '' } : null,
    parentId: p.parent_id,
    petitionerNames: petitionerNames(petitioners, p.identities),
    identityVisible: p.identities,
    nextDue: open[0]?.due_on ?? null,
    overdue: open.some((d) => d.due_on < today),
  };
}

export type DetailParts = {
  petitioners: PetitionerRow[];
  officers: { id: string; display_name: string }[];
  attachments: { id: string; filename: string; content_type: string; size_bytes: string | number; created_at: Date }[];
  events: {
    id: string;
    day: string;
    action: string;
    from_state: string | null;
    to_state: string | null;
    note: string | null;
    created_at: Date;
    display_name: string | null;
  }[];
  deadlines: Deadline[];
  forwards: {
    id: string;
    to_body_id: string | null;
    to_body_name: string | null;
    to_name: string | null;
    forwarded_on: string;
    note: string | null;
  }[];
  replies: {
    id: string;
    decided_on: string | null;
    received_on: string;
    result: string;
    published: boolean;
    published_text: string | null;
  }[];
  links: { id: string; kind: string; target_id: string | null; note: string | null }[];
  parts: { id: string; kind: string | null; summary: string; state: string }[];
};

export function presentDetail(p: PetitionFull, d: DetailParts, today: string): z.infer<typeof s.petitionDetail> {
  return {
    ...presentItem(p, d.petitioners, d.deadlines, today),
    content: p.content,
    forwardedFrom:
      p.forwarded_from_body_id || p.forwarded_from_name
        ? { bodyId: p.forwarded_from_body_id, name: p.forwarded_from_name }
        : null,
    eligible: p.eligible,
    eligibilityReason: p.eligibility_reason,
    anonymous: p.anonymous,
    competence: p.competence as z.infer<typeof s.competence> | null,
    signatoryCount: p.signatory_count,
    addressUnit: p.address_unit_id ? { id: p.address_unit_id, name: p.address_unit_name ?? '' } : null,
    suspendedFrom: p.suspended_from,
    mergedIntoId: p.merged_into_id,
    trackingCode: p.acts ? p.tracking_code : null,
    public: p.public,
    closedOn: p.closed_on,
    version: p.version,
    petitioners: d.petitioners.map((r) => presentPetitioner(r, p.identities)),
    officers: d.officers.map((o) => ({ id: o.id, name: o.display_name })),
    // A file's name may name its sender ("CCCD Nguyễn Văn A.jpg"), and only those who see the identities may open it.
    attachments: d.attachments.map((a, i) => ({
      id: a.id,
      filename: p.identities ? a.filename : `${i + 1}${/\.[a-z0-9]{1,5}$/i.exec(a.filename)?.[0] ?? ''}`,
      contentType: a.content_type,
      size: Number(a.size_bytes),
      url: p.identities ? fileUrl(a.id) : null,
    })),
    events: d.events.map((e) => ({
      id: e.id,
      day: e.day,
      action: e.action,
      fromState: e.from_state,
      toState: e.to_state,
      by: e.display_name,
      note: e.note,
      at: new Date(e.created_at).toISOString(),
    })),
    deadlines: d.deadlines.map((x) => presentDeadline(x, today)),
    forwards: d.forwards.map((f) => ({
      id: f.id,
      toBody: f.to_body_id ? { id: f.to_body_id, name: f.to_body_name ?? '' } : null,
      toName: f.to_name,
      on: f.forwarded_on,
      note: f.note,
    })),
    replies: d.replies.map((r) => ({
      id: r.id,
      decidedOn: r.decided_on,
      receivedOn: r.received_on,
      result: r.result,
      published: r.published,
      publishedText: r.published_text,
    })),
    links: d.links.map((l) => ({ id: l.id, kind: l.kind, targetId: l.target_id, note: l.note })),
    parts: d.parts.map((x) => ({
      id: x.id,
      kind: x.kind as z.infer<typeof s.petitionKind> | null,
      summary: x.summary,
      state: x.state as PetitionState,
    })),
    // publishing is offered only while a result waits unpublished
    actions: p.acts
      ? actionsFrom(p.state as PetitionState, p.suspended_from).filter(
          (a) => a !== 'publish_reply' || d.replies.some((r) => !r.published),
        )
      : [],
  };
}
