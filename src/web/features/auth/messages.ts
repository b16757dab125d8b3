import { defineMessages } from '../../app/define-feature.ts';

/** Texts of the auth feature in both languages; keys are global, so they keep their prefixes. */
export const messages = defineMessages({
  'zh-CN': {
    'mechanism.grids': '微网格',
    'mechanism.grids.desc': '织密组织体系，服务到户',
    'mechanism.lists': '微清单',
    'mechanism.lists.desc': '明晰职责清单，压实责任',
    'mechanism.services': '微服务',
    'mechanism.services.desc': '议事办实事，解决急难愁盼',
    'mechanism.assistance': '微助力',
    'mechanism.assistance.desc': '汇聚多方资源，共建共享',
    'mechanism.incentives': '微激励',
    'mechanism.incentives.desc': '积分评优激励，激发活力',

    'login.title': '账号登录',
    'login.subtitle': '县、街道、社区、网格四级联动',
    'login.username': '用户名或手机号',
    'login.usernameRequired': '请输入用户名或手机号',
    'login.password': '密码',
    'login.passwordRequired': '请输入密码',
    'login.submit': '登 录',
    'login.demoHint': '演示账号：admin、street、secretary、grid 等，密码均为 wuwei-demo',
    'login.footer': '五微五联基层治理平台 · 数据仅限工作使用，请妥善保管账号',
    'login.welcome': '欢迎回来，{name}',
    'login.throttled': '请 {seconds} 秒后再试：登录失败次数过多',
    'login.waitSubmit': '{seconds} 秒后可再次登录',
  },
  'en-US': () => import('./messages.en-US.ts'),
});
