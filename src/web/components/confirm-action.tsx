import { App, Button, Popconfirm } from 'antd';
import type { ReactNode } from 'react';

/**
 * A small link button for a change that needs a second thought (end an alliance unit, deregister a member): it
 * asks `confirm` first, then runs `action` (a mutation; the confirmation's OK button spins until it settles) and
 * says how it went: `done` on success, the error's message otherwise.
 */
export function ConfirmAction({
  confirm,
  action,
  done,
  children,
  danger = true,
  testId,
}: {
  confirm: ReactNode;
  action: () => Promise<unknown>;
  done: string;
  children: ReactNode;
  danger?: boolean;
  testId?: string;
}) {
  const { message } = App.useApp();
  return (
    <Popconfirm
      title={confirm}
      onConfirm={() =>
        action().then(
          () => void message.success(done),
          (e: Error) => void message.error(e.message),
        )
      }
    >
      <Button type="link" size="small" danger={danger} data-testid={testId}>
        {children}
      </Button>
    </Popconfirm>
  );
}
