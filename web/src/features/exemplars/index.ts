export { ExemplarListPage } from './exemplar-list-page.tsx';
export { ExemplarPage } from './exemplar-page.tsx';
export { MovementExemplars } from './movement-exemplars.tsx';
