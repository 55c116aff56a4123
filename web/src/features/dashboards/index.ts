// The dashboards feature: "Biểu đồ, công bằng" (charts of a unit's subtree by year with their tables).
export { DashboardsPage } from './dashboards-page.tsx';
