export { DecisionListPage } from './decision-list-page.tsx';
export { DecisionPage } from './decision-page.tsx';
export { FundPage } from './fund-page.tsx';
