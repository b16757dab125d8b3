import { Alert, type FormInstance } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { useT } from '../app/i18n.tsx';

/** A form field name: `'username'` or `['roles', 0, 'scopeIds']`. */
export type NamePath = string | number | (string | number)[];

/** Maps an API detail field ("username", "roles.0") to a form field, or null to list it above the form. */
export type FieldMapper = (field: string, code: string) => NamePath | null;

/** Maps a detail field to the form field of the same dotted name when it is one of `names`. */
export function fieldsNamed(...names: string[]): FieldMapper {
  return (field) => (names.includes(field) ? field : null);
}

type Problem = { message: string; items: string[]; requestId: string | null };

/**
 * Shows an API error on a form: each field detail under its field, the rest (and the error's own message)
 * in an alert returned as `alert`. `apply` takes whatever a mutation rejected with.
 */
export function useApiFormErrors<Values>(form: FormInstance<Values>, mapField: FieldMapper) {
  const t = useT();
  const [problem, setProblem] = useState<Problem | null>(null);
  const apply = useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) {
        setProblem({
          message: error instanceof Error ? error.message : String(error),
          items: [],
          requestId: null,
        });
        return;
      }
      const onFields = new Map<string, { name: NamePath; errors: string[] }>();
      const items: string[] = [];
      for (const detail of error.details) {
        const name = mapField(detail.field, detail.code);
        if (name === null) {
          items.push(detail.message);
          continue;
        }
        const key = JSON.stringify(name);
        const entry = onFields.get(key) ?? { name, errors: [] };
        if (!entry.errors.includes(detail.message)) entry.errors.push(detail.message);
        onFields.set(key, entry);
      }
      form.setFields(
        [...onFields.values()].map(({ name, errors }) => ({ name, errors })) as Parameters<
          typeof form.setFields
        >[0],
      );
      setProblem({ message: error.message, items, requestId: error.status >= 500 ? error.requestId : null });
    },
    [form, mapField],
  );
  const clear = useCallback(() => setProblem(null), []);
  const alert: ReactNode = problem ? (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="form-error"
      style={{ marginBottom: 16 }}
      title={problem.message}
      description={
        problem.items.length || problem.requestId ? (
          <>
            {problem.items.map((item) => (
              <div key={item}>{item}</div>
            ))}
            {problem.requestId ? <div>{t('error.requestId', { id: problem.requestId })}</div> : null}
          </>
        ) : undefined
      }
    />
  ) : null;
  return { apply, clear, alert };
}
