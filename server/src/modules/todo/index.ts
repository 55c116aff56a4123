export { registerTodoRoutes } from './todo.routes.ts';
