/** The addresses of the reporting pages (the menu imports them without the pages' code). */
export const MY_REPORTS_PATH = '/bao-cao';
export const REPORT_REVIEW_PATH = '/bao-cao/duyet';
export const REPORT_DASHBOARD_PATH = '/bao-cao/tong-hop';
/** The dashboard's `don-vi` for the whole country (the pivot without a unit: rows are the provinces). */
export const COUNTRY = 'ca-nuoc';

export const reportPath = (id: string) => `${MY_REPORTS_PATH}/${encodeURIComponent(id)}`;
export const reviewPath = (id: string) => `${REPORT_REVIEW_PATH}/${encodeURIComponent(id)}`;
