import type { SharedMessageKey } from './zh-CN.ts';

/** English texts of the app shell; the type makes a missing or extra key a compile error. */
export const enUS: Record<SharedMessageKey, string> = {
  'app.name': 'Wuwei Grassroots Governance Platform',
  'app.shortName': 'Wuwei',
  'app.subName': 'Grassroots governance',

  'common.search': 'Search',
  'common.reset': 'Reset',
  'common.ok': 'OK',
  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.edit': 'Edit',
  'common.more': 'More',
  'common.actions': 'Actions',
  'common.none': 'None',
  'common.retry': 'Retry',
  'common.total': '{total} in total',
  'common.totalCapped': 'More than {total}: narrow the search',
  'common.backHome': 'Back to home',
  'common.loadFailed': 'Could not load the data',
  'common.networkError': 'Network error; check your connection and try again',
  'common.optional': 'optional',
  'common.back': 'Back',

  'lang.label': 'Language',
  'lang.zh': '简体中文',
  'lang.en': 'English',

  'menu.toggle': 'Toggle menu',
  'menuGroup.registry': 'Base data',
  'menuGroup.teams': 'Organisation and teams',
  'menuGroup.mine': 'My work',
  'menuGroup.system': 'Administration',
  'layout.skipToMain': 'Skip to main content',
  'layout.breadcrumbs': 'You are here',

  'header.changePassword': 'Change password',
  'header.logout': 'Sign out',
  'header.loggedOut': 'Signed out',

  'scope.all': 'Whole county',
  'scope.self': 'Self',
  'scope.buildings': 'Own buildings',
  'scope.buildingsCount': '{count} buildings',
  'scope.none': 'No role',
  'scope.two': '{a}, {b}',
  'scope.more': '{first} and {count} in all',

  'scopeKind.all': 'County-wide',
  'scopeKind.street': 'Street',
  'scopeKind.community': 'Community',
  'scopeKind.grids': 'Grids',
  'scopeKind.buildings': 'Buildings',
  'scopeKind.self': 'Self',

  'password.title': 'Change password',
  'password.forcedHint': 'Your password was just issued or reset; set a new one to continue.',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.confirm': 'Confirm new password',
  'password.required': 'Enter a password',
  'password.mismatch': 'The two passwords differ',
  'password.policy':
    '8–128 characters, at least two of letters, digits and symbols, not containing the username',
  'password.changed': 'Password changed',

  'error.forbidden.title': 'No access',
  'error.forbidden.text': 'Your role may not open this page. Ask your administrator if you need it.',
  'error.notFound.title': 'Page not found',
  'error.notFound.text': 'The page you asked for does not exist or has moved.',
  'error.crash.title': 'Something went wrong',
  'error.crash.text': 'Reload the page; if it keeps happening, tell your administrator the request id.',
  'error.requestId': 'Request id: {id}',

  'chart.male': 'Male',
  'chart.female': 'Female',
};
