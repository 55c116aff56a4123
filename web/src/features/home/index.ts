export { useHealth } from './health.api.ts';
export { HomePage } from './home-page.tsx';
