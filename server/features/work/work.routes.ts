import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { localDate } from '../../clock.ts';
import { errorResponses, errorBodySchema } from '../../http/errors.ts';
import { requestBasics, requestContext } from '../../http/request-context.ts';
import { okResponse, uuidParam, versionBody } from '../../http/schemas.ts';
import { createProgramme } from './programme.copy.service.ts';
import * as programmes from './programmes.service.ts';
import { myWork } from './my-work.service.ts';
import { cascade } from './task.cascade.service.ts';
import { setCooperators, transition, updateTask } from './task.change.service.ts';
import { createTask } from './task.create.service.ts';
import * as groups from './task-groups.service.ts';
import { taskDetail } from './task.detail.service.ts';
import { listTasks } from './task.list.service.ts';
import { addComment, attachFile, decideExtension, reportProgress, requestExtension } from './task.progress.service.ts';
import { upload } from './uploads.ts';
import { registerWorkHandover } from './work.handover.ts';
import {
  createGroup,
  createProgramme as createProgrammeBody,
  groupItem,
  overviewResult,
  programmeDetail,
  programmeItem,
  programmesQuery,
  updateGroup,
  updateProgramme,
} from './programme.schemas.ts';
import {
  cascadeInput,
  cascadeResult,
  createTask as createTaskBody,
  kindItem,
  setCooperators as setCooperatorsBody,
  transition as transitionBody,
  updateTask as updateTaskBody,
} from './task.schemas.ts';
import { myWorkPage, myWorkQuery, taskPage, tasksQuery } from './task.list.schemas.ts';
import { taskDetail as taskDetailSchema, uploadResult } from './task.detail.schemas.ts';
import {
  attachInput,
  commentInput,
  extensionDecision,
  extensionRequest,
  progressInput,
} from './task.progress.schemas.ts';
import { callerOf, withRememberedScope, type WorkRequest } from './work.scope.ts';

const errors = errorResponses();

/** Work: programmes, task groups, tasks, workflow, progress, extensions, cascade, my work, overview. Scope is
 * checked in the services (DESIGN §8): a task outside the caller's scope is 404, an action it may not take 403. */
export function workRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerWorkHandover();
  const r = app.withTypeProvider<ZodTypeProvider>();
  // The request once per call: the caller with its scope remembered for at most a second (work.scope.ts).
  const work = (request: FastifyRequest): Promise<WorkRequest> =>
    requestContext(ctx, request, async () => {
      const now = ctx.clock.now();
      return withRememberedScope(ctx.db, await callerOf(ctx.db, request.identity, localDate(now)), now);
    });
  const tags = ['work'];

  r.get('/api/work/kinds', {
    schema: {
      operationId: 'listTaskKinds',
      tags,
      summary: 'Kinds of task (data)',
      response: { 200: z.array(kindItem), ...errors },
    },
    handler: (request) => programmes.listKinds(requestBasics(ctx, request)),
  });
  r.get('/api/work/permissions', {
    schema: {
      operationId: 'getWorkPermissions',
      tags,
      summary: 'What the caller may start in the work module today (create a programme: work.manage over some body)',
      response: { 200: z.object({ createProgramme: z.boolean() }), ...errors },
    },
    handler: async (request) => programmes.workPermissions(await work(request)),
  });
  r.get('/api/programmes', {
    schema: {
      operationId: 'listProgrammes',
      tags,
      summary: 'Work programmes the caller may read',
      querystring: programmesQuery,
      response: { 200: z.array(programmeItem), ...errors },
    },
    handler: async (request) => programmes.listProgrammes(await work(request), request.query),
  });
  r.post('/api/programmes', {
    schema: {
      operationId: 'createProgramme',
      tags,
      summary:
        'Create a body’s programme for a year, empty, with groups, or copied from an earlier one (work.manage over the body)',
      body: createProgrammeBody,
      response: { 201: programmeItem, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await createProgramme(await work(request), request.body)),
  });
  r.get('/api/programmes/:id', {
    schema: {
      operationId: 'getProgramme',
      tags,
      summary: 'A programme with its task groups and counts',
      params: uuidParam,
      response: { 200: programmeDetail, ...errors },
    },
    handler: async (request) => programmes.programmeDetail(await work(request), request.params.id),
  });
  r.get('/api/programmes/:id/overview', {
    schema: {
      operationId: 'getProgrammeOverview',
      tags,
      summary: 'The leader’s overview: counts per group, body and kind; key and commissioned tasks apart',
      params: uuidParam,
      response: { 200: overviewResult, ...errors },
    },
    handler: async (request) => programmes.overview(await work(request), request.params.id),
  });
  r.patch('/api/programmes/:id', {
    schema: {
      operationId: 'updateProgramme',
      tags,
      summary: 'Edit a programme’s title or description',
      params: uuidParam,
      body: updateProgramme,
      response: { 200: programmeItem, ...errors },
    },
    handler: async (request) => programmes.updateProgramme(await work(request), request.params.id, request.body),
  });
  r.post('/api/programmes/:id/delete', {
    schema: {
      operationId: 'deleteProgramme',
      tags,
      summary: 'Delete a programme (restorable by an administrator)',
      params: uuidParam,
      body: versionBody,
      response: { 200: okResponse, ...errors },
    },
    handler: async (request) =>
      programmes.deleteProgramme(await work(request), request.params.id, request.body.version),
  });
  r.post('/api/programmes/:id/groups', {
    schema: {
      operationId: 'createTaskGroup',
      tags,
      summary: 'Add a task group',
      params: uuidParam,
      body: createGroup,
      response: { 201: groupItem, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await groups.createGroup(await work(request), request.params.id, request.body)),
  });
  r.patch('/api/task-groups/:id', {
    schema: {
      operationId: 'updateTaskGroup',
      tags,
      summary: 'Rename, move or set the lead body of a task group',
      params: uuidParam,
      body: updateGroup,
      response: { 200: groupItem, ...errors },
    },
    handler: async (request) => groups.updateGroup(await work(request), request.params.id, request.body),
  });
  r.post('/api/task-groups/:id/delete', {
    schema: {
      operationId: 'deleteTaskGroup',
      tags,
      summary: 'Delete an empty task group',
      params: uuidParam,
      body: versionBody,
      response: { 200: okResponse, ...errors },
    },
    handler: async (request) => groups.deleteGroup(await work(request), request.params.id, request.body.version),
  });

  r.get('/api/tasks', {
    schema: {
      operationId: 'listTasks',
      tags,
      summary: 'Tasks the caller may read, filtered and paged',
      querystring: tasksQuery,
      response: { 200: taskPage, ...errors },
    },
    // A page is built field by field by presentTask, typed as the schema's output, so it is written as it is rather
    // than passed through zod again: that second pass over 25 × 40 fields was a tenth of the server's time on a
    // full page. tasks.test.ts holds pages of every kind of task to the schema, extra fields included.
    serializerCompiler: () => (data) => JSON.stringify(data),
    handler: async (request) => listTasks(await work(request), request.query),
  });
  r.get('/api/my-work', {
    schema: {
      operationId: 'listMyWork',
      tags,
      summary: 'My work: tasks where I or my body lead, cooperate, or must accept; overdue and due soon first',
      querystring: myWorkQuery,
      response: { 200: myWorkPage, ...errors },
    },
    handler: async (request) => myWork(await work(request), request.query),
  });
  r.post('/api/tasks', {
    schema: {
      operationId: 'createTask',
      tags,
      summary: 'Create a task or subtask with its lead and cooperating bodies',
      body: createTaskBody,
      response: { 201: taskDetailSchema, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await createTask(await work(request), request.body)),
  });
  r.get('/api/tasks/:id', {
    schema: {
      operationId: 'getTask',
      tags,
      summary: 'A task with cooperators, subtasks, history, files, extensions and what the caller may do',
      params: uuidParam,
      response: { 200: taskDetailSchema, ...errors },
    },
    // Built field by field by taskDetail like a list's page, and written as it is (the pass through zod was a
    // twelfth of the server's time on a task's page). tasks.test.ts holds task pages with every part to the schema.
    serializerCompiler: () => (data) => JSON.stringify(data),
    handler: async (request) => taskDetail(await work(request), request.params.id),
  });
  r.patch('/api/tasks/:id', {
    schema: {
      operationId: 'updateTask',
      tags,
      summary: 'Edit a task (managers); the due date only while a draft',
      params: uuidParam,
      body: updateTaskBody,
      response: { 200: taskDetailSchema, ...errors },
    },
    handler: async (request) => updateTask(await work(request), request.params.id, request.body),
  });
  r.put('/api/tasks/:id/cooperators', {
    schema: {
      operationId: 'setTaskCooperators',
      tags,
      summary: 'Set the cooperating bodies with their parts and people',
      params: uuidParam,
      body: setCooperatorsBody,
      response: { 200: taskDetailSchema, ...errors },
    },
    handler: async (request) => setCooperators(await work(request), request.params.id, request.body),
  });
  r.post('/api/tasks/:id/transition', {
    schema: {
      operationId: 'transitionTask',
      tags,
      summary:
        'Move a task through its workflow (assign, start, report done, accept, return, suspend, resume, cancel, reassign)',
      params: uuidParam,
      body: transitionBody,
      response: { 200: taskDetailSchema, ...errors },
    },
    handler: async (request) => transition(await work(request), request.params.id, request.body),
  });
  r.post('/api/tasks/:id/progress', {
    schema: {
      operationId: 'reportTaskProgress',
      tags,
      summary: 'Report progress (on the task, or on a cooperating body’s part) with evidence files',
      params: uuidParam,
      body: progressInput,
      response: { 200: taskDetailSchema, ...errors },
    },
    handler: async (request) => reportProgress(await work(request), request.params.id, request.body),
  });
  r.post('/api/tasks/:id/comments', {
    schema: {
      operationId: 'createTaskComment',
      tags,
      summary: 'Comment on a task',
      params: uuidParam,
      body: commentInput,
      response: { 200: taskDetailSchema, ...errors },
    },
    handler: async (request) => addComment(await work(request), request.params.id, request.body.note),
  });
  r.post('/api/tasks/:id/files', {
    schema: {
      operationId: 'attachTaskFile',
      tags,
      summary: 'Attach an uploaded file to a task',
      params: uuidParam,
      body: attachInput,
      response: { 200: taskDetailSchema, ...errors },
    },
    handler: async (request) => attachFile(await work(request), request.params.id, request.body.fileId),
  });
  r.post('/api/tasks/:id/extensions', {
    schema: {
      operationId: 'requestTaskExtension',
      tags,
      summary: 'Request a deadline extension, with a reason',
      params: uuidParam,
      body: extensionRequest,
      response: { 200: taskDetailSchema, ...errors },
    },
    handler: async (request) => requestExtension(await work(request), request.params.id, request.body),
  });
  r.post('/api/task-extensions/:id/decide', {
    schema: {
      operationId: 'decideTaskExtension',
      tags,
      summary: 'Grant or refuse a deadline extension (the programme’s owner); the original due date is kept',
      params: uuidParam,
      body: extensionDecision,
      response: { 200: taskDetailSchema, ...errors },
    },
    handler: async (request) => decideExtension(await work(request), request.params.id, request.body),
  });
  r.post('/api/tasks/:id/cascade', {
    schema: {
      operationId: 'cascadeTask',
      tags,
      summary: 'Cascade a task to every unit below (or a chosen set): one subtask per same-line body',
      params: uuidParam,
      body: cascadeInput,
      response: { 200: cascadeResult, ...errors },
    },
    handler: async (request) => cascade(await work(request), request.params.id, request.body),
  });
  r.post('/api/uploads', {
    config: { multipart: true },
    schema: {
      operationId: 'uploadFile',
      tags,
      summary:
        'Upload a file to link to a task or a progress report: images (JPEG, PNG, WebP), PDF, Word or Excel, at most 20 MB. Never classified documents.',
      consumes: ['multipart/form-data'],
      response: { 201: uploadResult, 413: errorBodySchema, 415: errorBodySchema, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await upload(ctx, request)),
  });
}
