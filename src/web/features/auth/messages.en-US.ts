/**
 * The English texts of the auth feature: messages.ts has the Chinese ones (they name the keys; a key missing here does not
 * compile) and loads these only when English is chosen, so the Chinese pages do not carry them.
 */
export default {
  'mechanism.grids': 'Micro-grids',
  'mechanism.grids.desc': 'Organisation down to every household',
  'mechanism.lists': 'Micro-lists',
  'mechanism.lists.desc': 'Clear duties for every role',
  'mechanism.services': 'Micro-services',
  'mechanism.services.desc': 'Councils that solve residents’ problems',
  'mechanism.assistance': 'Micro-assistance',
  'mechanism.assistance.desc': 'Resources pooled from many partners',
  'mechanism.incentives': 'Micro-incentives',
  'mechanism.incentives.desc': 'Points and awards that motivate',

  'login.title': 'Sign in',
  'login.subtitle': 'County, street, community and grid working as one',
  'login.username': 'Username or mobile number',
  'login.usernameRequired': 'Enter your username or mobile number',
  'login.password': 'Password',
  'login.passwordRequired': 'Enter your password',
  'login.submit': 'Sign in',
  'login.demoHint': 'Demo accounts: admin, street, secretary, grid …; the password is wuwei-demo',
  'login.footer': 'Wuwei Grassroots Governance Platform · for official work only; keep your account safe',
  'login.welcome': 'Welcome back, {name}',
  'login.throttled': 'Too many failed sign-ins: try again in {seconds} s',
  'login.waitSubmit': 'Try again in {seconds} s',
};
