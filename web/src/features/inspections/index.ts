export { PlanListPage } from './plan-list-page.tsx';
export { PlanPage } from './plan-page.tsx';
export { TargetPage } from './target-page.tsx';
