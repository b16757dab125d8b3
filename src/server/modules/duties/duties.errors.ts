import { defineErrors } from '../../core/http/errors.ts';

/** The duties module's own errors (the rules of 职责任务清单). */
export const dutyErrors = defineErrors({
  taskAlreadyDone: {
    code: 'DUTY_TASK_ALREADY_DONE',
    status: 409,
    text: () => ({ zh: '该任务已完成', en: 'The task is already done' }),
  },
  taskNotStarted: {
    code: 'DUTY_TASK_NOT_STARTED',
    status: 409,
    text: (day: string) => ({
      zh: `该任务从 ${day} 开始，尚不能完成`,
      en: `The task starts on ${day}; it cannot be completed yet`,
    }),
  },
});
