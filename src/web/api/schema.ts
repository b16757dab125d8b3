/**
 * The HTTP API's paths, operations and schemas, generated from the server's OpenAPI document by scripts/openapi.ts
 * with openapi-typescript. Do not edit: run `npm run api:types` after changing a route or a schema.
 */

export interface paths {
  '/api/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in with username or mobile number and password; sets the session cookie */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['LoginRequest'];
        };
      };
      responses: {
        /** @description Signed in */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Me'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many attempts */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out: revokes the session and clears the cookie */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Signed out */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user with roles, permissions and scopes */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The caller */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Me'];
            };
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change the caller’s own password; other sessions are signed out */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ChangePasswordRequest'];
        };
      };
      responses: {
        /** @description Changed */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many attempts */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/labels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The name of every audit action and entity type the modules write, in Chinese and English */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Labels */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AuditLabels'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who did what, when and from where, newest first */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          /** @description Part of actor name, action or address */
          q?: string;
          actorId?: string;
          action?: string;
          entityType?: string;
          entityId?: string;
          from?: string;
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['AuditRow'][];
              page: {
                page: number;
                pageSize: number;
                total: number;
                /** @description True when more rows match than were counted: `total` is then a lower bound */
                totalCapped?: boolean;
              };
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/territories/tree': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The territory tree within the caller’s scope, with counts per node */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Tree roots */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['TerritoryTreeNode'][];
            };
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/territories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search territory nodes by name or code */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          /** @description Part of a name or code */
          q?: string;
          level?: 'county' | 'street' | 'community' | 'grid';
          parentId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of nodes */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['TerritoryNode'][];
              page: {
                page: number;
                pageSize: number;
                total: number;
                /** @description True when more rows match than were counted: `total` is then a lower bound */
                totalCapped?: boolean;
              };
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Add a street, community or grid under a parent node; its code is derived from the parent */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateTerritoryRequest'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['TerritoryDetail'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/territories/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One node with boundary, ancestors and children */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The node */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['TerritoryDetail'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename a node or set its boundary */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateTerritoryRequest'];
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['TerritoryDetail'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/registry/import-template': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The .xlsx import template, with drop-downs and the buildings the caller may import into */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The template */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registry/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller’s latest imports */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Latest first */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['RegistryImport'][];
            };
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Upload a filled-in template; every row is checked in the background and nothing is written yet */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'multipart/form-data': {
            /**
             * Format: binary
             * @description The filled-in template (.xlsx)
             */
            file: string;
          };
        };
      };
      responses: {
        /** @description Stored; validation started (poll the import) */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['RegistryImportDetail'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body too large */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registry/imports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Status, progress, counts and a page of row errors of one of the caller’s imports */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The import */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['RegistryImportDetail'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registry/imports/{id}/report.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The bad rows as uploaded, each with its reasons, as .xlsx */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The report */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registry/imports/{id}/commit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Write the valid rows (or all rows, only if none is bad) in one transaction; a repeat does nothing */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CommitImportRequest'];
        };
      };
      responses: {
        /** @description Committing (poll the import) or already committed */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['RegistryImportDetail'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registry/imports/{id}/discard': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Drop the stored upload; an import not yet committed can no longer be */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Discarded */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['RegistryImportDetail'];
            };
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/residents/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The filtered resident list (filters of GET /residents) as .xlsx; ID card and phone masked unless reveal=true with personal:reveal; audited */
    get: {
      parameters: {
        query?: {
          /** @description Start of a name, a whole ID-card number or a whole mobile number */
          q?: string;
          territoryId?: string;
          buildingId?: string;
          tag?:
            | 'elderly_alone'
            | 'elderly_empty_nest'
            | 'disabled'
            | 'low_income'
            | 'special_care'
            | 'veteran'
            | 'left_behind_child'
            | 'serious_illness';
          ageFrom?: number | null;
          ageTo?: number | null;
          includeMovedOut?: 'true' | 'false';
          /** @description Clear ID-card numbers and phones (needs personal:reveal; audited) */
          reveal?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The list */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many attempts */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/buildings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Buildings within the scope, with current households and residents */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          q?: string;
          territoryId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Building'][];
              page: {
                page: number;
                pageSize: number;
                total: number;
                /** @description True when more rows match than were counted: `total` is then a lower bound */
                totalCapped?: boolean;
              };
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/households': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Find households by address (building, unit, room) and filters */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          /** @description Address: building name, optionally unit and room, e.g. “幸福家园3号楼 2单元 302” */
          q?: string;
          territoryId?: string;
          buildingId?: string;
          kind?: 'permanent' | 'floating' | 'vacant';
          tenure?: 'owned' | 'rented' | 'public' | 'other';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Household'][];
              page: {
                page: number;
                pageSize: number;
                total: number;
                /** @description True when more rows match than were counted: `total` is then a lower bound */
                totalCapped?: boolean;
              };
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Register a household in a building */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateHouseholdRequest'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['HouseholdCard'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/households/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The household card: address, members (masked) and history */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The card */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['HouseholdCard'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a household’s kind, tenure or note */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateHouseholdRequest'];
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['HouseholdCard'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/households/{id}/move-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The household moves out with its members; records and history stay */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['MoveOutRequest'];
        };
      };
      responses: {
        /** @description Moved out */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/residents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Find residents by name, ID-card number, mobile number, key-population tag, age or place */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          /** @description Start of a name, a whole ID-card number or a whole mobile number */
          q?: string;
          territoryId?: string;
          buildingId?: string;
          tag?:
            | 'elderly_alone'
            | 'elderly_empty_nest'
            | 'disabled'
            | 'low_income'
            | 'special_care'
            | 'veteran'
            | 'left_behind_child'
            | 'serious_illness';
          ageFrom?: number | null;
          ageTo?: number | null;
          includeMovedOut?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Resident'][];
              page: {
                page: number;
                pageSize: number;
                total: number;
                /** @description True when more rows match than were counted: `total` is then a lower bound */
                totalCapped?: boolean;
              };
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many attempts */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Register a resident in a household; gender and birth date follow the ID-card number */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateResidentRequest'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Resident'] & {
                history: {
                  id: string;
                  at: string;
                  event: string;
                  fromHouseholdId: string | null;
                  fromAddress: string | null;
                  toHouseholdId: string | null;
                  toAddress: string | null;
                  details: {
                    [key: string]: unknown;
                  } | null;
                }[];
              };
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/residents/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One resident (masked) with history */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The resident */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Resident'] & {
                history: {
                  id: string;
                  at: string;
                  event: string;
                  fromHouseholdId: string | null;
                  fromAddress: string | null;
                  toHouseholdId: string | null;
                  toAddress: string | null;
                  details: {
                    [key: string]: unknown;
                  } | null;
                }[];
              };
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edit a resident */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateResidentRequest'];
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Resident'] & {
                history: {
                  id: string;
                  at: string;
                  event: string;
                  fromHouseholdId: string | null;
                  fromAddress: string | null;
                  toHouseholdId: string | null;
                  toAddress: string | null;
                  details: {
                    [key: string]: unknown;
                  } | null;
                }[];
              };
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/residents/{id}/move': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move a resident to another household; history keeps the previous one */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['MoveResidentRequest'];
        };
      };
      responses: {
        /** @description Moved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Resident'] & {
                history: {
                  id: string;
                  at: string;
                  event: string;
                  fromHouseholdId: string | null;
                  fromAddress: string | null;
                  toHouseholdId: string | null;
                  toAddress: string | null;
                  details: {
                    [key: string]: unknown;
                  } | null;
                }[];
              };
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/residents/{id}/move-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The resident moves out of the county’s registry; record and history stay */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['MoveOutRequest'];
        };
      };
      responses: {
        /** @description Moved out */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/residents/{id}/reveal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The clear ID-card number, phone and birth date (needs personal:reveal; audited) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Clear values */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                idCard: string | null;
                phone: string | null;
                birthDate: string;
              };
            };
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/territories/{id}/fact-sheet': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The grid fact sheet (一口清): households, residents, age pyramid, key populations, buildings */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The fact sheet */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['FactSheet'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/territories/{id}/map': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Everything the map draws for a place: its outline, its areas (GeoJSON) with counts, its building points */
    get: {
      parameters: {
        query?: {
          /** @description The areas drawn: the node’s children, or every grid below it (a street’s grids); a grid is its own area */
          areas?: 'children' | 'grids';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The map of the place */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['TerritoryMap'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/roles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The role catalogue, with which roles the caller may grant */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Roles */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @enum {string} */
                code:
                  | 'county_admin'
                  | 'street_admin'
                  | 'community_secretary'
                  | 'community_worker'
                  | 'branch_secretary'
                  | 'grid_worker'
                  | 'building_leader'
                  | 'party_member'
                  | 'volunteer'
                  | 'resident'
                  | 'merchant'
                  | 'inspector';
                name: {
                  zh: string;
                  en: string;
                };
                permissions: string[];
                scopeKinds: ('all' | 'street' | 'community' | 'grids' | 'buildings' | 'self')[];
                /** @description Whether the caller may grant this role */
                grantable: boolean;
              }[];
            };
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/accounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Accounts within the caller’s scope */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          /** @description Part of username or name, or a whole mobile number */
          q?: string;
          status?: 'active' | 'disabled';
          role?:
            | 'county_admin'
            | 'street_admin'
            | 'community_secretary'
            | 'community_worker'
            | 'branch_secretary'
            | 'grid_worker'
            | 'building_leader'
            | 'party_member'
            | 'volunteer'
            | 'resident'
            | 'merchant'
            | 'inspector';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Account'][];
              page: {
                page: number;
                pageSize: number;
                total: number;
                /** @description True when more rows match than were counted: `total` is then a lower bound */
                totalCapped?: boolean;
              };
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create an account with roles; the user must change the password at first sign-in */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateAccountRequest'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Account'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/accounts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One account */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The account */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Account'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change name or mobile number, or disable / enable the account */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateAccountRequest'];
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Account'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/accounts/{id}/password-reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set a new password; the account’s sessions end and it must change the password at next sign-in */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ResetPasswordRequest'];
        };
      };
      responses: {
        /** @description Reset */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/accounts/{id}/roles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Replace the account’s role assignments and their scopes */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SetRolesRequest'];
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Account'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/accounts/{id}/reveal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Show the account’s full mobile number (audited) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Clear values */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                mobile: string | null;
              };
            };
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The person the caller’s account is linked to, or null */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description My person */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Person'];
            };
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Persons within the caller’s scope, by name (mobile numbers masked) */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          /** @description Part of a name */
          q?: string;
          /** @description Only persons in this place (inside the scope) */
          territoryId?: string;
          /** @description Only persons with (or without) an account */
          account?: 'linked' | 'unlinked';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Person'][];
              page: {
                page: number;
                pageSize: number;
                total: number;
                /** @description True when more rows match than were counted: `total` is then a lower bound */
                totalCapped?: boolean;
              };
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Record a person: a resident of the registry, or a person standing alone on a grid or community */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreatePersonRequest'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Person'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One person */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The person */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Person'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/{id}/account': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Link an account the caller manages to the person, or unlink it (userId null) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['LinkPersonAccountRequest'];
        };
      };
      responses: {
        /** @description The person */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Person'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/grid-workers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Grid workers serving grids inside the caller’s scope, with their grids and household load */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          /** @description Part of a name */
          q?: string;
          /** @description Only workers serving a grid in this place (inside the scope) */
          territoryId?: string;
          employment?: 'full_time' | 'part_time';
          occupation?: 'staff' | 'delivery_rider' | 'courier' | 'other';
          /** @description Only workers above (true) or within (false) the load */
          overloaded?: 'true' | 'false';
          /** @description Households per worker above which a worker or grid is marked (400) */
          maxLoad?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['GridWorker'][];
              page: {
                page: number;
                pageSize: number;
                total: number;
                /** @description True when more rows match than were counted: `total` is then a lower bound */
                totalCapped?: boolean;
              };
              maxLoad: number;
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Appoint a person grid worker of grids (giving them the grid_worker role over every grid they serve) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AppointGridWorkerRequest'];
        };
      };
      responses: {
        /** @description Appointed */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['GridWorker'];
              /** @description The account opened for the person (shown once), or null when they had one */
              opened: {
                username: string;
                password: string;
              } | null;
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/grid-workers/grids': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Workload of every grid inside the scope: households, workers, households per worker, uncovered grids */
    get: {
      parameters: {
        query?: {
          /** @description Only grids in this place (inside the scope) */
          territoryId?: string;
          /** @description Only grids without a worker (true) or with one (false) */
          uncovered?: 'true' | 'false';
          /** @description Households per worker above which a worker or grid is marked (400) */
          maxLoad?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Grids */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['GridLoad'][];
              summary: {
                grids: number;
                uncovered: number;
                overloaded: number;
                maxLoad: number;
              };
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/grid-workers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One grid worker (a person id) serving or having served a grid inside the scope */
    get: {
      parameters: {
        query?: {
          /** @description Households per worker above which a worker or grid is marked (400) */
          maxLoad?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The worker */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['GridWorker'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/grid-workers/{id}/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End a worker’s service on grids (all inside the scope when none named); access shrinks at once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['EndGridWorkerRequest'];
        };
      };
      responses: {
        /** @description The worker */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['GridWorker'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/volunteers/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My volunteer profile (of the person my account is linked to), or null */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description My profile */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Volunteer'];
            };
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Register myself (my person) as volunteer */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RegisterMyselfVolunteerRequest'];
        };
      };
      responses: {
        /** @description Registered */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Volunteer'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/volunteers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Volunteers serving inside the caller’s scope */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          /** @description Part of a name */
          q?: string;
          /** @description Only volunteers serving in this place */
          territoryId?: string;
          /** @description Only volunteers with this skill */
          skill?: string;
          availability?: 'weekdays' | 'weekends' | 'evenings' | 'anytime';
          status?: 'active' | 'ended' | 'all';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Volunteer'][];
              page: {
                page: number;
                pageSize: number;
                total: number;
                /** @description True when more rows match than were counted: `total` is then a lower bound */
                totalCapped?: boolean;
              };
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Register a person (existing, or recorded now) as volunteer */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RegisterVolunteerRequest'];
        };
      };
      responses: {
        /** @description Registered */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Volunteer'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/volunteers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One volunteer profile */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The profile */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Volunteer'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/volunteers/{id}/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End a volunteer’s profile (and their memberships) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['EndVolunteerRequest'];
        };
      };
      responses: {
        /** @description The profile */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Volunteer'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/volunteer-teams': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Volunteer corps and sub-teams serving inside the scope, with their counts */
    get: {
      parameters: {
        query?: {
          /** @description Only teams serving in this place */
          territoryId?: string;
          status?: 'active' | 'dissolved' | 'all';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Teams */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['VolunteerTeam'][];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create a corps (服务队) or a sub-team (分队) of one */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateVolunteerTeamRequest'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['VolunteerTeamDetail'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/volunteer-teams/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One team with its members and sub-teams */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The team */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['VolunteerTeamDetail'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename a team */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RenameVolunteerTeamRequest'];
        };
      };
      responses: {
        /** @description The team */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['VolunteerTeamDetail'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/volunteer-teams/{id}/dissolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Dissolve a team (refused while it has active members or sub-teams) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['EndVolunteerRequest'];
        };
      };
      responses: {
        /** @description The team */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['VolunteerTeamDetail'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/volunteer-teams/{id}/join': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A volunteer joins the team */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['VolunteerTeamMemberRequest'];
        };
      };
      responses: {
        /** @description The team */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['VolunteerTeamDetail'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with existing data */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/volunteer-teams/{id}/leave': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A member leaves the team */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['VolunteerTeamMemberRequest'];
        };
      };
      responses: {
        /** @description The team */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['VolunteerTeamDetail'];
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/insights/figures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The report’s figures computed from records, within the caller’s scope */
    get: {
      parameters: {
        query?: {
          /** @description Narrow to this node’s subtree (within the caller’s scope) */
          territoryId?: string;
          /** @description Start of the period for flow figures; not after `to` (YYYY-MM-DD, 1900-01-01 to 2100-12-31) */
          from?: string;
          /** @description End of the period; stock figures are counted as of this day (Asia/Shanghai). Before the first record they are 0; a day after today counts as today (YYYY-MM-DD, 1900-01-01 to 2100-12-31) */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Figures */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Figures'];
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/insights/overview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** County overview of a place: figures, age structure, key populations and each child area */
    get: {
      parameters: {
        query?: {
          territoryId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Overview */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Overview'] | null;
            };
          };
        };
        /** @description Invalid request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or session expired */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Permission missing or cross-site request */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found or outside the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Me: {
      id: string;
      username: string;
      displayName: string;
      mustChangePassword: boolean;
      roles: components['schemas']['RoleAssignment'][];
      permissions: string[];
    };
    RoleAssignment: {
      id: string;
      /** @enum {string} */
      role:
        | 'county_admin'
        | 'street_admin'
        | 'community_secretary'
        | 'community_worker'
        | 'branch_secretary'
        | 'grid_worker'
        | 'building_leader'
        | 'party_member'
        | 'volunteer'
        | 'resident'
        | 'merchant'
        | 'inspector';
      roleName: {
        zh: string;
        en: string;
      };
      /** @enum {string} */
      scopeKind: 'all' | 'street' | 'community' | 'grids' | 'buildings' | 'self';
      scopeIds: string[];
      territories: {
        id: string;
        level: string;
        code: string;
        name: string;
      }[];
      /** @description The kind of position that gave this access (e.g. building_leader); null when granted by hand. Such roles end with the position and are not edited on the account. */
      sourceKind: string | null;
    };
    Error: {
      error: {
        code: string;
        message: string;
        details: {
          field: string;
          code: string;
          message: string;
        }[];
        requestId: string;
      };
    };
    LoginRequest: {
      /**
       * @description Username or mobile number
       * @example admin
       */
      username: string;
      /** @example wuwei-demo */
      password: string;
    };
    ChangePasswordRequest: {
      currentPassword: string;
      newPassword: string;
    };
    AuditLabels: {
      actions: {
        [key: string]: {
          zh: string;
          en: string;
        };
      };
      entityTypes: {
        [key: string]: {
          zh: string;
          en: string;
        };
      };
    };
    AuditRow: {
      id: string;
      at: string;
      actorId: string | null;
      actorName: string | null;
      actorRole: string | null;
      action: string;
      entityType: string;
      entityId: string | null;
      territoryCode: string | null;
      changes: {
        [key: string]: unknown;
      } | null;
      requestId: string | null;
      ip: string | null;
      userAgent: string | null;
    };
    TerritoryTreeNode: components['schemas']['TerritoryNode'] & {
      children: components['schemas']['TerritoryTreeNode'][];
    };
    TerritoryNode: {
      id: string;
      parentId: string | null;
      /** @enum {string} */
      level: 'county' | 'street' | 'community' | 'grid';
      code: string;
      name: string;
      sequence: number;
      hasBoundary: boolean;
      counts: {
        streets: number;
        communities: number;
        grids: number;
      };
    };
    TerritoryDetail: components['schemas']['TerritoryNode'] & {
      boundary: components['schemas']['Boundary'];
      ancestors: {
        id: string;
        /** @enum {string} */
        level: 'county' | 'street' | 'community' | 'grid';
        code: string;
        name: string;
      }[];
      children: components['schemas']['TerritoryNode'][];
    };
    /** @description GeoJSON Polygon or MultiPolygon geometry (WGS 84) */
    Boundary:
      | {
          /** @enum {string} */
          type: 'Polygon';
          coordinates: [number, number][][];
        }
      | {
          /** @enum {string} */
          type: 'MultiPolygon';
          coordinates: [number, number][][][];
        }
      | null;
    CreateTerritoryRequest: {
      /** Format: uuid */
      parentId: string;
      name: string;
      /** @description Sequence number among siblings; the next free one when omitted. It forms the code. */
      sequence?: number;
      boundary?: components['schemas']['Boundary'];
    };
    UpdateTerritoryRequest: {
      name?: string;
      boundary?: components['schemas']['Boundary'];
    };
    RegistryImportDetail: components['schemas']['RegistryImport'] & {
      errors: components['schemas']['ImportRowError'][];
      errorPage: {
        page: number;
        pageSize: number;
        total: number;
        /** @description True when more rows match than were counted: `total` is then a lower bound */
        totalCapped?: boolean;
      };
    };
    ImportRowError: {
      /** @description Row number in the sheet (the header is row 1) */
      row: number;
      /** @description Chinese header of the column, null for the row */
      column: string | null;
      code: string;
      message: {
        zh: string;
        en: string;
      };
    };
    RegistryImport: {
      id: string;
      /** @enum {string} */
      status: 'validating' | 'validated' | 'committing' | 'committed' | 'failed' | 'discarded';
      fileName: string;
      fileSize: number;
      progress: {
        processedRows: number;
        /** @description Known from the sheet before reading, if declared */
        totalRows: number | null;
      };
      counts: {
        rows: number;
        validRows: number;
        errorRows: number;
        errors: number;
        newHouseholds: number;
        committedResidents: number | null;
        committedHouseholds: number | null;
      };
      /** @description Why the whole file was refused or the commit failed */
      failure: {
        zh: string;
        en: string;
        /** @description Stable reason when the file was refused: not_xlsx, corrupt, part_too_large, unpacked_too_large, compression_ratio, too_many_shared_strings, shared_strings_too_long, too_many_rows, too_many_columns, cell_too_long, time_limit, header_missing, no_data_rows, interrupted */
        code?: string;
      } | null;
      reportAvailable: boolean;
      createdAt: string;
      updatedAt: string;
      validatedAt: string | null;
      committedAt: string | null;
    };
    CommitImportRequest: {
      /**
       * @description `valid-only` writes the rows without errors; `all-or-nothing` refuses unless every row is valid
       * @enum {string}
       */
      mode: 'valid-only' | 'all-or-nothing';
    };
    Building: {
      id: string;
      code: string;
      name: string;
      compound: string | null;
      /** @enum {string} */
      kind: 'residential_compound' | 'old_compound' | 'rental' | 'commercial';
      floors: number;
      unitCount: number;
      lng: number | null;
      lat: number | null;
      propertyCompany: string | null;
      gridId: string;
      gridCode: string;
      households: number;
      residents: number;
    };
    Household: {
      id: string;
      address: string;
      buildingId: string;
      buildingName: string;
      unitNumber: number;
      room: string;
      /** @enum {string} */
      kind: 'permanent' | 'floating' | 'vacant';
      /** @enum {string} */
      tenure: 'owned' | 'rented' | 'public' | 'other';
      note: string | null;
      gridId: string;
      gridCode: string;
      gridName: string;
      /** @description Current members */
      size: number;
      movedOutAt: string | null;
    };
    HouseholdCard: components['schemas']['Household'] & {
      members: components['schemas']['Resident'][];
      history: {
        id: string;
        at: string;
        event: string;
        fromHouseholdId: string | null;
        fromAddress: string | null;
        toHouseholdId: string | null;
        toAddress: string | null;
        details: {
          [key: string]: unknown;
        } | null;
      }[];
    };
    Resident: {
      id: string;
      name: string;
      /** @enum {string} */
      gender: 'male' | 'female';
      /** @description Age in whole years. No birth date: with the region code and the ID card’s last four it would rebuild the number; the audited reveal gives it */
      age: number;
      /** @description Masked */
      idCard: string | null;
      /** @description Masked */
      phone: string | null;
      /** @enum {string} */
      relation:
        | 'head'
        | 'spouse'
        | 'child'
        | 'parent'
        | 'grandchild'
        | 'grandparent'
        | 'sibling'
        | 'in_law'
        | 'tenant'
        | 'other';
      /** @enum {string} */
      politicalStatus:
        'party_member' | 'probationary_member' | 'league_member' | 'democratic_party' | 'masses';
      /** @enum {string} */
      residency: 'registered' | 'floating' | 'registered_away';
      note: string | null;
      tags: {
        /** @enum {string} */
        tag:
          | 'elderly_alone'
          | 'elderly_empty_nest'
          | 'disabled'
          | 'low_income'
          | 'special_care'
          | 'veteran'
          | 'left_behind_child'
          | 'serious_illness';
        careLevel: number;
      }[];
      householdId: string | null;
      address: string | null;
      gridCode: string | null;
      movedOutAt: string | null;
    };
    CreateHouseholdRequest: {
      /** Format: uuid */
      buildingId: string;
      unitNumber: number;
      room: string;
      /** @enum {string} */
      kind: 'permanent' | 'floating' | 'vacant';
      /**
       * @default owned
       * @enum {string}
       */
      tenure?: 'owned' | 'rented' | 'public' | 'other';
      note?: string | null;
    };
    UpdateHouseholdRequest: {
      /** @enum {string} */
      kind?: 'permanent' | 'floating' | 'vacant';
      /** @enum {string} */
      tenure?: 'owned' | 'rented' | 'public' | 'other';
      note?: string | null;
    };
    MoveOutRequest: {
      note?: string;
    };
    CreateResidentRequest: {
      name: string;
      /**
       * @description Taken from the ID-card number when omitted
       * @enum {string}
       */
      gender?: 'male' | 'female';
      /**
       * Format: date
       * @description Taken from the ID-card number when omitted
       */
      birthDate?: string;
      idCard?: string | null;
      phone?: string | null;
      /** @enum {string} */
      relation:
        | 'head'
        | 'spouse'
        | 'child'
        | 'parent'
        | 'grandchild'
        | 'grandparent'
        | 'sibling'
        | 'in_law'
        | 'tenant'
        | 'other';
      /**
       * @default masses
       * @enum {string}
       */
      politicalStatus?:
        'party_member' | 'probationary_member' | 'league_member' | 'democratic_party' | 'masses';
      /**
       * @default registered
       * @enum {string}
       */
      residency?: 'registered' | 'floating' | 'registered_away';
      note?: string | null;
      /** @default [] */
      tags?: {
        /** @enum {string} */
        tag:
          | 'elderly_alone'
          | 'elderly_empty_nest'
          | 'disabled'
          | 'low_income'
          | 'special_care'
          | 'veteran'
          | 'left_behind_child'
          | 'serious_illness';
        /** @default 1 */
        careLevel?: number;
      }[];
      /** Format: uuid */
      householdId: string;
    };
    UpdateResidentRequest: {
      name?: string;
      /**
       * @description Taken from the ID-card number when omitted
       * @enum {string}
       */
      gender?: 'male' | 'female';
      /**
       * Format: date
       * @description Taken from the ID-card number when omitted
       */
      birthDate?: string;
      idCard?: string | null;
      phone?: string | null;
      /** @enum {string} */
      relation?:
        | 'head'
        | 'spouse'
        | 'child'
        | 'parent'
        | 'grandchild'
        | 'grandparent'
        | 'sibling'
        | 'in_law'
        | 'tenant'
        | 'other';
      /** @enum {string} */
      politicalStatus?:
        'party_member' | 'probationary_member' | 'league_member' | 'democratic_party' | 'masses';
      /** @enum {string} */
      residency?: 'registered' | 'floating' | 'registered_away';
      note?: string | null;
      tags?: {
        /** @enum {string} */
        tag:
          | 'elderly_alone'
          | 'elderly_empty_nest'
          | 'disabled'
          | 'low_income'
          | 'special_care'
          | 'veteran'
          | 'left_behind_child'
          | 'serious_illness';
        /** @default 1 */
        careLevel?: number;
      }[];
    };
    MoveResidentRequest: {
      /** Format: uuid */
      householdId: string;
      /** @enum {string} */
      relation:
        | 'head'
        | 'spouse'
        | 'child'
        | 'parent'
        | 'grandchild'
        | 'grandparent'
        | 'sibling'
        | 'in_law'
        | 'tenant'
        | 'other';
      note?: string;
    };
    FactSheet: {
      territory: {
        id: string;
        /** @enum {string} */
        level: 'county' | 'street' | 'community' | 'grid';
        code: string;
        name: string;
        ancestors: {
          id: string;
          /** @enum {string} */
          level: 'county' | 'street' | 'community' | 'grid';
          code: string;
          name: string;
        }[];
        counts: {
          streets: number;
          communities: number;
          grids: number;
        };
      };
      households: components['schemas']['HouseholdStats'];
      residents: components['schemas']['ResidentStats'];
      agePyramid: components['schemas']['AgePyramid'];
      keyPopulation: {
        total: number;
        byTag: components['schemas']['KeyPopulationByTag'];
      };
      buildings: {
        id: string;
        code: string;
        name: string;
        /** @enum {string} */
        kind: 'residential_compound' | 'old_compound' | 'rental' | 'commercial';
        floors: number;
        unitCount: number;
        propertyCompany: string | null;
        households: number;
        vacant: number;
        rented: number;
        residents: number;
        /** @description Residents of the building with a key-population tag */
        keyPopulation: number;
        /** @description Building leaders come with the people module; none yet */
        leader: null;
      }[];
      children: components['schemas']['ChildAreaStats'][];
      /** Format: date-time */
      generatedAt: string;
    };
    HouseholdStats: {
      total: number;
      permanent: number;
      floating: number;
      vacant: number;
      rented: number;
    };
    ResidentStats: {
      total: number;
      male: number;
      female: number;
      registered: number;
      floating: number;
      partyMembers: number;
      under18: number;
      over60: number;
      over80: number;
    };
    AgePyramid: {
      band: string;
      male: number;
      female: number;
    }[];
    KeyPopulationByTag: {
      /** @enum {string} */
      tag:
        | 'elderly_alone'
        | 'elderly_empty_nest'
        | 'disabled'
        | 'low_income'
        | 'special_care'
        | 'veteran'
        | 'left_behind_child'
        | 'serious_illness';
      count: number;
      /**
       * @example {
       *       "1": 12,
       *       "2": 3,
       *       "3": 1
       *     }
       */
      byCareLevel: {
        [key: string]: number;
      };
    }[];
    ChildAreaStats: {
      id: string;
      code: string;
      name: string;
      /** @description The territory level: street, community or grid */
      level: string;
      households: number;
      residents: number;
      keyPopulation: number;
    };
    TerritoryMap: {
      territory: {
        id: string;
        /** @enum {string} */
        level: 'county' | 'street' | 'community' | 'grid';
        code: string;
        name: string;
        ancestors: {
          id: string;
          /** @enum {string} */
          level: 'county' | 'street' | 'community' | 'grid';
          code: string;
          name: string;
        }[];
        /** @description The place’s own outline */
        boundary:
          | {
              /** @enum {string} */
              type: 'Polygon';
              coordinates: [number, number][][];
            }
          | {
              /** @enum {string} */
              type: 'MultiPolygon';
              coordinates: [number, number][][][];
            }
          | null;
      };
      areas: {
        /** @enum {string} */
        type: 'FeatureCollection';
        features: components['schemas']['MapAreaFeature'][];
      };
      /** @description For a community or grid, to a caller who may read the registry there; otherwise null */
      buildings: {
        /** @enum {string} */
        type: 'FeatureCollection';
        /** @description Buildings of the place in the caller’s registry scope */
        total: number;
        /** @description The first 1000 by code */
        features: components['schemas']['MapBuildingFeature'][];
      } | null;
    };
    MapAreaFeature: {
      /** @enum {string} */
      type: 'Feature';
      geometry:
        | {
            /** @enum {string} */
            type: 'Polygon';
            coordinates: [number, number][][];
          }
        | {
            /** @enum {string} */
            type: 'MultiPolygon';
            coordinates: [number, number][][][];
          }
        | null;
      properties: {
        id: string;
        code: string;
        name: string;
        /** @enum {string} */
        level: 'county' | 'street' | 'community' | 'grid';
        /** @description Current households */
        households: number;
        /** @description Current residents */
        residents: number;
        /** @description Current residents with a key-population tag (the key-population layer) */
        keyPopulation: number;
      };
    };
    MapBuildingFeature: {
      /** @enum {string} */
      type: 'Feature';
      geometry: {
        /** @enum {string} */
        type: 'Point';
        coordinates: [number, number];
      } | null;
      properties: {
        id: string;
        name: string;
        /** @enum {string} */
        kind: 'residential_compound' | 'old_compound' | 'rental' | 'commercial';
        floors: number;
        unitCount: number;
        households: number;
        residents: number;
      };
    };
    Account: {
      id: string;
      username: string;
      displayName: string;
      /** @description Masked (138****5678) */
      mobile: string | null;
      /** @enum {string} */
      status: 'active' | 'disabled';
      mustChangePassword: boolean;
      lastLoginAt: string | null;
      createdAt: string;
      roles: components['schemas']['RoleAssignment'][];
    };
    CreateAccountRequest: {
      username: string;
      displayName: string;
      mobile?: string | null;
      password: string;
      /** @default [] */
      roles?: components['schemas']['RoleAssignmentInput'][];
    };
    RoleAssignmentInput: {
      /** @enum {string} */
      role:
        | 'county_admin'
        | 'street_admin'
        | 'community_secretary'
        | 'community_worker'
        | 'branch_secretary'
        | 'grid_worker'
        | 'building_leader'
        | 'party_member'
        | 'volunteer'
        | 'resident'
        | 'merchant'
        | 'inspector';
      /** @enum {string} */
      scopeKind: 'all' | 'street' | 'community' | 'grids' | 'buildings' | 'self';
      /** @default [] */
      scopeIds?: string[];
    };
    UpdateAccountRequest: {
      displayName?: string;
      mobile?: string | null;
      /** @enum {string} */
      status?: 'active' | 'disabled';
    };
    ResetPasswordRequest: {
      newPassword: string;
    };
    SetRolesRequest: {
      roles: components['schemas']['RoleAssignmentInput'][];
    };
    Person: {
      id: string;
      name: string;
      /** @enum {string|null} */
      gender: 'male' | 'female' | null;
      /** @description Masked (138****5678) */
      mobile: string | null;
      /** @description The resident this person is, if registered */
      residentId: string | null;
      /** @description Where the person lives or serves (grid or community) */
      territoryCode: string;
      territoryName: string | null;
      /** @description The account linked to this person */
      account: {
        id: string;
        displayName: string;
      } | null;
      createdAt: string;
      updatedAt: string;
    } | null;
    CreatePersonRequest: {
      /**
       * Format: uuid
       * @description A resident inside the caller’s scope
       */
      residentId?: string;
      name?: string;
      /** @enum {string} */
      gender?: 'male' | 'female';
      mobile?: string | null;
      /**
       * Format: uuid
       * @description A grid or community inside the caller’s scope (without residentId)
       */
      territoryId?: string;
    };
    LinkPersonAccountRequest: {
      /**
       * Format: uuid
       * @description The account to link; null unlinks the current one
       */
      userId: string | null;
    };
    GridWorker: {
      personId: string;
      name: string;
      /** @enum {string|null} */
      gender: 'male' | 'female' | null;
      /** @description In full when the person agreed to publish it, masked otherwise */
      mobile: string | null;
      publishMobile: boolean;
      territoryCode: string;
      account: {
        id: string;
        displayName: string;
      } | null;
      /**
       * @description Of the current service
       * @enum {string|null}
       */
      employment: 'full_time' | 'part_time' | null;
      /** @enum {string|null} */
      occupation: 'staff' | 'delivery_rider' | 'courier' | 'other' | null;
      /** @description Grids served now */
      grids: components['schemas']['GridService'][];
      /** @description Ended service (in the detail only) */
      history: components['schemas']['GridService'][];
      /** @description Households per worker, summed over the grids served */
      load: number;
      overloaded: boolean;
    };
    GridService: {
      id: string;
      gridId: string;
      gridCode: string;
      gridName: string;
      communityName: string | null;
      /** @enum {string} */
      employment: 'full_time' | 'part_time';
      /** @enum {string} */
      occupation: 'staff' | 'delivery_rider' | 'courier' | 'other';
      startsOn: string;
      endsOn: string | null;
      /** @description Households of the grid (serving rows only) */
      households: number;
      /** @description Workers serving the grid (serving rows only) */
      workers: number;
    };
    GridLoad: {
      gridId: string;
      gridCode: string;
      gridName: string;
      communityName: string | null;
      households: number;
      workers: number;
      fullTime: number;
      partTime: number;
      /** @description Households / workers; null without a worker */
      loadPerWorker: number | null;
      overloaded: boolean;
    };
    AppointGridWorkerRequest: {
      /**
       * Format: uuid
       * @description An existing person (or give `person`)
       */
      personId?: string;
      person?: components['schemas']['CreatePersonRequest'];
      /** @description Grids inside the caller’s scope */
      gridIds: string[];
      /** @enum {string} */
      employment: 'full_time' | 'part_time';
      /**
       * @default staff
       * @enum {string}
       */
      occupation?: 'staff' | 'delivery_rider' | 'courier' | 'other';
      /**
       * Format: date
       * @description First day served (YYYY-MM-DD); today if left out
       */
      startsOn?: string;
      /** @description The person agreed to have their mobile printed on contact cards */
      publishMobile?: boolean;
    };
    EndGridWorkerRequest: {
      /** @description The grids to stop serving; every grid inside the caller’s scope if left out */
      gridIds?: string[];
      /**
       * Format: date
       * @description Last day served (YYYY-MM-DD, not after today); today if left out
       */
      endsOn?: string;
    };
    Volunteer: {
      id: string;
      personId: string;
      name: string;
      /** @enum {string|null} */
      gender: 'male' | 'female' | null;
      /** @description Masked unless the person agreed to publish it */
      mobile: string | null;
      territoryCode: string;
      territoryName: string | null;
      skills: string[];
      /** @enum {string} */
      availability: 'weekdays' | 'weekends' | 'evenings' | 'anytime';
      startsOn: string;
      endsOn: string | null;
      teams: {
        id: string;
        name: string;
        /** @enum {string} */
        kind: 'corps' | 'team';
      }[];
    } | null;
    RegisterMyselfVolunteerRequest: {
      /**
       * Format: uuid
       * @description Where the volunteer serves: a community or grid (the person’s own place if left out)
       */
      territoryId?: string;
      /**
       * @description Skills, e.g. 理发, 法律咨询, 医疗 (at most 10)
       * @default []
       */
      skills?: string[];
      /**
       * @default anytime
       * @enum {string}
       */
      availability?: 'weekdays' | 'weekends' | 'evenings' | 'anytime';
      /**
       * Format: date
       * @description First day (YYYY-MM-DD); today if left out
       */
      startsOn?: string;
    };
    RegisterVolunteerRequest: {
      /**
       * Format: uuid
       * @description An existing person (or give `person`)
       */
      personId?: string;
      person?: components['schemas']['CreatePersonRequest'];
      /**
       * Format: uuid
       * @description Where the volunteer serves: a community or grid (the person’s own place if left out)
       */
      territoryId?: string;
      /**
       * @description Skills, e.g. 理发, 法律咨询, 医疗 (at most 10)
       * @default []
       */
      skills?: string[];
      /**
       * @default anytime
       * @enum {string}
       */
      availability?: 'weekdays' | 'weekends' | 'evenings' | 'anytime';
      /**
       * Format: date
       * @description First day (YYYY-MM-DD); today if left out
       */
      startsOn?: string;
    };
    EndVolunteerRequest: {
      /**
       * Format: date
       * @description Last day (YYYY-MM-DD, not after today); today if left out
       */
      endsOn?: string;
    };
    VolunteerTeam: {
      id: string;
      parentId: string | null;
      /** @enum {string} */
      kind: 'corps' | 'team';
      name: string;
      territoryCode: string;
      territoryName: string | null;
      startsOn: string;
      endsOn: string | null;
      /** @description Active members */
      members: number;
      /** @description Active sub-teams */
      subTeams: number;
    };
    VolunteerTeamDetail: components['schemas']['VolunteerTeam'] & {
      memberList: {
        volunteerId: string;
        personId: string;
        name: string;
        startsOn: string;
        endsOn: string | null;
      }[];
      subTeamList: components['schemas']['VolunteerTeam'][];
    };
    CreateVolunteerTeamRequest: {
      name: string;
      /**
       * Format: uuid
       * @description The corps a sub-team (分队) belongs to; left out for a corps (服务队)
       */
      parentId?: string;
      /**
       * Format: uuid
       * @description Where the team serves (street, community or grid); a sub-team defaults to its corps’
       */
      territoryId?: string;
      /** Format: date */
      startsOn?: string;
    };
    RenameVolunteerTeamRequest: {
      name: string;
    };
    VolunteerTeamMemberRequest: {
      /** Format: uuid */
      volunteerId: string;
      /**
       * Format: date
       * @description The day joined or the last day (YYYY-MM-DD); today if left out
       */
      on?: string;
    };
    Figures: {
      /** @description 街道数 — Streets */
      streets: number;
      /** @description 社区数 — Communities */
      communities: number;
      /** @description 网格数 — Grids */
      grids: number;
      /** @description 楼栋数 — Buildings */
      buildings: number;
      /** @description 住户数 — Households */
      households: number;
      /** @description 居民数 — Residents */
      residents: number;
      /** @description 重点人群 — Key population */
      keyPopulation: number;
      /** @description 人员数 — People */
      people: number;
      /** @description 已关联账号的人员 — People with an account */
      peopleLinked: number;
      /** @description 网格员 — Grid workers */
      gridWorkers: number;
      /** @description 兼职网格员 — Part-time grid workers */
      partTimeGridWorkers: number;
      /** @description 志愿者 — Volunteers */
      volunteers: number;
    };
    Overview: {
      territory: {
        id: string;
        /** @enum {string} */
        level: 'county' | 'street' | 'community' | 'grid';
        code: string;
        name: string;
        ancestors: {
          id: string;
          /** @enum {string} */
          level: 'county' | 'street' | 'community' | 'grid';
          code: string;
          name: string;
        }[];
      };
      figures: {
        streets: number;
        communities: number;
        grids: number;
        buildings: number;
        households: number;
        residents: number;
        keyPopulation: number;
      };
      households: components['schemas']['HouseholdStats'];
      residents: components['schemas']['ResidentStats'];
      agePyramid: components['schemas']['AgePyramid'];
      keyPopulationByTag: components['schemas']['KeyPopulationByTag'];
      children: components['schemas']['ChildAreaStats'][];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
