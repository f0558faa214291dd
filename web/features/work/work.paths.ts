/** Addresses of the work pages (the menu entries in web/menu.tsx use the first two). */
export const PROGRAMMES_PATH = '/chuong-trinh';
export const TASK_PATH = '/nhiem-vu';

export const programmePath = (id: string, search = '') =>
  `${PROGRAMMES_PATH}/${encodeURIComponent(id)}${search ? `?${search}` : ''}`;
export const taskPath = (id: string) => `${TASK_PATH}/${encodeURIComponent(id)}`;
/** A briefing's page (the briefings module); a conclusion that became a task links there. */
export const briefingPath = (id: string) => `/giao-ban/${encodeURIComponent(id)}`;
