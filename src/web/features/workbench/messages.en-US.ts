/**
 * The English texts of the workbench feature: messages.ts has the Chinese ones (they name the keys; a key missing here does not
 * compile) and loads these only when English is chosen, so the Chinese pages do not carry them.
 */
export default {
  'menu.workbench': 'Phone workbench',
  'workbench.shortcut': 'Today’s work and door-knocking visits, also offline',
};
