import type { TodoRegistry } from '#server/platform/todo/todo-registry.ts';
import { planFollowUpTodos, planObligationTodos, unitWithoutOfficerTodos } from './obligation-todos.ts';
import { registrationFixTodos, registrationReviewTodos } from './registration-todos.ts';
import { assignmentTodos, milestoneTodos } from './timeline-todos.ts';

/** Registers the movements module's to-do providers: plans to issue and follow up, registrations, timeline. */
export function registerMovementTodos(registry: TodoRegistry): void {
  for (const provider of [
    planObligationTodos,
    planFollowUpTodos,
    registrationReviewTodos,
    registrationFixTodos,
    assignmentTodos,
    milestoneTodos,
    unitWithoutOfficerTodos,
  ]) {
    registry.register(provider);
  }
}
