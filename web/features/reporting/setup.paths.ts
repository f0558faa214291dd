/** The addresses of the indicator, report form and target pages (the menu imports them without the pages' code). */
export const INDICATORS_PATH = '/bao-cao/chi-tieu';
export const REPORT_FORMS_PATH = '/bao-cao/mau';
export const TARGETS_PATH = '/bao-cao/ke-hoach';
export const REPORT_RULES_PATH = '/bao-cao/quy-tac';
export const reportFormPath = (id: string) => `${REPORT_FORMS_PATH}/${encodeURIComponent(id)}`;
