import { defineErrors, errors } from '../../core/http/errors.ts';
import { BOUNDARY_TOLERANCE_METRES as metres } from './territory.geometry.ts';

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
  boundaryOutsideParent: {
    code: 'BOUNDARY_OUTSIDE_PARENT',
    status: 400,
    field: 'boundary',
    text: (parentName: string) => ({
      zh: `边界超出了上级区域“${parentName}”的边界（相邻区域共用的边线可相差 ${metres} 米以内），请在其范围内绘制`,
      en: `The boundary reaches outside that of the area above, “${parentName}” (edges shared with neighbours may differ by up to ${metres} metres); draw it inside`,
    }),
  },
  boundaryExcludesChildren: {
    code: 'BOUNDARY_EXCLUDES_CHILDREN',
    status: 400,
    field: 'boundary',
    text: (childName: string) => ({
      zh: `新边界未包含下级区域“${childName}”的边界（共用的边线可相差 ${metres} 米以内），请先调整下级区域的边界`,
      en: `The new boundary leaves out the area below, “${childName}” (shared edges may differ by up to ${metres} metres); change that area's boundary first`,
    }),
  },
  boundaryNotComparable: {
    code: 'BOUNDARY_NOT_COMPARABLE',
    status: 400,
    field: 'boundary',
    text: (otherName: string) => ({
      zh: `无法判断该边界与“${otherName}”的边界是否相容（边线重合或过于接近，计算无法完成），请稍作调整后重试`,
      en: `The boundary cannot be compared with that of “${otherName}” (edges coincide or nearly so and the computation fails); adjust it slightly and try again`,
    }),
  },
});

/** A boundary whose edges cross (a bowtie, a star): 400 on the ring. */
export function boundarySelfIntersecting(field: string) {
  const message = {
    zh: '边界的边线相互交叉（如“8”字形或星形），请绘制不自相交的多边形',
    en: 'The boundary’s edges cross each other (a figure eight, a star); draw a polygon that does not cross itself',
  };
  return errors.validation([{ field, code: 'self_intersecting', message }]);
}
