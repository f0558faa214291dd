import { itemChecks, type ReferenceCheck } from '../../http/references.ts';

/** What a task's fields name, in the order they are given: the lead body and the named person and account lie within
 * the programme owner's scope; cooperating bodies and their people may also come from above in the line or from
 * outside the bloc (migration 0017). */
export function taskReferenceChecks(input: {
  leadBodyId?: string | null;
  responsiblePersonId?: string | null;
  assigneeAccountId?: string | null;
  cooperators?: readonly { bodyId: string; personId?: string | null }[];
}): ReferenceCheck[] {
  const one = (field: string, rule: ReferenceCheck['rule'], id: string | null | undefined): ReferenceCheck[] =>
    id ? [{ field, rule, id }] : [];
  return [
    ...one('leadBodyId', 'lead', input.leadBodyId),
    ...one('responsiblePersonId', 'person', input.responsiblePersonId),
    ...one('assigneeAccountId', 'account', input.assigneeAccountId),
    ...itemChecks('cooperators', input.cooperators ?? [], [
      ['bodyId', 'near', (x) => x.bodyId],
      ['personId', 'nearPerson', (x) => x.personId],
    ]),
  ];
}
