export { BallotPage } from './ballot-page.tsx';
export { SessionListPage } from './session-list-page.tsx';
export { SessionPage } from './session-page.tsx';
