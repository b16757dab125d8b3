/**
 * The English texts of the audit feature: messages.ts has the Chinese ones (they name the keys; a key missing here does not
 * compile) and loads these only when English is chosen, so the Chinese pages do not carry them.
 */
export default {
  'audit.shortcut': 'See who did what, and when',
  'menu.audit': 'Audit log',

  'audit.title': 'Audit log',
  'audit.subtitle': 'Every write, sign-in and personal-data reveal is recorded; personal data is masked',
  'audit.searchPlaceholder': 'Actor / request id / IP address',
  'audit.action': 'Action',
  'audit.entityType': 'Object type',
  'audit.at': 'Time',
  'audit.actor': 'Actor',
  'audit.entity': 'Object',
  'audit.territoryCode': 'Territory code',
  'audit.ip': 'IP address',
  'audit.requestId': 'Request id',
  'audit.userAgent': 'Client',
  'audit.entityId': 'Object id',
  'audit.changes': 'Changes',
  'audit.noChanges': 'No field changes',
  'audit.details': 'Details',
  'audit.empty': '(empty)',
  'audit.technical': 'Technical details',
  'audit.actionCode': 'Action code',
  'audit.searching': 'Searching…',
  'audit.noActor': 'No actor found',
  'audit.timeZone': 'Times are Beijing time (UTC+8)',
  'audit.startDate': 'Start date',
  'audit.endDate': 'End date',
};
