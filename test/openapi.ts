import type { FastifyInstance } from 'fastify';
import { call } from './app.ts';
import type { Schema } from './openapi-arbitraries.ts';

/** The parts of an OpenAPI 3.0 document the generated suites read. */
export type Media = Record<string, { schema?: Schema & { properties?: Record<string, Schema> } }>;
export type Operation = {
  operationId?: string;
  tags?: string[];
  parameters?: { in: string; name: string; schema: Schema }[];
  requestBody?: { content: Media };
  responses: Record<string, { content?: Media }>;
};
export type OpenApiDoc = {
  openapi: string;
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { parameters?: Record<string, { name: string; in: string }> };
};

/** An id no record has, for the paths of generated requests. */
export const DUMMY_ID = '00000000-0000-4000-8000-000000000001';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** The API's OpenAPI document, as an integrator reads it. */
export async function openApiDocument(app: FastifyInstance): Promise<OpenApiDoc> {
  return (await call(app, { url: '/api/openapi.json' })).json<OpenApiDoc>();
}

/** Every operation of the document — a route added later is in this list, so every suite that walks it covers the
 * route without being edited: its method, its path as documented (`/api/tasks/{id}`), as Fastify registered it
 * (`/api/tasks/:id`) and with a dummy id in it, and the operation. */
export function operationsOf(doc: OpenApiDoc) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        route: path.replace(/\{(\w+)\}/g, ':$1'),
        url: path.replace(/\{[^}]+\}/g, DUMMY_ID),
        op,
      })),
  );
}
