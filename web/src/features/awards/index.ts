export { PersonAwardSection, UnitAwardSection } from './award-history-section.tsx';
export { CandidatesPage } from './candidates-page.tsx';
export { CataloguePage } from './catalogue-page.tsx';
