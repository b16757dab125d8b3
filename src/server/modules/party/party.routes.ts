import { z } from '@hono/zod-openapi';
import type { ModuleDeps } from '../../core/kit/module.ts';
import { actorOf, requireAuth } from '../../core/http/context.ts';
import {
  createRouter,
  errorResponses,
  jsonContent,
  route,
  routeScope,
  uuidParam,
} from '../../core/http/openapi.ts';
import { addMember, endMember, updateMember } from './party.members.ts';
import { createOrg, dissolveOrg, mergeOrg, updateOrg } from './party.org-changes.ts';
import { getOrg, listOrgs } from './party.orgs.ts';
import { appointSecretary, endSecretary, getSecretary } from './party.secretaries.ts';
import {
  approveRegistration,
  createRegistration,
  deregister,
  getRegistration,
  listRegistrations,
  listWorkUnits,
  myHome,
  myRegistrations,
  rejectRegistration,
  skillSuggestions,
  transferRegistration,
} from './party.registrations.ts';
import {
  addAllianceUnitBody,
  addMemberBody,
  allianceUnitSchema,
  allianceUnitsQuery,
  appointSecretaryBody,
  approveRegistrationBody,
  createOrgBody,
  createRegistrationBody,
  mergeOrgBody,
  orgDetailSchema,
  orgNodeSchema,
  orgsQuery,
  registrationResponseSchema,
  registrationHomeSchema,
  registrationSchema,
  registrationsQuery,
  rejectRegistrationBody,
  secretaryResponseSchema,
  transferRegistrationBody,
  updateMemberBody,
  updateOrgBody,
  workUnitSchema,
} from './party.schemas.ts';
import { addAllianceUnit, endAllianceUnit, getAllianceUnit, listAllianceUnits } from './party.alliance.ts';

const tags = ['party'];
const orgResponse = jsonContent(z.object({ data: orgDetailSchema }));
const idResponse = jsonContent(z.object({ data: z.object({ id: z.string() }) }));
const registrationResponse = jsonContent(z.object({ data: registrationSchema }));
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: jsonContent(schema), required: true } });

export function partyRoutes(deps: ModuleDeps) {
  return createRouter()
    .openapi(
      route('party:read', {
        method: 'get',
        path: '/party/orgs',
        tags,
        summary:
          'The party organisations of a community (alliance, branches, groups) with counts, a flat list',
        request: { query: orgsQuery },
        responses: {
          200: {
            description: 'The organisations',
            content: jsonContent(z.object({ data: z.array(orgNodeSchema) })),
          },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json({ data: await listOrgs(deps, routeScope(c), c.req.valid('query').territoryId) }, 200),
    )
    .openapi(
      route('party:read', {
        method: 'get',
        path: '/party/orgs/{id}',
        tags,
        summary: 'One organisation: places, members, secretaries, children',
        request: { params: uuidParam },
        responses: {
          200: { description: 'The organisation', content: orgResponse },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => c.json({ data: await getOrg(deps, routeScope(c), c.req.valid('param').id) }, 200),
    )
    .openapi(
      route('party:write', {
        method: 'post',
        path: '/party/orgs',
        tags,
        summary: 'Create an alliance (one per community), a branch under it or a group under a branch',
        request: json(createOrgBody),
        responses: {
          201: { description: 'Created', content: orgResponse },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const scope = routeScope(c);
        const id = await createOrg(deps, scope, actorOf(c), c.req.valid('json'));
        return c.json({ data: await getOrg(deps, scope, id) }, 201);
      },
    )
    .openapi(
      route('party:write', {
        method: 'patch',
        path: '/party/orgs/{id}',
        tags,
        summary: 'Rename an organisation or change the grids (branch) or buildings (group) it covers',
        request: { params: uuidParam, ...json(updateOrgBody) },
        responses: {
          200: { description: 'Updated', content: orgResponse },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const scope = routeScope(c);
        const { id } = c.req.valid('param');
        await updateOrg(deps, scope, actorOf(c), id, c.req.valid('json'));
        return c.json({ data: await getOrg(deps, scope, id) }, 200);
      },
    )
    .openapi(
      route('party:write', {
        method: 'post',
        path: '/party/orgs/{id}/merge',
        tags,
        summary: 'Merge this branch (group) into another: members, groups and places move; this one ends',
        request: { params: uuidParam, ...json(mergeOrgBody) },
        responses: {
          200: { description: 'The organisation merged into', content: orgResponse },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const scope = routeScope(c);
        const { intoId } = c.req.valid('json');
        await mergeOrg(deps, scope, actorOf(c), c.req.valid('param').id, intoId);
        return c.json({ data: await getOrg(deps, scope, intoId) }, 200);
      },
    )
    .openapi(
      route('party:write', {
        method: 'post',
        path: '/party/orgs/{id}/dissolve',
        tags,
        summary: 'Dissolve an organisation (refused while it has members or groups: move them first)',
        request: { params: uuidParam },
        responses: {
          200: { description: 'Dissolved', content: orgResponse },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const scope = routeScope(c);
        const { id } = c.req.valid('param');
        await dissolveOrg(deps, scope, actorOf(c), id);
        return c.json({ data: await getOrg(deps, scope, id) }, 200);
      },
    )
    .openapi(
      route('party:write', {
        method: 'post',
        path: '/party/members',
        tags,
        summary: 'Add a person to a branch (and a group of it)',
        request: json(addMemberBody),
        responses: {
          201: { description: 'Added', content: idResponse },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) =>
        c.json({ data: { id: await addMember(deps, routeScope(c), actorOf(c), c.req.valid('json')) } }, 201),
    )
    .openapi(
      route('party:write', {
        method: 'patch',
        path: '/party/members/{id}',
        tags,
        summary: 'Move a member to another branch or group, or change their status',
        request: { params: uuidParam, ...json(updateMemberBody) },
        responses: {
          200: { description: 'Changed', content: idResponse },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        await updateMember(deps, routeScope(c), actorOf(c), id, c.req.valid('json'));
        return c.json({ data: { id } }, 200);
      },
    )
    .openapi(
      route('party:write', {
        method: 'post',
        path: '/party/members/{id}/end',
        tags,
        summary: 'End a membership today (an office held ends with it)',
        request: { params: uuidParam },
        responses: {
          200: { description: 'Ended', content: idResponse },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        await endMember(deps, routeScope(c), actorOf(c), id);
        return c.json({ data: { id } }, 200);
      },
    )
    .openapi(
      route('party:write', {
        method: 'post',
        path: '/party/secretaries',
        tags,
        summary: 'Appoint the secretary of a branch or leader of a group (an active member of it)',
        request: json(appointSecretaryBody),
        responses: {
          201: {
            description: 'Appointed, with the account opened for them if any',
            content: jsonContent(secretaryResponseSchema),
          },
          ...errorResponses(400, 401, 403, 404, 409, 429),
        },
      }),
      async (c) => {
        const scope = routeScope(c);
        const { id, opened } = await appointSecretary(
          deps,
          scope,
          requireAuth(c),
          actorOf(c),
          c.req.valid('json'),
        );
        return c.json({ data: await getSecretary(deps.db, scope, id), opened }, 201);
      },
    )
    .openapi(
      route('party:write', {
        method: 'post',
        path: '/party/secretaries/{id}/end',
        tags,
        summary: 'End a secretary’s term today; the access it gave ends at once',
        request: { params: uuidParam },
        responses: {
          200: { description: 'Ended', content: idResponse },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        await endSecretary(deps, routeScope(c), actorOf(c), id);
        return c.json({ data: { id } }, 200);
      },
    )
    .openapi(
      route('party:read', {
        method: 'get',
        path: '/party/alliance-units',
        tags,
        summary: 'The current member units of a community’s alliance (驻区单位, 两新组织)',
        request: { query: allianceUnitsQuery },
        responses: {
          200: {
            description: 'The units',
            content: jsonContent(z.object({ data: z.array(allianceUnitSchema) })),
          },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json({ data: await listAllianceUnits(deps, routeScope(c), c.req.valid('query').territoryId) }, 200),
    )
    .openapi(
      route('party:write', {
        method: 'post',
        path: '/party/alliance-units',
        tags,
        summary: 'Add a member unit to an alliance',
        request: json(addAllianceUnitBody),
        responses: {
          201: { description: 'Added', content: jsonContent(z.object({ data: allianceUnitSchema })) },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const id = await addAllianceUnit(deps, routeScope(c), actorOf(c), c.req.valid('json'));
        return c.json({ data: await getAllianceUnit(deps.db, id) }, 201);
      },
    )
    .openapi(
      route('party:write', {
        method: 'post',
        path: '/party/alliance-units/{id}/end',
        tags,
        summary: 'End a member unit’s membership today',
        request: { params: uuidParam },
        responses: {
          200: { description: 'Ended', content: idResponse },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        await endAllianceUnit(deps, routeScope(c), actorOf(c), id);
        return c.json({ data: { id } }, 200);
      },
    )
    .openapi(
      route('party:read', {
        method: 'get',
        path: '/party/work-units',
        tags,
        summary:
          'Work units of registered members, with how many approved registrations each has (within the scope)',
        responses: {
          200: {
            description: 'The work units',
            content: jsonContent(z.object({ data: z.array(workUnitSchema) })),
          },
          ...errorResponses(401, 403),
        },
      }),
      async (c) => c.json({ data: await listWorkUnits(deps, routeScope(c)) }, 200),
    )
    .openapi(
      route('party:register', {
        method: 'get',
        path: '/party/registrations/mine',
        tags,
        summary: 'The caller’s own registrations (双报到)',
        responses: {
          200: {
            description: 'My registrations',
            content: jsonContent(z.object({ data: z.array(registrationSchema) })),
          },
          ...errorResponses(401, 403),
        },
      }),
      async (c) => c.json({ data: await myRegistrations(deps, requireAuth(c).user.id) }, 200),
    )
    .openapi(
      route('party:register', {
        method: 'get',
        path: '/party/registrations/home',
        tags,
        summary: 'Where the caller lives (their household and community), to register themself with; or null',
        responses: {
          200: {
            description: 'My home',
            content: jsonContent(z.object({ data: registrationHomeSchema.nullable() })),
          },
          ...errorResponses(401, 403),
        },
      }),
      async (c) => c.json({ data: await myHome(deps.db, requireAuth(c).user.id) }, 200),
    )
    .openapi(
      route('party:register', {
        method: 'get',
        path: '/party/registrations/skills',
        tags,
        summary: 'Skills suggested on the registration form (members may name others)',
        responses: {
          200: {
            description: 'Suggested skills',
            content: jsonContent(z.object({ data: z.array(z.string()) })),
          },
          ...errorResponses(401, 403),
        },
      }),
      (c) => c.json({ data: [...skillSuggestions] }, 200),
    )
    .openapi(
      route('party:read', {
        method: 'get',
        path: '/party/registrations',
        tags,
        summary: 'Registrations (双报到) within the scope, the review queue first',
        request: { query: registrationsQuery },
        responses: {
          200: {
            description: 'Registrations',
            content: jsonContent(z.object({ data: z.array(registrationSchema) })),
          },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => c.json({ data: await listRegistrations(deps, routeScope(c), c.req.valid('query')) }, 200),
    )
    .openapi(
      route('party:register', {
        method: 'post',
        path: '/party/registrations',
        tags,
        summary: 'Register (双报到) with the community one lives in: oneself, or a member within the scope',
        request: json(createRegistrationBody),
        responses: {
          201: { description: 'Submitted', content: registrationResponse },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const id = await createRegistration(
          deps,
          routeScope(c),
          requireAuth(c).user.id,
          actorOf(c),
          c.req.valid('json'),
        );
        return c.json({ data: await getRegistration(deps.db, id) }, 201);
      },
    )
    .openapi(
      route('party:write', {
        method: 'post',
        path: '/party/registrations/{id}/approve',
        tags,
        summary:
          'Approve a registration and place the member in a branch; returns the account opened for them, once',
        request: { params: uuidParam, ...json(approveRegistrationBody) },
        responses: {
          200: { description: 'Approved', content: jsonContent(registrationResponseSchema) },
          ...errorResponses(400, 401, 403, 404, 409, 429),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const opened = await approveRegistration(
          deps,
          routeScope(c),
          actorOf(c),
          id,
          c.req.valid('json').branchId,
        );
        return c.json({ data: await getRegistration(deps.db, id), opened }, 200);
      },
    )
    .openapi(
      route('party:write', {
        method: 'post',
        path: '/party/registrations/{id}/reject',
        tags,
        summary: 'Reject a registration with a reason',
        request: { params: uuidParam, ...json(rejectRegistrationBody) },
        responses: {
          200: { description: 'Rejected', content: registrationResponse },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        await rejectRegistration(deps, routeScope(c), actorOf(c), id, c.req.valid('json').reason);
        return c.json({ data: await getRegistration(deps.db, id) }, 200);
      },
    )
    .openapi(
      route('party:register', {
        method: 'post',
        path: '/party/registrations/{id}/deregister',
        tags,
        summary: 'Deregister: the registration ends today and the access it gave at once',
        request: { params: uuidParam },
        responses: {
          200: { description: 'Deregistered', content: registrationResponse },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        await deregister(deps, routeScope(c), actorOf(c), id);
        return c.json({ data: await getRegistration(deps.db, id) }, 200);
      },
    )
    .openapi(
      route('party:register', {
        method: 'post',
        path: '/party/registrations/{id}/transfer',
        tags,
        summary: 'Transfer to another community: this registration ends, a submitted one is made there',
        request: { params: uuidParam, ...json(transferRegistrationBody) },
        responses: {
          201: { description: 'The new registration', content: registrationResponse },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const next = await transferRegistration(deps, routeScope(c), actorOf(c), id, c.req.valid('json'));
        return c.json({ data: await getRegistration(deps.db, next) }, 201);
      },
    );
}
