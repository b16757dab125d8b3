import { defineModule } from '../../core/kit/module.ts';
import { insightsRoutes } from './insights.routes.ts';

/**
 * The report's figures (GET /insights/figures: every figure the modules declare, computed for a place and a period)
 * and the county overview with drill-down.
 */
export const insightsModule = defineModule({ name: 'insights', routes: insightsRoutes });
