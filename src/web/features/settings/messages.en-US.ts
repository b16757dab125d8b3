/**
 * The English texts of the settings feature: messages.ts has the Chinese ones (they name the keys; a key missing here does not
 * compile) and loads these only when English is chosen, so the Chinese pages do not carry them.
 */
export default {
  'settings.shortcut': 'County settings such as the base map',
  'menu.settings': 'Settings',
  'settings.title': 'Settings',
  'settings.subtitle':
    'County-wide settings, changed by the county administrator; a change applies at once and is audited',
  'settings.default': 'Default: {value}',
  'settings.changedAt': 'Last changed: {at}',
  'settings.never': 'Default in use',
  'settings.save': 'Save',
  'settings.reset': 'Reset to default',
  'settings.saved': 'Saved',
};
