import { defineErrors } from '../../core/http/errors.ts';

/** The territory module's own errors. */
export const territoryErrors = defineErrors({
  ownNodeNotEditable: {
    code: 'OWN_TERRITORY_NOT_EDITABLE',
    status: 403,
    text: () => ({
      zh: '您所管辖区域本身的名称和边界由上级维护，您只能修改其下级区域',
      en: 'The name and boundary of the area you administer are kept by the level above; you may edit the areas below it',
    }),
  },
});
