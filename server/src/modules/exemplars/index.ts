// Public surface of the exemplars module: exemplary models (điển hình tiên tiến) proposed by a unit,
// confirmed by the level above, carried through their four stages, and published for the portal.
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { registerExemplarRoutes } from './exemplars.routes.ts';
import { registerExemplarPartRoutes } from './parts/parts.routes.ts';
import { registerExemplarTodos } from './todo/exemplar-todos.ts';

export {
  findPublishedExemplar,
  findPublishedPhotoFile,
  listPublishedExemplars,
  listPublishedPhotos,
  type PublishedExemplar,
} from './exemplars.repo.ts';
export { addReplication, linkAward } from './parts/exemplar-links.service.ts';
export {
  advanceExemplar,
  createExemplar,
  publishExemplar,
  reviewExemplar,
} from './records/exemplars.service.ts';

/** Every route of the exemplars module, and its to-do kind. */
export function registerExemplarModule(app: FastifyInstance, context: ModuleContext): void {
  registerExemplarRoutes(app, context);
  registerExemplarPartRoutes(app, context);
  registerExemplarTodos(context.todo);
}
