import type { RegistrationStatus } from './api.ts';

/** The tag colour of each registration status (双报到). */
export const registrationStatusColor: Record<RegistrationStatus, string> = {
  submitted: 'gold',
  approved: 'green',
  rejected: 'red',
  deregistered: 'default',
  transferred: 'blue',
};
