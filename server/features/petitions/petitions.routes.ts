import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { requestContext } from '../../http/request-context.ts';
import { uuidParam } from '../../http/schemas.ts';
import { createPetition } from './petitions.intake.service.ts';
import * as read from './petitions.read.service.ts';
import * as s from './petitions.schemas.ts';
import { petitionCallerOf, type PetitionRequest } from './petitions.scope.ts';
import * as service from './petitions.service.ts';

const errors = errorResponses();

type Action = (r: PetitionRequest, id: string, body: never) => Promise<z.infer<typeof s.petitionDetail>>;

/** Petitions (đơn thư): the list, intake, a case, the duplicate check, and one route per action of the state machine
 * (petitions.rules.ts). A case the caller does not read is 404, an action it may not take 403, an action the state
 * machine refuses 409 INVALID_TRANSITION. Every answer carrying petitioners goes through the identity guard
 * (petitions.presenter.ts). */
export function petitionsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['petitions'];
  const petitions = (request: FastifyRequest): Promise<PetitionRequest> =>
    requestContext(ctx, request, (req) => petitionCallerOf(ctx, req));

  r.get('/api/petitions', {
    schema: {
      operationId: 'listPetitions',
      tags,
      summary: 'The petitions I read (my subtree and the successors’ scope), filtered, newest first',
      querystring: s.listQuery,
      response: { 200: s.petitionsPage, ...errors },
    },
    handler: async (request) => read.listPetitions(await petitions(request), request.query),
  });

  r.post('/api/petitions', {
    config: { scope: 'unit' },
    schema: {
      operationId: 'createPetition',
      tags,
      summary: 'Receive a petition and register it at once (its number in the register of its body and year)',
      body: s.createPetitionBody,
      response: { 201: s.petitionDetail, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createPetition(await petitions(request), request.body)),
  });

  r.post('/api/petitions/duplicates', {
    schema: {
      operationId: 'checkPetitionDuplicates',
      tags,
      summary: 'Possible duplicates of what is about to be saved: same petitioners or a similar content',
      body: s.duplicatesBody,
      response: { 200: s.duplicatesAnswer, ...errors },
    },
    handler: async (request) => read.checkDuplicates(await petitions(request), request.body),
  });

  r.get('/api/petitions/:id', {
    schema: {
      operationId: 'getPetition',
      tags,
      summary: 'A petition: petitioners (as I may see them), timeline, deadlines with their basis, forwards, replies',
      params: uuidParam,
      response: { 200: s.petitionDetail, ...errors },
    },
    handler: async (request) => read.petitionDetail(await petitions(request), request.params.id),
  });

  r.get('/api/petitions/:id/duplicates', {
    schema: {
      operationId: 'petitionDuplicates',
      tags,
      summary: 'Possible duplicates of a saved petition (to merge)',
      params: uuidParam,
      response: { 200: s.duplicatesAnswer, ...errors },
    },
    handler: async (request) => read.duplicatesOf(await petitions(request), request.params.id),
  });

  r.patch('/api/petitions/:id', {
    config: { scope: 'unit' },
    schema: {
      operationId: 'updatePetition',
      tags,
      summary: 'Edit what was taken in: summary, content, key project, address unit',
      params: uuidParam,
      body: s.updatePetitionBody,
      response: { 200: s.petitionDetail, ...errors },
    },
    handler: async (request) => service.updatePetition(await petitions(request), request.params.id, request.body),
  });

  r.put('/api/petitions/:id/officers', {
    config: { scope: 'unit' },
    schema: {
      operationId: 'setPetitionOfficers',
      tags,
      summary: 'Assign the officers handling a petition',
      params: uuidParam,
      body: s.officersBody,
      response: { 200: s.petitionDetail, ...errors },
    },
    handler: async (request) => service.setPetitionOfficers(await petitions(request), request.params.id, request.body),
  });

  const actions: [path: string, operationId: string, summary: string, body: z.ZodType, fn: Action][] = [
    [
      'register',
      'registerPetition',
      'Number a petition received from the public form',
      s.noteBody,
      service.registerPetition,
    ],
    [
      'classify',
      'classifyPetition',
      'Classify: kind, eligibility and reason, competence, signatories',
      s.classifyBody,
      service.classifyPetition,
    ],
    [
      'split',
      'splitPetition',
      'Split a mixed letter into its parts, each with its own path',
      s.splitBody,
      service.splitPetition,
    ],
    ['merge', 'mergePetition', 'Merge a duplicate into the case it repeats', s.mergeBody, service.mergePetition],
    ['guide', 'guidePetition', 'Guide the citizen to the competent body', s.noteBody, service.guidePetition],
    [
      'forward',
      'forwardPetition',
      'Forward to the competent body — once per content (409 ALREADY_FORWARDED)',
      s.forwardBody,
      service.forwardPetition,
    ],
    ['file', 'filePetition', 'File without action (kept one year)', s.noteBody, service.filePetition],
    [
      'propose',
      'proposePetition',
      'Propose for handling within the Front’s competence',
      s.noteBody,
      service.proposePetition,
    ],
    [
      'decision',
      'recordPetitionDecision',
      'Record the competent body’s decision date (its result is owed within 07 days)',
      s.decisionBody,
      service.recordDecision,
    ],
    [
      'reply',
      'recordPetitionReply',
      'Record the competent body’s written result (and publish it to the citizen)',
      s.replyBody,
      service.recordReply,
    ],
    [
      'publish',
      'publishPetitionReply',
      'Publish to the citizen’s page the latest result recorded unpublished (the text the officer writes)',
      s.publishReplyBody,
      service.publishReply,
    ],
    ['remind', 'remindPetition', 'Record a chase of the competent body', s.noteBody, service.remindPetition],
    [
      'supervise',
      'supervisePetition',
      'Hand a stuck case to supervision (a case link)',
      s.superviseBody,
      service.superviseCase,
    ],
    ['withdraw', 'withdrawPetition', 'The petitioner withdrew it', s.noteBody, service.withdrawPetition],
    ['suspend', 'suspendPetition', 'Suspend it (tạm đình chỉ)', s.noteBody, service.suspendPetition],
    ['resume', 'resumePetition', 'Resume a suspended petition where it was', s.noteBody, service.resumePetition],
    ['close', 'closePetition', 'Close it', s.noteBody, service.closePetition],
  ];
  for (const [path, operationId, summary, body, fn] of actions) {
    r.post(`/api/petitions/:id/${path}`, {
      config: { scope: 'unit' },
      schema: { operationId, tags, summary, params: uuidParam, body, response: { 200: s.petitionDetail, ...errors } },
      handler: async (request) => fn(await petitions(request), request.params.id, request.body as never),
    });
  }
}
