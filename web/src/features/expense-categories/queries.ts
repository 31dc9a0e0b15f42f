import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type ExpenseCategory = Schemas['ExpenseCategoryResponse'];
export type ExpenseCategoryBody = Schemas['ExpenseCategoryRequest'];

export function useCategories() {
  return useQuery({
    queryKey: ['expense-categories'],
    queryFn: async () => unwrap(await api.GET('/compensation/expense-categories')),
  });
}

/** Adds a category, or (with an id) replaces one as it applies from now on. */
export function useSaveCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id?: string; body: ExpenseCategoryBody }) =>
      id
        ? unwrap(await api.PUT('/compensation/expense-categories/{id}', { params: { path: { id } }, body }))
        : unwrap(await api.POST('/compensation/expense-categories', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['expense-categories'] }),
  });
}
