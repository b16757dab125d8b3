/**
 * Chinese texts of the app shell, the default language: app name, common words, header and menu frame, scopes,
 * permissions, password dialog, error pages, charts. Each feature's own texts are in its messages.ts. Every key here
 * must also exist in en-US.ts.
 */
export const zhCN = {
  'app.name': '五微五联基层治理平台',
  'app.shortName': '五微五联',
  'app.subName': '基层治理平台',

  'common.search': '查询',
  'common.reset': '重置',
  'common.ok': '确定',
  'common.cancel': '取消',
  'common.save': '保存',
  'common.edit': '编辑',
  'common.more': '更多',
  'common.actions': '操作',
  'common.none': '无',
  'common.retry': '重试',
  'common.total': '共 {total} 条',
  'common.totalCapped': '超过 {total} 条，请缩小查询范围',
  'common.backHome': '返回首页',
  'common.loadFailed': '数据加载失败',
  'common.networkError': '网络连接失败，请检查网络后重试',
  'common.optional': '选填',
  'common.back': '返回',

  'lang.label': '语言',
  'lang.zh': '简体中文',
  'lang.en': 'English',

  'menu.toggle': '展开/收起菜单',
  'menuGroup.registry': '基础数据',
  'menuGroup.teams': '组织队伍',
  'menuGroup.mine': '我的工作',
  'menuGroup.system': '系统管理',
  'layout.skipToMain': '跳到主要内容',
  'layout.breadcrumbs': '当前位置',

  'header.changePassword': '修改密码',
  'header.logout': '退出登录',
  'header.loggedOut': '已退出登录',

  'scope.all': '全县',
  'scope.self': '本人',
  'scope.buildings': '所辖楼栋',
  'scope.buildingsCount': '{count} 栋楼',
  'scope.none': '未分配角色',
  'scope.two': '{a}、{b}',
  'scope.more': '{first} 等 {count} 个',

  'scopeKind.all': '全县',
  'scopeKind.street': '街道',
  'scopeKind.community': '社区',
  'scopeKind.grids': '网格',
  'scopeKind.buildings': '楼栋',
  'scopeKind.self': '本人',

  'password.title': '修改密码',
  'password.forcedHint': '首次登录或密码被重置后，需先设置新密码才能继续使用。',
  'password.current': '当前密码',
  'password.new': '新密码',
  'password.confirm': '确认新密码',
  'password.required': '请输入密码',
  'password.mismatch': '两次输入的密码不一致',
  'password.policy': '8–128 位，至少包含字母、数字、符号中的两类，且不能包含用户名',
  'password.changed': '密码已修改',

  'error.forbidden.title': '无权访问',
  'error.forbidden.text': '您的角色没有访问此页面的权限。如需开通，请联系上级管理员。',
  'error.notFound.title': '页面不存在',
  'error.notFound.text': '您访问的页面不存在或已被移除。',
  'error.crash.title': '页面出错了',
  'error.crash.text': '请刷新页面重试；如果问题持续，请联系管理员并提供请求编号。',
  'error.requestId': '请求编号：{id}',

  'chart.male': '男',
  'chart.female': '女',
} as const;

export type SharedMessageKey = keyof typeof zhCN;
