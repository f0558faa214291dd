import { today } from '../../clock.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { isoDate, ref } from '../../http/schemas.ts';
import { sendXlsx, viDate, xlsxTable } from '../../http/xlsx-table.ts';
import { XLSX_TYPE } from '../../documents/admin-docx.ts';
import { pickLang } from '../../i18n/messages.ts';
import { listAccounts } from '../accounts/index.ts';
import { listBodies } from '../bodies/index.ts';
import { bodiesListQuery as bodiesQuery } from '../bodies/index.ts';
import { listPeople } from '../people/index.ts';

/** The list pages' tables as Excel, with the same filters as the page (every row, not one page of them). */
const MAX_ROWS = 10_000;
const errors = errorResponses(400, 401, 403, 404);
const H = {
  vi: {
    name: 'Họ và tên',
    gender: 'Giới tính',
    male: 'Nam',
    female: 'Nữ',
    positions: 'Chức vụ',
    account: 'Có tài khoản',
    yes: 'Có',
    no: 'Không',
    body: 'Tên tổ chức',
    short: 'Tên viết tắt',
    kind: 'Loại',
    unit: 'Đơn vị hành chính',
    parent: 'Trực thuộc',
    from: 'Từ ngày',
    to: 'Đến ngày',
    username: 'Tên đăng nhập',
    email: 'Thư điện tử',
    phone: 'Điện thoại',
    admin: 'Quản trị',
    status: 'Trạng thái',
    active: 'Đang hoạt động',
    disabled: 'Đã khóa',
    lastLogin: 'Đăng nhập gần nhất',
    people: 'Danh sách cán bộ',
    bodies: 'Danh sách tổ chức',
    accounts: 'Danh sách tài khoản',
    asOf: 'ngày',
  },
  en: {
    name: 'Full name',
    gender: 'Gender',
    male: 'Male',
    female: 'Female',
    positions: 'Positions',
    account: 'Has an account',
    yes: 'Yes',
    no: 'No',
    body: 'Body',
    short: 'Short name',
    kind: 'Kind',
    unit: 'Unit',
    parent: 'Above it',
    from: 'From',
    to: 'Until',
    username: 'Username',
    email: 'E-mail',
    phone: 'Phone',
    admin: 'Administrator',
    status: 'Status',
    active: 'Active',
    disabled: 'Disabled',
    lastLogin: 'Last sign-in',
    people: 'People',
    bodies: 'Bodies',
    accounts: 'Accounts',
    asOf: 'as of',
  },
};

export function listExportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const lang = (q: FastifyRequest) => pickLang(q.headers['accept-language']);

  r.get('/api/people/export.xlsx', {
    schema: {
      operationId: 'exportPeopleXlsx',
      tags: ['exports'],
      produces: [XLSX_TYPE],
      summary: 'The people list as Excel (same filters as GET /api/people; no personal data)',
      querystring: z.strictObject({
        q: z.string().trim().max(100).optional(),
        body: ref('body').optional(),
        asOf: isoDate.optional(),
      }),
      response: errors,
    },
    handler: async (request, reply) => {
      const h = H[lang(request)];
      const asOf = request.query.asOf ?? today(ctx);
      const { items } = await listPeople({ app: ctx }, { ...request.query, asOf, page: 1, pageSize: MAX_ROWS });
      const data = await xlsxTable(
        `${h.people} (${h.asOf} ${viDate(asOf)})`,
        [
          { header: h.name, width: 28, value: (p) => p.fullName },
          { header: h.gender, width: 10, value: (p) => (p.gender ? h[p.gender] : null) },
          {
            header: h.positions,
            width: 70,
            value: (p) => p.positions.map((x) => `${x.title} – ${x.bodyName}`).join('\n'),
          },
          { header: h.account, width: 14, value: (p) => (p.hasAccount ? h.yes : h.no) },
        ],
        items,
      );
      return sendXlsx(reply, `${h.people}.xlsx`, data);
    },
  });

  r.get('/api/bodies/export.xlsx', {
    schema: {
      operationId: 'exportBodiesXlsx',
      tags: ['exports'],
      produces: [XLSX_TYPE],
      summary: 'The bodies list as Excel (same filters as GET /api/bodies)',
      querystring: bodiesQuery,
      response: errors,
    },
    handler: async (request, reply) => {
      const h = H[lang(request)];
      const items = await listBodies({ app: ctx, lang: lang(request) }, request.query);
      const data = await xlsxTable(
        `${h.bodies} (${h.asOf} ${viDate(request.query.asOf ?? today(ctx))})`,
        [
          { header: h.body, width: 48, value: (b) => b.name },
          { header: h.short, width: 18, value: (b) => b.shortName },
          { header: h.kind, width: 28, value: (b) => b.kindName },
          { header: h.unit, width: 26, value: (b) => b.unitName },
          { header: h.parent, width: 40, value: (b) => b.parentName },
          { header: h.from, width: 12, value: (b) => viDate(b.validFrom) },
          { header: h.to, width: 12, value: (b) => viDate(b.validTo) },
        ],
        items,
      );
      return sendXlsx(reply, `${h.bodies}.xlsx`, data);
    },
  });

  r.get('/api/accounts/export.xlsx', {
    config: { auth: 'admin' },
    schema: {
      operationId: 'exportAccountsXlsx',
      tags: ['exports'],
      produces: [XLSX_TYPE],
      summary: 'The accounts list as Excel (same search as GET /api/accounts)',
      querystring: z.strictObject({ q: z.string().max(100).optional() }),
      response: errors,
    },
    handler: async (request, reply) => {
      const h = H[lang(request)];
      const { items } = await listAccounts({ app: ctx }, { q: request.query.q, page: 1, pageSize: MAX_ROWS });
      const data = await xlsxTable(
        h.accounts,
        [
          { header: h.username, width: 22, value: (a) => a.username },
          { header: h.name, width: 28, value: (a) => a.displayName },
          { header: h.email, width: 28, value: (a) => a.email },
          { header: h.phone, width: 14, value: (a) => a.phone },
          { header: h.admin, width: 12, value: (a) => (a.isAdmin ? h.yes : h.no) },
          { header: h.status, width: 16, value: (a) => (a.disabled ? h.disabled : h.active) },
          {
            header: h.lastLogin,
            width: 20,
            value: (a) =>
              a.lastLoginAt ? new Date(a.lastLoginAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : null,
          },
        ],
        items,
      );
      return sendXlsx(reply, `${h.accounts}.xlsx`, data);
    },
  });
}
