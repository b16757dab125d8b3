import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type Lang = 'zh' | 'en';
export type Text = { zh: string; en: string };

export type ErrorDetail = { field: string; code: string; message: Text };

/** An error a client may see: stable code, HTTP status, a message in Chinese and English, field details. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: ContentfulStatusCode,
    readonly text: Text,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(`${code}: ${text.en}`);
  }
}

/** The most field details an answer carries: a body with thousands of bad fields gets the first ones, not a huge answer. */
export const MAX_ERROR_DETAILS = 20;

/** The error catalogue. Every error a client can receive is made here, so codes stay stable. */
export const errors = {
  validation: (details: ErrorDetail[]) =>
    new AppError(
      'VALIDATION_FAILED',
      400,
      { zh: '提交的数据有误，请检查标出的字段', en: 'Some fields are invalid' },
      details.slice(0, MAX_ERROR_DETAILS),
    ),
  malformedJson: () =>
    new AppError('MALFORMED_JSON', 400, {
      zh: '请求体不是有效的 JSON',
      en: 'The request body is not valid JSON',
    }),
  malformedForm: () =>
    new AppError('MALFORMED_FORM', 400, {
      zh: '上传的请求体不是有效的 multipart/form-data（分隔符错误或内容不完整），请重新上传',
      en: 'The upload is not valid multipart/form-data (wrong boundary or incomplete body); upload it again',
    }),
  unsupportedMediaType: () =>
    new AppError('UNSUPPORTED_MEDIA_TYPE', 415, {
      zh: '请求体必须是 application/json',
      en: 'The request body must be application/json',
    }),
  bodyTooLarge: (limitBytes: number) =>
    new AppError('BODY_TOO_LARGE', 413, {
      zh: `请求体过大（上限 ${Math.round(limitBytes / 1024)} KB）`,
      en: `The request body is too large (limit ${Math.round(limitBytes / 1024)} KB)`,
    }),
  unauthenticated: () => new AppError('UNAUTHENTICATED', 401, { zh: '请先登录', en: 'Please sign in first' }),
  sessionExpired: () =>
    new AppError('SESSION_EXPIRED', 401, {
      zh: '登录已过期，请重新登录',
      en: 'Your session has expired; please sign in again',
    }),
  invalidCredentials: () =>
    new AppError('INVALID_CREDENTIALS', 401, {
      zh: '用户名或密码错误',
      en: 'Wrong username or password',
    }),
  loginThrottled: (retryAfterSeconds: number) =>
    new AppError(
      'LOGIN_THROTTLED',
      429,
      {
        zh: `登录失败次数过多，请 ${waitZh(retryAfterSeconds)}后再试`,
        en: `Too many failed sign-ins; try again in ${waitEn(retryAfterSeconds)}`,
      },
      [],
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  passwordCheckThrottled: (retryAfterSeconds: number) =>
    new AppError(
      'PASSWORD_CHECK_THROTTLED',
      429,
      {
        zh: `当前密码错误次数过多，请 ${waitZh(retryAfterSeconds)}后再试`,
        en: `Too many wrong current passwords; try again in ${waitEn(retryAfterSeconds)}`,
      },
      [],
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  lookupThrottled: (retryAfterSeconds: number) =>
    new AppError(
      'LOOKUP_THROTTLED',
      429,
      {
        zh: `按完整身份证号或手机号查找未找到的次数过多，请 ${waitZh(retryAfterSeconds)}后再试`,
        en: `Too many lookups by a whole ID-card or mobile number found nobody; try again in ${waitEn(retryAfterSeconds)}`,
      },
      [],
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  mobileTakenThrottled: (retryAfterSeconds: number) =>
    new AppError(
      'MOBILE_TAKEN_THROTTLED',
      429,
      {
        zh: `填写已被占用手机号的次数过多，请 ${waitZh(retryAfterSeconds)}后再试`,
        en: `Too many mobile numbers already in use were entered; try again in ${waitEn(retryAfterSeconds)}`,
      },
      [],
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  idCardTakenThrottled: (retryAfterSeconds: number) =>
    new AppError(
      'ID_CARD_TAKEN_THROTTLED',
      429,
      {
        zh: `填写已登记身份证号的次数过多，请 ${waitZh(retryAfterSeconds)}后再试`,
        en: `Too many ID-card numbers already registered were entered; try again in ${waitEn(retryAfterSeconds)}`,
      },
      [],
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  passwordChangeRequired: () =>
    new AppError('PASSWORD_CHANGE_REQUIRED', 403, {
      zh: '请先修改密码',
      en: 'Please change your password first',
    }),
  csrfRejected: () =>
    new AppError('CSRF_REJECTED', 403, {
      zh: '跨站请求被拒绝',
      en: 'Cross-site request rejected',
    }),
  forbidden: () =>
    new AppError('FORBIDDEN', 403, { zh: '没有执行此操作的权限', en: 'You are not allowed to do this' }),
  notFound: () => new AppError('NOT_FOUND', 404, { zh: '找不到该对象', en: 'Not found' }),
  routeNotFound: () => new AppError('ROUTE_NOT_FOUND', 404, { zh: '接口不存在', en: 'No such API endpoint' }),
  conflict: (field: string, text: Text) =>
    new AppError('CONFLICT', 409, text, [{ field, code: 'conflict', message: text }]),
  passwordPolicy: (field: string, text: Text) =>
    new AppError(
      'PASSWORD_POLICY',
      400,
      { zh: '密码不符合要求', en: 'The password does not meet the policy' },
      [{ field, code: 'password_policy', message: text }],
    ),
  wrongPassword: () =>
    new AppError('WRONG_PASSWORD', 400, { zh: '当前密码不正确', en: 'The current password is wrong' }, [
      {
        field: 'currentPassword',
        code: 'wrong_password',
        message: { zh: '当前密码不正确', en: 'The current password is wrong' },
      },
    ]),
  internal: () =>
    new AppError('INTERNAL', 500, {
      zh: '服务器内部错误，请稍后再试',
      en: 'Internal server error; please try again later',
    }),
  /** The server is listening but still preparing (first start: building the web app, seeding the demo county). */
  starting: (percent: number, retryAfterSeconds: number) =>
    new AppError(
      'STARTING',
      503,
      {
        zh: `系统正在启动，演示数据准备中（${percent}%），请稍候再试`,
        en: `The server is starting and preparing the demo data (${percent}%); try again in a moment`,
      },
      [],
      { 'Retry-After': String(retryAfterSeconds) },
    ),
};

/** The codes of the kernel's catalogue above; a module's codes must differ from these and from each other's. */
export const coreErrorCodes = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'MALFORMED_FORM',
  'UNSUPPORTED_MEDIA_TYPE',
  'BODY_TOO_LARGE',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'INVALID_CREDENTIALS',
  'LOGIN_THROTTLED',
  'PASSWORD_CHECK_THROTTLED',
  'LOOKUP_THROTTLED',
  'PASSWORD_CHANGE_REQUIRED',
  'CSRF_REJECTED',
  'FORBIDDEN',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'CONFLICT',
  'PASSWORD_POLICY',
  'WRONG_PASSWORD',
  'INTERNAL',
] as const;

type ErrorSpec<A extends unknown[]> = {
  code: string;
  status: ContentfulStatusCode;
  text: (...args: A) => Text;
  /** The request field the error is about: its message is also given as that field's detail (code in lower case). */
  field?: string;
};

/** A module's error catalogue: one factory per error, and the codes it declares (`defineModule({ errors })`). */
export type ErrorCatalogue<S extends Record<string, ErrorSpec<never[]>>> = {
  [K in keyof S]: (...args: Parameters<S[K]['text']>) => AppError;
} & { readonly codes: { code: string; status: number; sample?: Text }[] };

/**
 * A module's errors, each with a stable code, its HTTP status and its message in both languages:
 * `defineErrors({ importNotReady: { code: 'IMPORT_NOT_READY', status: 409, text: (status: string) => ({ zh, en }) } })`
 * gives `importNotReady(status)`, an AppError to throw. The kit refuses to start when two catalogues share a code.
 */
export function defineErrors<S extends Record<string, ErrorSpec<never[]>>>(specs: S): ErrorCatalogue<S> {
  const factories: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    factories[name] = (...args: never[]) => {
      const text = spec.text(...args);
      const details = spec.field ? [{ field: spec.field, code: spec.code.toLowerCase(), message: text }] : [];
      return new AppError(spec.code, spec.status, text, details);
    };
  }
  return Object.assign(factories, {
    codes: Object.values(specs).map((spec) => ({ code: spec.code, status: spec.status })),
  }) as ErrorCatalogue<S>;
}

/** A wait in words: seconds under two minutes, whole minutes (rounded up) above. */
function waitZh(seconds: number): string {
  return seconds < 120 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
}
function waitEn(seconds: number): string {
  return seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

/** The one JSON shape of every error response. */
export function errorBody(error: AppError, lang: Lang, requestId: string) {
  return {
    error: {
      code: error.code,
      message: error.text[lang],
      details: error.details.map((d) => ({ field: d.field, code: d.code, message: d.message[lang] })),
      requestId,
    },
  };
}

export function pickLang(acceptLanguage: string | undefined): Lang {
  return acceptLanguage && /^\s*en\b/i.test(acceptLanguage) ? 'en' : 'zh';
}
