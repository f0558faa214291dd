import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';

type Q = Database | Trx;

/** The look-ups of the demo's site clearance and petitions (the writes go through the modules' services). */

/** A key project of a body by its code (whether the demo's projects are there). */
export const projectOfBody = (q: Q, bodyId: string, code: string) =>
  q
    .selectFrom('key_projects')
    .select('id')
    .where('body_id', '=', bodyId)
    .where('code', '=', code)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();

/** The demo's projects by code (the petitions name them). */
export const projectsByCode = (q: Q, codes: string[]) =>
  q
    .selectFrom('key_projects')
    .select(['id', 'code'])
    .where('code', 'in', codes)
    .where('deleted_at', 'is', null)
    .execute();

/** A task group of a programme by its name. */
export const groupNamed = (q: Q, programmeId: string, name: string) =>
  q
    .selectFrom('task_groups')
    .select('id')
    .where('programme_id', '=', programmeId)
    .where('name', '=', name)
    .executeTakeFirst();

/** A petition of a body by its summary (whether the demo's petitions are there). */
export const petitionOfBody = (q: Q, bodyId: string, summary: string) =>
  q
    .selectFrom('petitions')
    .select('id')
    .where('receiving_body_id', '=', bodyId)
    .where('summary', '=', summary)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();

/** The unit of a body. */
export const bodyUnit = (q: Q, bodyId: string) =>
  q.selectFrom('bodies').select('unit_id').where('id', '=', bodyId).executeTakeFirst();

/** A case by its citizen's tracking code (the public form answers only the code). */
export const petitionByTracking = (q: Q, code: string) =>
  q.selectFrom('petitions').select(['id', 'version']).where('tracking_code', '=', code).executeTakeFirst();
