/**
 * The server's contract as types: what each route takes and answers, read from api-schema.d.ts (generated from the
 * routes' zod schemas by `npm run api:types`), so that a server change the web app does not follow fails `tsc`.
 *
 *   type TaskDetail = Ok<'/api/tasks/{id}'>;              // the JSON of GET's 200 (or 201)
 *   type Task = Item<Ok<'/api/tasks'>['items']>;           // one element of an array in it
 *   type NewTask = Body<'/api/tasks', 'post'>;             // the JSON request body
 *   type TaskListQuery = Query<'/api/tasks'>;              // the query string's parameters
 */
import type { paths } from './api-schema.d.ts';

export type { paths } from './api-schema.d.ts';

export type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';

/** The routes (OpenAPI paths, `{id}` for a parameter) that answer method M. */
export type Route<M extends Method = 'get'> = {
  [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never;
}[keyof paths];

type Operation<P extends Route<M>, M extends Method> = Extract<paths[P][M], { responses: unknown }>;

type Content<T, Type extends string> = T extends { content: { [K in Type]: infer C } } ? C : never;

type Success<R> = R extends { 200: infer A } ? A : R extends { 201: infer A } ? A : never;

/** The JSON a route answers on success (its 200, else its 201). */
export type Ok<P extends Route<M>, M extends Method = 'get'> = Content<
  Success<Operation<P, M>['responses']>,
  'application/json'
>;

/** The error answer of every route (4xx, 5xx): `{ error: { code, message, field?, issues?, … } }`. */
export type ErrorAnswer = Content<Operation<'/api/auth/login', 'post'>['responses'][400], 'application/json'>;

/** The JSON body a route takes. */
export type Body<P extends Route<M>, M extends Method> = Content<
  NonNullable<Operation<P, M>['requestBody']>,
  'application/json'
>;

/** The fields of a multipart upload besides its file (sent as FormData). */
export type FormFields<P extends Route<M>, M extends Method> = Omit<
  Content<NonNullable<Operation<P, M>['requestBody']>, 'multipart/form-data'>,
  'file'
>;

/** The query string's parameters of a route (all optional unless the server requires one). */
export type Query<P extends Route<M>, M extends Method = 'get'> = NonNullable<Operation<P, M>['parameters']['query']>;

/** The elements of an array type. */
export type Item<A> = A extends readonly (infer T)[] ? T : never;

/** A query as a page holds it: any parameter may also be null, which api() leaves out as it does undefined. */
export type QueryInput<Q> = { [K in keyof Q]?: Q[K] | null };

/** `true` when the list names every member of the union U: `const _all: Covers<typeof LIST, U> = true` fails to compile when the server adds one. */
export type Covers<List extends readonly unknown[], U> = [U] extends [List[number]] ? true : false;

/** T with the fields K always present (a page that always sends a parameter the server has as optional). */
export type WithRequired<T, K extends keyof T> = T & { [P in K]-?: Exclude<T[P], undefined> };
