import { useQuery } from '@tanstack/react-query';
import { TODO_LIMIT_DEFAULT, TodoList } from '../../../../contracts/todo.ts';
import { api } from '../../lib/api-client.ts';

/** Cache key of the to-do list. */
export const todoKeys = { all: ['todo'] as const };

/**
 * The user's "Việc cần làm": read afresh each time the home page opens and whenever the window
 * regains focus (the work may have been done in another tab or by a colleague).
 */
export function useTodo() {
  return useQuery({
    queryKey: todoKeys.all,
    queryFn: ({ signal }) =>
      api.get('/api/todo', { query: { limit: TODO_LIMIT_DEFAULT }, schema: TodoList, signal }),
    staleTime: 0,
    refetchOnWindowFocus: true,
  });
}
