import { z } from '@hono/zod-openapi';
import { pageInfo, pageQuery } from '../../core/http/openapi.ts';
import { bi } from '../../core/http/validation.ts';
import { createPersonBody } from '../people/people.public.ts';
import { volunteerAvailabilities, volunteerTeamKinds } from './volunteers.tables.ts';

const FIRST_DAY = '1990-01-01';
const LAST_DAY = '2100-12-31';

const daySchema = z.iso
  .date(bi('请按 YYYY-MM-DD 填写有效日期', 'Use a valid date, YYYY-MM-DD'))
  .refine(
    (value) => value >= FIRST_DAY && value <= LAST_DAY,
    bi(`日期须在 ${FIRST_DAY} 至 ${LAST_DAY} 之间`, `The date must be between ${FIRST_DAY} and ${LAST_DAY}`),
  );

const plainText = (max: number, what: Parameters<typeof bi>) =>
  z
    .string()
    .trim()
    .min(1, bi(`请填写${what[0]}`, `The ${what[1]} is required`))
    .max(max, bi(`${what[0]}最多 ${max} 个字`, `The ${what[1]} is at most ${max} characters`))
    .regex(
      /^[^<>"'`\\]*$/,
      bi(`${what[0]}不能包含 < > " ' \` \\ 等字符`, `The ${what[1]} must not contain < > " ' \` \\`),
    );

const skills = z
  .array(plainText(20, ['特长', 'skill']))
  .max(10)
  .openapi({ description: 'Skills, e.g. 理发, 法律咨询, 医疗 (at most 10)' });

const profileFields = {
  territoryId: z.uuid().optional().openapi({
    description: 'Where the volunteer serves: a community or grid (the person’s own place if left out)',
  }),
  skills: skills.default([]),
  availability: z.enum(volunteerAvailabilities).default('anytime'),
  startsOn: daySchema.optional().openapi({ description: 'First day (YYYY-MM-DD); today if left out' }),
};

export const registerVolunteerBody = z
  .strictObject({
    personId: z.uuid().optional().openapi({ description: 'An existing person (or give `person`)' }),
    // A new person (a resident, or standing alone), instead of `personId`.
    person: createPersonBody.optional(),
    ...profileFields,
  })
  .superRefine((body, ctx) => {
    if ((body.personId === undefined) === (body.person === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['personId'],
        message: bi('请选择已有人员或填写新人员（二选一）', 'Give either personId or person, not both'),
      });
    }
  })
  .openapi('RegisterVolunteerRequest');
export type RegisterVolunteerInput = z.infer<typeof registerVolunteerBody>;

export const registerMyselfBody = z.strictObject(profileFields).openapi('RegisterMyselfVolunteerRequest');
export type RegisterMyselfInput = z.infer<typeof registerMyselfBody>;

export const endBody = z
  .strictObject({
    endsOn: daySchema
      .optional()
      .openapi({ description: 'Last day (YYYY-MM-DD, not after today); today if left out' }),
  })
  .openapi('EndVolunteerRequest');
export type EndInput = z.infer<typeof endBody>;

export const volunteerListQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional().openapi({ description: 'Part of a name' }),
  territoryId: z.uuid().optional().openapi({ description: 'Only volunteers serving in this place' }),
  skill: z.string().trim().max(20).optional().openapi({ description: 'Only volunteers with this skill' }),
  availability: z.enum(volunteerAvailabilities).optional(),
  status: z.enum(['active', 'ended', 'all']).default('active'),
});
export type VolunteerFilter = z.infer<typeof volunteerListQuery>;

export const volunteerSchema = z
  .object({
    id: z.string(),
    personId: z.string(),
    name: z.string(),
    gender: z.enum(['male', 'female']).nullable(),
    mobile: z.string().nullable().openapi({ description: 'Masked unless the person agreed to publish it' }),
    territoryCode: z.string(),
    territoryName: z.string().nullable(),
    skills: z.array(z.string()),
    availability: z.enum(volunteerAvailabilities),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    teams: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(volunteerTeamKinds) })),
  })
  .openapi('Volunteer');
export type VolunteerView = z.infer<typeof volunteerSchema>;

export const volunteerListSchema = z.object({ data: z.array(volunteerSchema), page: pageInfo });

export const createTeamBody = z
  .strictObject({
    name: plainText(40, ['队名', 'name']),
    parentId: z
      .uuid()
      .optional()
      .openapi({ description: 'The corps a sub-team (分队) belongs to; left out for a corps (服务队)' }),
    territoryId: z.uuid().optional().openapi({
      description: 'Where the team serves (street, community or grid); a sub-team defaults to its corps’',
    }),
    startsOn: daySchema.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.parentId === undefined && body.territoryId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['territoryId'],
        message: bi('服务队须选择服务区域', 'A corps needs the place it serves'),
      });
    }
  })
  .openapi('CreateVolunteerTeamRequest');
export type CreateTeamInput = z.infer<typeof createTeamBody>;

export const renameTeamBody = z
  .strictObject({ name: plainText(40, ['队名', 'name']) })
  .openapi('RenameVolunteerTeamRequest');

export const memberBody = z
  .strictObject({
    volunteerId: z.uuid(),
    on: daySchema
      .optional()
      .openapi({ description: 'The day joined or the last day (YYYY-MM-DD); today if left out' }),
  })
  .openapi('VolunteerTeamMemberRequest');
export type MemberInput = z.infer<typeof memberBody>;

export const teamListQuery = z.object({
  territoryId: z.uuid().optional().openapi({ description: 'Only teams serving in this place' }),
  status: z.enum(['active', 'dissolved', 'all']).default('active'),
});
export type TeamFilter = z.infer<typeof teamListQuery>;

export const teamSchema = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    kind: z.enum(volunteerTeamKinds),
    name: z.string(),
    territoryCode: z.string(),
    territoryName: z.string().nullable(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    members: z.number().openapi({ description: 'Active members' }),
    subTeams: z.number().openapi({ description: 'Active sub-teams' }),
  })
  .openapi('VolunteerTeam');
export type TeamView = z.infer<typeof teamSchema>;

export const teamDetailSchema = teamSchema
  .extend({
    memberList: z.array(
      z.object({
        volunteerId: z.string(),
        personId: z.string(),
        name: z.string(),
        startsOn: z.string(),
        endsOn: z.string().nullable(),
      }),
    ),
    subTeamList: z.array(teamSchema),
  })
  .openapi('VolunteerTeamDetail');
