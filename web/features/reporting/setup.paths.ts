/** The addresses of the indicator and report form pages (the menu imports them without the pages' code). */
export const INDICATORS_PATH = '/bao-cao/chi-tieu';
export const REPORT_FORMS_PATH = '/bao-cao/mau';
export const reportFormPath = (id: string) => `${REPORT_FORMS_PATH}/${encodeURIComponent(id)}`;
