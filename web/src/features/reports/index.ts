export { ReportPage } from './report-page.tsx';
export { RequestListPage } from './request-list-page.tsx';
export { RequestPage } from './request-page.tsx';
export { TemplateListPage } from './templates/template-list-page.tsx';
