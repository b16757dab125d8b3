import {
  useMutation,
  useQueryClient,
  type QueryClient,
  type UseMutationOptions,
} from '@tanstack/react-query';
import {
  request,
  type Method,
  type OptionsArg,
  type Operation,
  type PathOf,
  type ResponseOf,
} from './client.ts';

/**
 * The first element of every query key: what a query reads. A write refreshes whole resources by these roots
 * (`refreshAfter`), so a feature names its keys freely after the root.
 */
export type QueryRoot =
  | 'me'
  | 'roles'
  | 'accounts'
  | 'audit'
  | 'territory'
  | 'fact-sheet'
  | 'insights'
  | 'registry'
  | 'registry-import'
  | 'people'
  | 'organisation'
  | 'leaders'
  | 'party'
  | 'grid-workers'
  | 'volunteers'
  | 'rounds'
  | 'visit-logs'
  | 'duties'
  | 'contacts'
  | 'planner'
  | 'settings';

export type QueryKey = readonly [QueryRoot, ...unknown[]];

/** A feature's key table: keys, and functions making keys. */
export type QueryKeys = Record<string, QueryKey | ((...args: never[]) => QueryKey)>;

type WriteMethod = Exclude<Method, 'get'>;

/** Every write operation of the API, as `'POST /residents/{id}/move'`. */
export type Write = { [M in WriteMethod]: `${Uppercase<M>} ${PathOf<M>}` }[WriteMethod];

/** The query roots a write makes stale, or every query. */
type Refreshes = readonly QueryRoot[] | 'everything';

// A registry write changes lists, cards, fact sheets, the dashboard's figures and the audit log.
const registryWrite = ['registry', 'fact-sheet', 'insights', 'audit'] as const;
const accountWrite = ['accounts', 'audit'] as const;
// A party write changes the organisation tree, the figures and the audit log; one giving or ending access, accounts too.
const partyWrite = ['party', 'insights', 'audit'] as const;
const partyAccessWrite = ['party', 'insights', 'audit', 'accounts', 'people'] as const;

/**
 * What each write refreshes once it succeeds: the one place that says it. The type lists every write operation of
 * the document, so a new endpoint does not compile until its line is added here.
 */
export const refreshAfter = {
  // Signing in or out replaces the whole cache (features/auth/api.ts).
  'POST /auth/login': [],
  'POST /auth/logout': [],
  'POST /me/password': ['me'],
  // The hook puts the new value into the cache itself (api/preferences.ts); nothing else reads preferences.
  'PUT /me/preferences/{key}': [],
  // Notifications live under `me` (signing in or out replaces them).
  'POST /me/notifications/{id}/read': ['me'],
  'POST /me/notifications/read-all': ['me'],
  // The map and the building search are under the territory keys too.
  'POST /territories': ['territory'],
  'PATCH /territories/{id}': ['territory'],
  'POST /registry/imports': ['registry-import'],
  'POST /residents/exports': [],
  'POST /registry/imports/{id}/discard': ['registry-import'],
  // New residents change every list, card, fact sheet and figure: on the commit, and again once it has finished
  // (the import page watches it).
  'POST /registry/imports/{id}/commit': 'everything',
  'POST /households': registryWrite,
  'PATCH /households/{id}': registryWrite,
  'POST /households/{id}/move-out': registryWrite,
  'POST /residents': registryWrite,
  'PATCH /residents/{id}': registryWrite,
  'POST /residents/{id}/move': registryWrite,
  'POST /residents/{id}/move-out': registryWrite,
  // Reading clear personal data is audited.
  'POST /residents/{id}/reveal': ['audit'],
  'POST /accounts': accountWrite,
  'PATCH /accounts/{id}': accountWrite,
  'POST /accounts/{id}/password-reset': accountWrite,
  'PUT /accounts/{id}/roles': accountWrite,
  'POST /accounts/{id}/reveal': ['audit'],
  // People have no screens yet; their figures are on the dashboard.
  'POST /people': ['people', 'insights', 'audit'],
  'PUT /people/{id}/account': ['people', 'accounts', 'insights', 'audit'],
  'POST /leaders/terms': ['leaders', 'people', 'audit'],
  'POST /leaders/terms/{id}/review': ['leaders', 'people', 'accounts', 'insights', 'audit'],
  'POST /leaders/terms/{id}/end': ['leaders', 'accounts', 'insights', 'audit'],
  'POST /leaders/terms/{id}/renew': ['leaders', 'accounts', 'insights', 'audit'],
  'POST /leaders/terms/{id}/withdraw': ['leaders', 'audit'],
  'PUT /leaders/buildings/{id}/chat': ['leaders', 'audit'],
  'POST /leaders/me/residents/{id}/call': ['audit'],
  'POST /party/orgs': partyWrite,
  'PATCH /party/orgs/{id}': partyAccessWrite,
  'POST /party/orgs/{id}/merge': partyAccessWrite,
  'POST /party/orgs/{id}/dissolve': partyAccessWrite,
  'POST /party/members': partyWrite,
  'PATCH /party/members/{id}': partyAccessWrite,
  'POST /party/members/{id}/end': partyAccessWrite,
  'POST /party/secretaries': partyAccessWrite,
  'POST /party/secretaries/{id}/end': partyAccessWrite,
  'POST /party/alliance-units': partyWrite,
  'POST /party/alliance-units/{id}/end': partyWrite,
  'POST /party/registrations': partyWrite,
  'POST /party/registrations/{id}/approve': partyAccessWrite,
  'POST /party/registrations/{id}/reject': partyWrite,
  'POST /party/registrations/{id}/deregister': partyAccessWrite,
  'POST /party/registrations/{id}/transfer': partyAccessWrite,
  // An appointment may record a person and open an account; figures count grid workers.
  'POST /grid-workers': ['grid-workers', 'people', 'accounts', 'insights', 'audit'],
  'POST /grid-workers/{id}/end': ['grid-workers', 'accounts', 'insights', 'audit'],
  // A county setting (a load limit, the base map) changes what the pages mark and draw.
  'PUT /settings/{key}': ['settings', 'grid-workers', 'organisation', 'territory', 'audit'],
  'POST /volunteers/me': ['volunteers', 'insights', 'audit'],
  'POST /volunteers': ['volunteers', 'people', 'insights', 'audit'],
  'POST /volunteers/{id}/end': ['volunteers', 'insights', 'audit'],
  'POST /volunteer-teams': ['volunteers', 'audit'],
  'PATCH /volunteer-teams/{id}': ['volunteers', 'audit'],
  'POST /volunteer-teams/{id}/dissolve': ['volunteers', 'audit'],
  'POST /volunteer-teams/{id}/join': ['volunteers', 'audit'],
  'POST /volunteer-teams/{id}/leave': ['volunteers', 'audit'],
  // A round's list, progress and the dashboard's round figures.
  'POST /rounds': ['rounds', 'insights', 'audit'],
  'POST /rounds/{id}/close': ['rounds', 'insights', 'audit'],
  'POST /rounds/{id}/visits': ['rounds', 'insights', 'audit'],
  'POST /rounds/visit-photos': ['rounds', 'audit'],
  'POST /rounds/{id}/calls': ['audit'],
  // Visit logs: the list, the drawer, the dashboard's figure.
  'POST /visit-logs': ['visit-logs', 'insights', 'audit'],
  'PATCH /visit-logs/{id}': ['visit-logs', 'audit'],
  'POST /visit-logs/{id}/comments': ['visit-logs', 'audit'],
  'POST /visit-logs/{id}/follow-up': ['visit-logs', 'audit'],
  // Duty lists and tasks: the lists, my tasks and the board, the completion figures.
  'POST /duties/items': ['duties', 'audit'],
  'PATCH /duties/items/{id}': ['duties', 'audit'],
  'POST /duties/tasks/{id}/complete': ['duties', 'insights', 'audit'],
  'POST /duties/task-photos': ['duties', 'audit'],
  'POST /duties/generate': ['duties', 'insights', 'audit'],
  // Contacts (联系挂包): coverage, lists, the household's contacts and the dashboard's figures.
  'PUT /contacts/settings': ['contacts', 'audit'],
  // A designation sets the party member's central household flag (the party page shows it).
  'POST /contacts/central-households': ['contacts', 'party', 'insights', 'audit'],
  'POST /contacts/central-households/{id}/end': ['contacts', 'party', 'insights', 'audit'],
  'POST /contacts/proposal/apply': ['contacts', 'insights', 'audit'],
  'POST /households/{id}/contacts': ['contacts', 'insights', 'audit'],
  'POST /households/{id}/contacts/end': ['contacts', 'insights', 'audit'],
  // Grid planner: proposals and barriers.
  'POST /planner/proposals': ['planner', 'audit'],
  'POST /planner/proposals/{id}/moves': ['planner', 'audit'],
  // Applying a plan redraws grids and moves buildings, households and residents.
  'POST /planner/proposals/{id}/apply': 'everything',
  'POST /planner/barriers': ['planner', 'audit'],
  'POST /planner/barriers/import': ['planner', 'audit'],
  'DELETE /planner/barriers/{id}': ['planner', 'audit'],
} as const satisfies Record<Write, Refreshes>;

/** Marks stale (and refetches, where shown) what `write` changed. */
export async function refresh(queryClient: QueryClient, write: Write): Promise<void> {
  const roots: Refreshes = refreshAfter[write];
  if (roots === 'everything') return queryClient.invalidateQueries();
  await Promise.all(roots.map((root) => queryClient.invalidateQueries({ queryKey: [root] })));
}

type MethodOf<W extends Write> = W extends `${infer M} ${string}` ? Lowercase<M> & WriteMethod : never;
type PathOfWrite<W extends Write> = W extends `${string} ${infer P}` ? P & PathOf<MethodOf<W>> : never;
/** The operation a write names. */
export type WriteOperation<W extends Write> = Operation<MethodOf<W>, PathOfWrite<W>>;

/** Sends the write's request: its path parameters, query and body as the document has them. */
export type Send<W extends Write> = (
  ...options: OptionsArg<WriteOperation<W>>
) => Promise<ResponseOf<WriteOperation<W>>>;

/**
 * A mutation of one write operation. `mutationFn` gets the input and `send`, bound to the operation; on success the
 * queries `refreshAfter` names are refreshed (and awaited) before `options.onSuccess` runs.
 *
 *     useApiMutation('POST /residents/{id}/move', async ({ id, ...body }: MoveInput, send) =>
 *       (await send({ path: { id }, body })).data);
 */
export function useApiMutation<W extends Write, Input = void, Output = ResponseOf<WriteOperation<W>>>(
  write: W,
  mutationFn: (input: Input, send: Send<W>) => Promise<Output>,
  options: Omit<UseMutationOptions<Output, Error, Input>, 'mutationFn'> = {},
) {
  const queryClient = useQueryClient();
  const space = write.indexOf(' ');
  const method = write.slice(0, space).toLowerCase() as WriteMethod;
  const path = write.slice(space + 1);
  const send = ((...args: unknown[]) =>
    (request as (method: string, path: string, ...rest: unknown[]) => Promise<unknown>)(
      method,
      path,
      ...args,
    )) as Send<W>;
  return useMutation({
    ...options,
    mutationFn: (input: Input) => mutationFn(input, send),
    onSuccess: async (...args) => {
      await refresh(queryClient, write);
      await options.onSuccess?.(...args);
    },
  });
}
