import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client.ts';
import { useI18n, type BiText } from '../../app/i18n.tsx';

/** GET /audit/labels: the names of the audit actions and entity types the server writes, in both languages. */
export type AuditLabels = Schemas['AuditLabels'];

export function useAuditLabels() {
  return useQuery({
    queryKey: ['audit-labels'],
    queryFn: () => api.get('/audit/labels'),
    // They change only with a new server version.
    staleTime: 60 * 60_000,
  });
}

export type AuditLabelText = {
  /** The action's name in the current language, or its code when the server names none (or is unreachable). */
  action: (code: string) => string;
  entityType: (code: string) => string;
  /** Filter options, in the server's order. */
  actionOptions: { value: string; label: string }[];
  entityTypeOptions: { value: string; label: string }[];
};

/** Labels in one language (`pick`); a code the labels lack (or all of them, before they arrive) shows as itself. */
export function auditLabelText(
  labels: AuditLabels | undefined,
  pick: (text: BiText) => string,
): AuditLabelText {
  const name = (names: Record<string, BiText> | undefined, code: string) => {
    const text = names?.[code];
    return text ? pick(text) : code;
  };
  const options = (names: Record<string, BiText> | undefined) =>
    Object.entries(names ?? {}).map(([code, text]) => ({ value: code, label: pick(text) }));
  return {
    action: (code) => name(labels?.actions, code),
    entityType: (code) => name(labels?.entityTypes, code),
    actionOptions: options(labels?.actions),
    entityTypeOptions: options(labels?.entityTypes),
  };
}

/** The server's audit labels in the current language; raw codes until they arrive, or if they cannot be had. */
export function useAuditLabelText(): AuditLabelText {
  const { pick } = useI18n();
  return auditLabelText(useAuditLabels().data, pick);
}
