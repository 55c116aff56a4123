export { useAuditEvents } from './audit.api.ts';
export { AuditLogPage } from './audit-log-page.tsx';
export { type AuditSearch, readAuditSearch, writeAuditSearch } from './audit-search.ts';
