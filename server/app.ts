import { workRoutes } from './features/work/work.routes.ts';
import { retentionRoutes } from './features/retention/retention.routes.ts';
import { listExportRoutes } from './features/exports/list-exports.routes.ts';
import { briefingsRoutes } from './features/briefings/briefings.routes.ts';
import { workExportsRoutes } from './features/work-exports/work-exports.routes.ts';
import { notificationsRoutes } from './features/notifications/notifications.routes.ts';
import { reportingRoutes } from './features/reporting/reporting.routes.ts';
import { clearanceRoutes } from './features/clearance/index.ts';
import { dialoguesRoutes } from './features/dialogues/index.ts';
import { legalDeadlinesRoutes } from './features/legal-deadlines/legal-deadlines.routes.ts';
import { wireModules } from './wiring.ts';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';
import type { AppContext } from './context.ts';
import {
  AppError,
  RequestValidationError,
  clientErrorResponse,
  frameworkErrors,
  installErrorHandling,
} from './http/errors.ts';
import { installAuth } from './http/auth.ts';
import { guardInput, parseQuery } from './http/input-guard.ts';
import { documentIdempotencyKey, installIdempotency } from './http/idempotency.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { setupRoutes } from './features/setup/setup.routes.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { identityFromSession, identityFromToken } from './features/auth/index.ts';
import { accountsRoutes } from './features/accounts/accounts.routes.ts';
import { tokensRoutes } from './features/tokens/tokens.routes.ts';
import { unitsRoutes, IMPORT_FILE_LIMIT } from './features/units/units.routes.ts';
import multipart from '@fastify/multipart';
import { bodiesRoutes } from './features/bodies/bodies.routes.ts';
import { peopleRoutes } from './features/people/people.routes.ts';
import { rolesRoutes } from './features/roles/roles.routes.ts';
import { auditRoutes } from './features/audit/audit.routes.ts';
import { handoverRoutes } from './features/handover/handover.routes.ts';
import { filesRoutes } from './features/files/files.routes.ts';
import { petitionsRoutes } from './features/petitions/index.ts';
import { publicPetitionsRoutes } from './features/petitions-public/index.ts';
import { petitionDocumentsRoutes } from './features/petitions-documents/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIST = path.join(ROOT, 'web', 'dist');
export const BODY_LIMIT = 1024 * 1024;

const API_TAGS = [
  { name: 'auth', description: 'Signing in and out, the signed-in account, its password and preferences' },
  { name: 'tokens', description: 'Personal API tokens for integrations' },
  {
    name: 'work',
    description: 'Work programmes, task groups and tasks: workflow, progress, extensions, cascade, my work, uploads',
  },
  {
    name: 'work-exports',
    description: 'A programme as an Excel table or a Word report, and a programme made from such a sheet',
  },
  {
    name: 'briefings',
    description: 'Briefings (họp giao ban), their conclusions, the tasks made from them and the notice',
  },
  {
    name: 'reporting',
    description:
      'Reporting: indicators, report forms, submissions and their review, targets, totals up the tree, completeness',
  },
  {
    name: 'legal-deadlines',
    description:
      'Legal deadlines: dated rule versions with their basis and variants, the holiday calendar, computed due dates',
  },
  {
    name: 'petitions',
    description:
      'Petitions (đơn thư): intake and the two registers, classification, forward once, deadlines, follow-up; identities guarded',
  },
  {
    name: 'public-petitions',
    description:
      'The citizens’ side of petitions, without signing in: send one (abuse limits, no captcha) and track it by its code',
  },
  {
    name: 'clearance',
    description:
      'Site clearance (giải phóng mặt bằng): key projects, households and their consent over time, mobilisation visits',
  },
  {
    name: 'dialogues',
    description: 'Dialogues (đối thoại) with residents: attendees, minutes, outcomes and their tasks',
  },
  { name: 'notifications', description: 'My notifications, their settings and the my-work digest' },
  { name: 'files', description: 'Stored files: photos and attachments' },
  { name: 'units', description: 'Administrative units as of a date, their history and links; villages' },
  { name: 'bodies', description: 'Bodies (tổ chức) of the bloc on each unit, their lines and kinds' },
  { name: 'people', description: 'People (cán bộ), their positions in bodies and photos' },
  { name: 'exports', description: 'The list pages (people, bodies, accounts) as Excel' },
  { name: 'accounts', description: 'Accounts (administrators)' },
  { name: 'roles', description: 'Roles and the dated role assignments of accounts' },
  { name: 'handover', description: 'Handing an account’s open work to another account' },
  { name: 'audit', description: 'The audit log' },
  { name: 'retention', description: 'How long personal data is kept' },
  { name: 'setup', description: 'The first-run creation of the first administrator' },
  { name: 'health', description: 'Monitoring' },
];

export type BuildOptions = {
  logger?: FastifyServerOptions['logger'];
  /** serve the built web app (off in API tests) */
  serveWeb?: boolean;
};

/** JSON bodies: UTF-8 only (a bad byte is refused, not replaced), strings normalised to NFC. */
function parseJson(body: Buffer, contentType: string | undefined): unknown {
  const charset = /charset=([^;]+)/i
    .exec(contentType ?? '')?.[1]
    ?.trim()
    .toLowerCase()
    .replace(/"/g, '');
  if (charset && charset !== 'utf-8' && charset !== 'utf8') throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  let textBody: string;
  try {
    textBody = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new AppError('BAD_ENCODING');
  }
  if (textBody.trim() === '') return undefined;
  try {
    return JSON.parse(textBody, (_key, value: unknown) => (typeof value === 'string' ? value.normalize('NFC') : value));
  } catch {
    throw new AppError('INVALID_JSON');
  }
}

class CompletedOnlyLog extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error)
      reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

/** Builds the HTTP application around a context (database, clock, config). */
export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? (process.env.KHOI_TEST_LOG ? { level: 'error' } : false),
    bodyLimit: BODY_LIMIT,
    trustProxy: ctx.env.KHOI_TRUST_PROXY,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { maxParamLength: 200, querystringParser: parseQuery },
    frameworkErrors,
    clientErrorHandler: (err, socket) => {
      if (socket.writable && !(err as { code?: string }).code?.startsWith('ECONNRESET'))
        socket.end(clientErrorResponse(err));
      else socket.destroy(err);
    },
    ajv: undefined,
    // One access line per request ("request completed", with the method, URL, status and time) instead of two: the
    // log is written synchronously, and each line is a system call on the request's path.
    logController: new CompletedOnlyLog(),
  });

  app.setValidatorCompiler(({ schema, httpPart }) => (data: unknown) => {
    // A POST with no body at all arrives as null: treat it as absent.
    const input = httpPart === 'body' && data === null ? undefined : data;
    // What no field may hold (NUL, lone surrogates, deep nesting) is refused before any schema reads it.
    const bad = guardInput(input);
    if (bad) return { error: new RequestValidationError([bad], httpPart ?? 'body') };
    const result = (schema as ZodType).safeParse(input, { reportInput: true });
    return result.success
      ? { value: result.data }
      : { error: new RequestValidationError(result.error.issues, httpPart ?? 'body') };
  });
  app.setSerializerCompiler(serializerCompiler);

  // Every API route with its access rules, for the generated scope matrix test.
  const routes: { method: string; url: string; auth: string; scope?: string }[] = [];
  app.decorate('khoiRoutes', routes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs') || route.url === '/api/openapi.json')
      return;
    for (const m of Array.isArray(route.method) ? route.method : [route.method]) {
      if (m === 'HEAD') continue;
      routes.push({ method: m, url: route.url, auth: route.config?.auth ?? 'user', scope: route.config?.scope });
    }
  });

  // Nothing is accepted silently: a route that declares no query string or body refuses one.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    route.schema ??= {};
    route.schema.querystring ??= z.strictObject({});
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.some((m) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(m)) && !route.config?.multipart)
      route.schema.body ??= z.strictObject({}).optional();
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    try {
      done(null, parseJson(body as Buffer, request.headers['content-type']));
    } catch (err) {
      done(err as Error, undefined);
    }
  });

  installErrorHandling(app);
  await app.register(multipart, { limits: { fileSize: IMPORT_FILE_LIMIT, files: 1, fields: 10, parts: 11 } });
  await app.register(cookie);
  // Security headers (helmet), the middleware made once: @fastify/helmet made a new one on every request, parsing
  // the CSP each time (2 % of a task page's time in Node).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (err) => done(err as Error | undefined)),
  );
  await app.register(rateLimit, { global: false });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Khối API',
        version: '1',
        description:
          'The API of Khối. Authenticate with the session cookie (browser; send X-CSRF-Token on writes) or a personal API token: `Authorization: Bearer khoi_…` (create one under Tài khoản của tôi). Errors: `{ error: { code, message, field?, issues? } }`, messages in the language of Accept-Language.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token' },
          session: { type: 'apiKey', in: 'cookie', name: 'khoi_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
      // One tag per module (server/features), in the order the documentation lists them; every operation has exactly
      // one of them and an operationId of its own (test/api-docs.test.ts).
      tags: API_TAGS,
    },
    // Upload routes take multipart/form-data with one `file` part; zod describes JSON bodies only. A download route
    // lists its file's media types in `produces`: its 200 is the file itself, its errors stay JSON.
    transform: (input) => {
      const transformed = jsonSchemaTransform(input);
      // Who may call it, said in the documentation.
      const who = {
        public: 'Access: anyone.',
        user: 'Access: any signed-in account.',
        admin: 'Access: administrators.',
      }[input.route.config?.auth ?? 'user'];
      const scoped = input.route.config?.scope ? ' Changes are limited to the units in the caller’s scope.' : '';
      const schema = transformed.schema as { description?: string };
      const { produces, ...rest } = transformed.schema as { produces?: readonly string[]; response?: object };
      const download = produces && {
        description: 'The file',
        headers: {
          'Content-Disposition': {
            type: 'string',
            description: 'attachment (inline for a stored file) with the file’s name as filename*',
          },
        },
        content: Object.fromEntries(produces.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
      };
      const out = {
        ...transformed,
        schema: {
          ...rest,
          description: [schema.description, who + scoped].filter(Boolean).join(' '),
          ...(download ? { response: { 200: download, ...rest.response } } : {}),
        },
      };
      if (!input.route.config?.multipart) return out;
      const fields = input.route.config.multipartFields
        ? (z.toJSONSchema(input.route.config.multipartFields, { target: 'draft-7', io: 'input' }) as {
            properties?: object;
            required?: string[];
          })
        : {};
      const file = {
        type: 'object',
        required: ['file', ...(fields.required ?? [])],
        properties: {
          ...fields.properties,
          file: { type: 'string', format: 'binary', description: 'The file (its types and size in the summary)' },
        },
      };
      return { ...out, schema: { ...out.schema, consumes: ['multipart/form-data'], body: file } };
    },
    transformObject: (documents) =>
      'openapiObject' in documents ? documentIdempotencyKey(documents.openapiObject) : documents.swaggerObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list', deepLinking: true, displayOperationId: true },
  });
  app.get('/api/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, () => app.swagger());

  installAuth(app, ctx, { fromSession: identityFromSession, fromToken: identityFromToken });
  installIdempotency(app, ctx);
  healthRoutes(app, ctx);
  setupRoutes(app, ctx);
  authRoutes(app, ctx);
  accountsRoutes(app, ctx);
  tokensRoutes(app, ctx);
  unitsRoutes(app, ctx);
  bodiesRoutes(app, ctx);
  peopleRoutes(app, ctx);
  rolesRoutes(app, ctx);
  auditRoutes(app, ctx);
  handoverRoutes(app, ctx);
  filesRoutes(app, ctx);
  workRoutes(app, ctx);
  wireModules();
  retentionRoutes(app, ctx);
  listExportRoutes(app, ctx);
  briefingsRoutes(app, ctx);
  workExportsRoutes(app, ctx);
  notificationsRoutes(app, ctx);
  reportingRoutes(app, ctx);
  clearanceRoutes(app, ctx);
  dialoguesRoutes(app, ctx);
  legalDeadlinesRoutes(app, ctx);
  petitionsRoutes(app, ctx);
  publicPetitionsRoutes(app, ctx);
  petitionDocumentsRoutes(app, ctx);

  if (opts.serveWeb !== false && fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    // Scripts and styles carry a hash of their content in their name (Vite): a browser keeps them for a year and asks
    // again only for index.html, which names the current ones. Their brotli or gzip copy goes to a browser that accepts it.
    const assets = path.join(WEB_DIST, 'assets') + path.sep;
    const serviceWorker = path.join(WEB_DIST, 'sw.js');
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      index: false,
      preCompressed: true,
      maxAge: '1h',
      immutable: false,
      setHeaders: (res, file) => {
        if (file.startsWith(assets)) void res.header('cache-control', 'public, max-age=31536000, immutable');
        // The service worker is checked on every visit, so a new build's worker (and its list of files) is found.
        else if (file === serviceWorker) void res.header('cache-control', 'no-cache');
      },
    });
    const indexHtml = fs.readFileSync(path.join(WEB_DIST, 'index.html'));
    app.get('/', { config: { auth: 'public' }, schema: { hide: true } }, (_req, reply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml),
    );
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/')) {
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
      }
      throw new AppError('ROUTE_NOT_FOUND');
    });
  } else {
    app.setNotFoundHandler(() => {
      throw new AppError('ROUTE_NOT_FOUND');
    });
  }
  return app;
}
