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
  '/api/v1/audit/actors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Accounts with entries the caller may read, by part of their name (the actor filter) */
    get: {
      parameters: {
        query?: {
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Up to 20 accounts */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['AuditActor'][];
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
  '/api/v1/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who did what to which object, when and from where, in plain words, newest first */
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
          /** @description Entries at or after this moment (ISO 8601 with an offset, 1900–2100) */
          from?: string;
          /** @description Entries at or before this moment (ISO 8601 with an offset, 1900–2100) */
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
  '/api/v1/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The county’s settings with their values (the default where none was set) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every setting */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Setting'][];
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
  '/api/v1/settings/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change a county setting (audited) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The setting, e.g. organisation.maxWorkerLoad */
          key: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SettingValue'];
        };
      };
      responses: {
        /** @description The setting as changed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Setting'];
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
  '/api/v1/me/preferences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller’s own preferences (column settings …), by key */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Preferences */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Preferences'];
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
  '/api/v1/me/preferences/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set one of the caller’s own preferences (at most 4 KB, 50 keys) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The preference, e.g. columns.residents */
          key: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['PreferenceValue'];
        };
      };
      responses: {
        /** @description The value stored */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                key: string;
                value?: unknown;
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
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller’s notifications (站内消息), newest first, and the unread count */
    get: {
      parameters: {
        query?: {
          /** @description true: only the unread ones */
          unread?: 'true' | 'false';
          /** @description The last notification of the previous page: the next page starts after it */
          before?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Notifications */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Notifications'];
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
  '/api/v1/me/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark one of the caller’s notifications read */
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
        /** @description Read */
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
  '/api/v1/me/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark every unread notification of the caller read */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description How many were marked */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                marked: number;
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
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/demo/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether the demo county’s history is still loading after a first start */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The demo history’s state */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DemoHistory'];
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
  '/api/v1/residents/exports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller’s latest exports */
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
              data: components['schemas']['ResidentExport'][];
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
    /** Export the filtered resident list (filters of GET /residents) as .xlsx in the background; ID card and phone masked unless reveal=true with personal:reveal; audited when made */
    post: {
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
        /** @description Queued: poll the export, then download its file */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['ResidentExport'];
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
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/residents/exports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Status and progress of one of the caller’s exports */
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
        /** @description The export */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['ResidentExport'];
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
  '/api/v1/residents/exports/{id}/file': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The ready .xlsx of one of the caller’s exports; removed once downloaded */
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
          sort?: 'name' | 'age' | 'address' | 'grid' | 'registered';
          order?: 'asc' | 'desc';
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
          /** @description Households per worker above which a worker or grid is marked (default: the county’s setting) */
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
          /** @description Households per worker above which a worker or grid is marked (default: the county’s setting) */
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
          /** @description Households per worker above which a worker or grid is marked (default: the county’s setting) */
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
  '/api/v1/leaders/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller’s own leader terms and the buildings they lead today (the leader’s phone page) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description My terms and buildings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['MyLeaderPage'];
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
  '/api/v1/leaders/me/households': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Households of the buildings the caller leads, in building / unit / floor / room order (phones masked) */
    get: {
      parameters: {
        query?: {
          buildingId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description My households */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['LeaderHousehold'][];
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
  '/api/v1/leaders/me/residents/{id}/call': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Tap to call: the phone of a resident of a building the caller leads, in clear (audited) */
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
        /** @description The phone */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['LeaderCall'];
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
  '/api/v1/leaders/expiring': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Approved terms in force ending within N days (30 by default), not yet renewed, soonest first */
    get: {
      parameters: {
        query?: {
          days?: number | null;
          territoryId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Expiring terms */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['LeaderTerm'][];
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
  '/api/v1/leaders/terms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Leader terms within the caller’s scope, filtered */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          status?: 'submitted' | 'approved' | 'rejected' | 'withdrawn';
          /** @description Only the terms of this building (inside the scope; 404 otherwise) */
          buildingId?: string;
          /** @description A street, community or grid inside the scope (a leader: one holding their buildings) */
          territoryId?: string;
          /** @description Only approved terms in force whose last day is within this many days */
          expiringWithin?: number | null;
          /** @description Only approved terms in force today (true) */
          active?: 'true' | 'false';
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
              data: components['schemas']['LeaderTerm'][];
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
    /** Nominate a building (or unit) leader: a person, or a resident; the community reviews it */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['NominateLeaderRequest'];
        };
      };
      responses: {
        /** @description Submitted */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['LeaderTerm'];
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
  '/api/v1/leaders/terms/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One term */
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
        /** @description The term */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['LeaderTerm'];
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
  '/api/v1/leaders/terms/{id}/review': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve (one leader per building or unit a day, no overlapping terms; gives the leader access) or reject with a reason */
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
          'application/json': components['schemas']['ReviewLeaderRequest'];
        };
      };
      responses: {
        /** @description Reviewed; `opened` is the account opened for the leader */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['LeaderTerm'];
              /** @description The account opened for the leader, shown this once; null when they had one */
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
  '/api/v1/leaders/terms/{id}/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End an approved term early (a reason); the access it gave ends at once */
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
          'application/json': components['schemas']['EndLeaderTermRequest'];
        };
      };
      responses: {
        /** @description Ended */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['LeaderTerm'];
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
  '/api/v1/leaders/terms/{id}/renew': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Renew an approved term: a new approved term from the day after it ends, access re-granted */
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
          'application/json': components['schemas']['RenewLeaderTermRequest'];
        };
      };
      responses: {
        /** @description The new term */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['LeaderTerm'];
              /** @description The account opened for the leader, shown this once; null when they had one */
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
  '/api/v1/leaders/terms/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw a submitted nomination */
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
          'application/json': components['schemas']['WithdrawLeaderRequest'];
        };
      };
      responses: {
        /** @description Withdrawn */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['LeaderTerm'];
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
  '/api/v1/leaders/buildings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A building’s leaders: those in force today, every term, and its WeChat group */
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
        /** @description The building’s leaders */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['BuildingLeaders'];
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
  '/api/v1/leaders/buildings/{id}/chat': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Record the building’s residents’ WeChat group: name, member count, QR image (PNG/JPEG data URL) */
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
          'application/json': components['schemas']['BuildingChatRequest'];
        };
      };
      responses: {
        /** @description The group */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['BuildingChat'];
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
  '/api/v1/party/orgs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The party organisations of a community (alliance, branches, groups) with counts, a flat list */
    get: {
      parameters: {
        query: {
          /** @description The community */
          territoryId: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The organisations */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['PartyOrgNode'][];
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
    /** Create an alliance (one per community), a branch under it or a group under a branch */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreatePartyOrgRequest'];
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
              data: components['schemas']['PartyOrg'];
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
  '/api/v1/party/orgs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One organisation: places, members, secretaries, children */
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
        /** @description The organisation */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['PartyOrg'];
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
    /** Rename an organisation or change the grids (branch) or buildings (group) it covers */
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
          'application/json': components['schemas']['UpdatePartyOrgRequest'];
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
              data: components['schemas']['PartyOrg'];
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
  '/api/v1/party/orgs/{id}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Merge this branch (group) into another: members, groups and places move; this one ends */
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
          'application/json': components['schemas']['MergePartyOrgRequest'];
        };
      };
      responses: {
        /** @description The organisation merged into */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['PartyOrg'];
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
  '/api/v1/party/orgs/{id}/dissolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Dissolve an organisation (refused while it has members or groups: move them first) */
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
        /** @description Dissolved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['PartyOrg'];
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
  '/api/v1/party/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a person to a branch (and a group of it) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AddPartyMemberRequest'];
        };
      };
      responses: {
        /** @description Added */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
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
  '/api/v1/party/members/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Move a member to another branch or group, or change their status */
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
          'application/json': components['schemas']['UpdatePartyMemberRequest'];
        };
      };
      responses: {
        /** @description Changed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
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
  '/api/v1/party/members/{id}/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End a membership today (an office held ends with it) */
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
        /** @description Ended */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
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
  '/api/v1/party/secretaries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Appoint the secretary of a branch or leader of a group (an active member of it) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AppointPartySecretaryRequest'];
        };
      };
      responses: {
        /** @description Appointed, with the account opened for them if any */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
                personId: string;
                name: string;
                isCadre: boolean;
                cadreUnit: string | null;
                startsOn: string;
                endsOn: string | null;
                orgId: string;
              };
              /** @description The account opened for the person, shown this once; null when they had one */
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
  '/api/v1/party/secretaries/{id}/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End a secretary’s term today; the access it gave ends at once */
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
        /** @description Ended */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
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
  '/api/v1/party/alliance-units': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The current member units of a community’s alliance (驻区单位, 两新组织) */
    get: {
      parameters: {
        query: {
          /** @description The community */
          territoryId: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The units */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['AllianceUnit'][];
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
    /** Add a member unit to an alliance */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AddAllianceUnitRequest'];
        };
      };
      responses: {
        /** @description Added */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['AllianceUnit'];
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
  '/api/v1/party/alliance-units/{id}/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End a member unit’s membership today */
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
        /** @description Ended */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
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
  '/api/v1/party/work-units': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Work units of registered members, with how many approved registrations each has (within the scope) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The work units */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['WorkUnit'][];
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
  '/api/v1/party/registrations/mine': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller’s own registrations (双报到) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description My registrations */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['PartyRegistration'][];
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
  '/api/v1/party/registrations/home': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Where the caller lives (their household and community), to register themself with; or null */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description My home */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['PartyRegistrationHome'];
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
  '/api/v1/party/registrations/skills': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Skills suggested on the registration form (members may name others) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Suggested skills */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: string[];
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
  '/api/v1/party/registrations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Registrations (双报到) within the scope, the review queue first */
    get: {
      parameters: {
        query?: {
          /** @description A community or grid inside the scope */
          territoryId?: string;
          status?: 'submitted' | 'approved' | 'rejected' | 'deregistered' | 'transferred';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Registrations */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['PartyRegistration'][];
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
    /** Register (双报到) with the community one lives in: oneself, or a member within the scope */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreatePartyRegistrationRequest'];
        };
      };
      responses: {
        /** @description Submitted */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['PartyRegistration'];
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
  '/api/v1/party/registrations/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve a registration and place the member in a branch; returns the account opened for them, once */
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
          'application/json': components['schemas']['ApprovePartyRegistrationRequest'];
        };
      };
      responses: {
        /** @description Approved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['PartyRegistration'];
              /** @description The account opened for the person, shown this once; null when they had one */
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
  '/api/v1/party/registrations/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject a registration with a reason */
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
          'application/json': components['schemas']['RejectPartyRegistrationRequest'];
        };
      };
      responses: {
        /** @description Rejected */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['PartyRegistration'];
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
  '/api/v1/party/registrations/{id}/deregister': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Deregister: the registration ends today and the access it gave at once */
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
        /** @description Deregistered */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['PartyRegistration'];
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
  '/api/v1/party/registrations/{id}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Transfer to another community: this registration ends, a submitted one is made there */
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
          'application/json': components['schemas']['TransferPartyRegistrationRequest'];
        };
      };
      responses: {
        /** @description The new registration */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['PartyRegistration'];
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
  '/api/v1/duties/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The duty lists (职责任务清单): the county’s template and the communities’ own items the caller’s scope concerns */
    get: {
      parameters: {
        query?: {
          roleGroup?:
            | 'community_secretary'
            | 'branch_secretary'
            | 'registered_cadre'
            | 'grid_worker'
            | 'building_leader';
          mode?: 'normal' | 'emergency';
          /** @description true: retired items too (default: only those in force today or later) */
          retired?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Items */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['DutyItem'][];
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
    /** Add an item: to the county’s template (the county administrator) or to a community’s own list (communityId) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateDutyItemRequest'];
        };
      };
      responses: {
        /** @description Added */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['DutyItem'];
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
  '/api/v1/duties/items/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edit an item, or retire it (endsOn): items are never deleted */
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
          'application/json': components['schemas']['UpdateDutyItemRequest'];
        };
      };
      responses: {
        /** @description Edited */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['DutyItem'];
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
  '/api/v1/duties/tasks/mine': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller’s own tasks: today’s, this week’s, overdue or recently done */
    get: {
      parameters: {
        query?: {
          /** @description today: open on today (default); week: due this week; overdue: past due and not done; done: the last 30 days */
          view?: 'today' | 'week' | 'overdue' | 'done';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description My tasks */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['DutyTask'][];
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
  '/api/v1/duties/tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tasks inside the caller’s scope (a community’s board): by place, status (overdue) and due days */
    get: {
      parameters: {
        query?: {
          territoryId?: string;
          status?: 'open' | 'done' | 'overdue';
          /** @description Due on or after this day */
          from?: string;
          /** @description Due on or before this day */
          to?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Tasks */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['DutyTask'][];
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
  '/api/v1/duties/board': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Completion per person inside the caller’s scope: tasks due, done on time, late, overdue, and the rate */
    get: {
      parameters: {
        query?: {
          territoryId?: string;
          /** @description Tasks due from this day; 28 days ago when absent */
          from?: string;
          /** @description Tasks due up to this day; today when absent */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The board */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['DutyBoard'];
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
  '/api/v1/duties/tasks/{id}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Complete one of the caller’s tasks with its evidence (a shared task: for all its assignees) */
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
          'application/json': components['schemas']['CompleteDutyTaskRequest'];
        };
      };
      responses: {
        /** @description Done */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['DutyTask'];
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
  '/api/v1/duties/task-photos': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Attach the evidence photo of one of the caller’s open tasks (JPEG, PNG or WebP by its bytes, ≤ 2 MB; metadata removed; encrypted at rest; a second replaces the first) */
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
            /** Format: uuid */
            taskId: string;
            /**
             * Format: binary
             * @description JPEG, PNG or WebP, at most 2 MB
             */
            photo: string;
          };
        };
      };
      responses: {
        /** @description Attached */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['DutyTaskPhoto'];
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
  '/api/v1/duties/tasks/{id}/photo': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A task’s evidence photo, for its assignees and readers of the task board of its place (never cached) */
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
        /** @description The image */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'image/*': string;
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
  '/api/v1/duties/generate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Generate the tasks of the periods touching the days given (today by default); running it again creates none */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['GenerateDutyTasksRequest'];
        };
      };
      responses: {
        /** @description Tasks created */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                created: number;
                from: string;
                to: string;
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
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rounds/visit-photos': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Attach a photo to a visit the caller recorded (JPEG, PNG or WebP by its bytes, ≤ 2 MB; EXIF removed; encrypted at rest; a second replaces the first) */
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
            /** Format: uuid */
            visitId: string;
            /**
             * Format: binary
             * @description JPEG, PNG or WebP, at most 2 MB
             */
            photo: string;
          };
        };
      };
      responses: {
        /** @description Attached */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['VisitPhoto'];
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
  '/api/v1/round-visits/{id}/photo': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A visit’s photo, for readers of the visit (never cached) */
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
        /** @description The image */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'image/*': string;
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
  '/api/v1/households/{id}/visits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A household’s door-knocking visits inside the caller’s scope (of one round, or of all), oldest first, with whether each has a photo */
    get: {
      parameters: {
        query?: {
          /** @description Only the visits of this round */
          roundId?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Visits, oldest first */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['RoundHouseholdVisit'][];
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
  '/api/v1/rounds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Door-knocking rounds concerning the caller’s scope, newest first, with their coverage there */
    get: {
      parameters: {
        query?: {
          status?: 'open' | 'closed';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Rounds */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Round'][];
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
    /** Open a round over a county, street, community or grid: its households are listed at once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['OpenRoundRequest'];
        };
      };
      responses: {
        /** @description Opened */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Round'];
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
  '/api/v1/rounds/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One round with its coverage inside the caller’s scope */
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
        /** @description The round */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Round'];
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
  '/api/v1/rounds/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close a round: refused while households are not covered, unless a reason is given */
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
          'application/json': components['schemas']['CloseRoundRequest'];
        };
      };
      responses: {
        /** @description Closed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Round'];
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
  '/api/v1/rounds/{id}/households': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A page of the round’s households inside the caller’s scope (a grid worker’s grids, a leader’s buildings), filtered by grid, building, coverage and room/address, in building / unit / floor / room order, with their coverage and members (phones masked) */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          /** @description Only this grid */
          gridId?: string;
          /** @description Only this building */
          buildingId?: string;
          /** @description Only households in this coverage state (covered: any but pending) */
          state?: 'pending' | 'met' | 'documented' | 'attempted' | 'covered';
          /** @description Part of the room number or of the building’s name or compound (address) */
          q?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The visit list */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['RoundHousehold'][];
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
  '/api/v1/rounds/{id}/buildings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The round’s buildings inside the caller’s scope (the phone’s “my buildings”), by code, with their households pending, covered and visited */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          /** @description Only this grid */
          gridId?: string;
          /** @description Part of the room number or of the building’s name or compound (address) */
          q?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Buildings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['RoundBuilding'][];
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
  '/api/v1/rounds/{id}/calls': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Tap to call: the clear phone of a present member of one of the round’s households in the visitor’s scope (audited) */
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
          'application/json': components['schemas']['RoundCallRequest'];
        };
      };
      responses: {
        /** @description The number to dial */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['RoundCall'];
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
  '/api/v1/rounds/{id}/progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Live progress of a round inside the caller’s scope: the whole, per community, grid and visitor */
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
        /** @description Progress */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['RoundProgress'];
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
  '/api/v1/rounds/{id}/visits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a visit of a household of the round (201); the same clientId again answers the stored visit (200) */
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
          'application/json': components['schemas']['RecordVisitRequest'];
        };
      };
      responses: {
        /** @description Already stored (same clientId) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['RoundVisit'];
            };
          };
        };
        /** @description Recorded */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['RoundVisit'];
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
  '/api/v1/visit-logs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Visit logs (民情日志) inside the caller’s scope, newest first: words anywhere in the text, tag, kind, follow-up, author, place and period */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          /** @description Words anywhere in the text (Chinese substring search) */
          q?: string;
          kind?: 'need' | 'conflict' | 'opinion' | 'other';
          tag?: string;
          followUp?: 'none' | 'open' | 'in_progress' | 'done';
          /** @description The author’s account */
          authorId?: string;
          /** @description Only the caller’s own entries */
          mine?: 'true' | 'false';
          /** @description A street, community or grid */
          territoryId?: string;
          buildingId?: string;
          householdId?: string;
          /** @description First day (occurredOn) */
          from?: string;
          /** @description Last day (occurredOn) */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of logs */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['VisitLog'][];
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
    /** Write a log about households (of one grid), a building or a grid inside the caller’s scope (201); the same clientId again answers the stored log (200) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateVisitLogRequest'];
        };
      };
      responses: {
        /** @description Already stored (same clientId) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['VisitLog'];
            };
          };
        };
        /** @description Written */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['VisitLog'];
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
  '/api/v1/visit-logs/tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tags the form suggests, and those used in the caller’s scope with their counts */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Tags */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                suggested: string[];
                used: {
                  tag: string;
                  count: number;
                }[];
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
  '/api/v1/visit-logs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One log with its comments (批注) */
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
        /** @description The log */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['VisitLogDetail'];
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
    /** The author edits their log: within 7 days and while it has no comment */
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
          'application/json': components['schemas']['UpdateVisitLogRequest'];
        };
      };
      responses: {
        /** @description Edited */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['VisitLog'];
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
  '/api/v1/visit-logs/{id}/comments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A supervisor comments (批注) on a log inside their scope; the author sees it */
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
          'application/json': components['schemas']['VisitLogCommentRequest'];
        };
      };
      responses: {
        /** @description Commented: the log with its comments */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['VisitLogDetail'];
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
  '/api/v1/visit-logs/{id}/follow-up': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set a log’s follow-up status (none / open / in progress / done): its author, or a supervisor who may comment on it */
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
          'application/json': components['schemas']['VisitLogFollowUpRequest'];
        };
      };
      responses: {
        /** @description Set */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['VisitLog'];
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
  '/api/v1/contacts/coverage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Contact coverage today inside the caller’s scope: per community, or per grid of one community (households without a leader, a central household, either; grids without a worker; central households) */
    get: {
      parameters: {
        query?: {
          /** @description One community (its grids listed); the caller’s whole scope, per community, when absent */
          communityId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Coverage */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['ContactCoverage'];
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
  '/api/v1/contacts/uncovered': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Households of a community inside the caller’s scope without a contact of a kind, in stairwell order */
    get: {
      parameters: {
        query: {
          page?: number;
          pageSize?: number;
          /** @description A community inside the caller’s scope */
          communityId: string;
          /** @description Without a contact of this kind; `any`: without a leader nor a central household */
          kind?: 'leader' | 'central_household' | 'any';
          /** @description Only this grid of the community */
          gridId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Households */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['UncoveredHousehold'][];
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
  '/api/v1/contacts/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A community’s loads and farthest distance (the county’s defaults until it sets its own) */
    get: {
      parameters: {
        query: {
          /** @description A community inside the caller’s scope */
          communityId: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Settings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['ContactSettings'];
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
    /** Set a community’s loads and farthest distance */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ContactSettingsRequest'];
        };
      };
      responses: {
        /** @description Saved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['ContactSettings'];
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
  '/api/v1/contacts/central-households': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Central households (党员中心户) of a community inside the caller’s scope, with their load today */
    get: {
      parameters: {
        query: {
          /** @description A community inside the caller’s scope */
          communityId: string;
          status?: 'active' | 'ended' | 'all';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Central households */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['CentralHousehold'][];
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
    /** Designate a party member’s household as a central household */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['DesignateCentralHouseholdRequest'];
        };
      };
      responses: {
        /** @description Designated */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                id: string;
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
  '/api/v1/contacts/central-households/candidates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Party members living in the community whose household is not a central household yet */
    get: {
      parameters: {
        query: {
          /** @description A community inside the caller’s scope */
          communityId: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Candidates */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['CentralHouseholdCandidate'][];
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
  '/api/v1/contacts/central-households/{id}/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End a central household: the households it contacted are released (history kept) */
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
          'application/json': components['schemas']['EndCentralHouseholdRequest'];
        };
      };
      responses: {
        /** @description Ended */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                id: string;
                endsOn: string;
                householdsReleased: number;
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
  '/api/v1/contacts/proposal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The automatic proposal of one kind over a community: by building proximity within the loads; the households whose contact changes, with the proposed and current contact and the distance */
    get: {
      parameters: {
        query: {
          /** @description A community inside the caller’s scope */
          communityId: string;
          kind: 'leader' | 'central_household';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The proposal */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['ContactProposal'];
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
  '/api/v1/contacts/proposal/apply': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Apply a reviewed proposal (its fingerprint): only the changed assignments are written, in one audited transaction; 409 when it changed since */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ApplyContactProposalRequest'];
        };
      };
      responses: {
        /** @description Applied */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['ContactProposalApplied'];
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
  '/api/v1/households/{id}/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A household’s contacts today: grid workers, its leader and central household contacts */
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
        /** @description Contacts */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['HouseholdContacts'];
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
    /** Assign a household’s leader contact or central household by hand (above the load only when confirmed); the proposal keeps it */
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
          'application/json': components['schemas']['AssignContactRequest'];
        };
      };
      responses: {
        /** @description Assigned */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['ContactAssigned'];
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
  '/api/v1/households/{id}/contacts/candidates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who may be a household’s contact of a kind (the leaders or central households of its community), each with their load */
    get: {
      parameters: {
        query?: {
          /** @description The kind of contact; leader when absent */
          kind?: 'leader' | 'central_household';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Candidates */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['ContactAssignmentCandidates'];
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
  '/api/v1/households/{id}/contacts/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End a household’s contact of a kind (history kept) */
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
          'application/json': components['schemas']['EndContactAssignmentRequest'];
        };
      };
      responses: {
        /** @description Ended */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                id: string;
                endsOn: string;
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
  '/api/v1/coverage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The coverage board of a place today: buildings without a leader, grids without a worker or a branch, branches without a secretary, terms ending within 30 days, overloaded workers */
    get: {
      parameters: {
        query?: {
          /** @description A place inside the caller’s scope (default: all of it) */
          territoryId?: string;
          /** @description Households per grid worker above which a worker is listed (default: the county’s setting) */
          maxLoad?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The board */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Coverage'];
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
  '/api/v1/territories/{id}/servants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who serves a place today (its fact sheet and map): each grid’s workers and branch secretary, each building’s leaders, with published phones */
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
        /** @description Who serves the place */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['PlaceServants'];
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
  '/api/v1/buildings/{id}/service-cards': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The contact cards of a building (楼长联系服务卡): who serves it with published phones, and one card per household */
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
        /** @description The cards */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['ServiceCards'];
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
  '/api/v1/territories/{id}/service-cards': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The contact cards of every building of a grid or a community, as one print set (up to 6,000 households) */
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
        /** @description The cards, building by building */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['PlaceServiceCards'];
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
  '/api/v1/public/buildings/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A building’s public page (behind the QR code on its cards and placard): who serves it and how to reach them */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The token printed in the QR code */
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Who serves the building */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['BuildingServants'];
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
  '/api/v1/planner/proposals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Proposals of places inside the caller’s scope, newest first (at most 200) */
    get: {
      parameters: {
        query?: {
          /** @description Only proposals of this place and the places below it */
          territoryId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Proposals */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['PlanProposalSummary'][];
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
    /** Plans the grids of a community, street or the county inside the caller’s scope from the registry and stores the proposal (run in the request; the time limit caps it) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description A community, a street or the county inside the caller’s scope
             */
            territoryId: string;
            /**
             * @description fresh: draw the grids anew; adjust: from today’s grids, moving as few households as it can
             * @default adjust
             * @enum {string}
             */
            mode?: 'fresh' | 'adjust';
            /** @default 300 */
            targetHouseholds?: number;
            /**
             * @description Balance tolerance: 0.10 = ±10% of the target mean
             * @default 0.1
             */
            tolerance?: number;
            /** @description The number of grids of the place, instead of the target (split among its communities by households) */
            gridCount?: number;
            /** @default 1 */
            seed?: number;
            /**
             * @description Buildings that keep today’s grid (adjust mode)
             * @default []
             */
            pinnedBuildingIds?: string[];
            /**
             * @description The best layout found by then is returned (the demo county takes 3–6 s; the plan returns as soon as it is done)
             * @default 10000
             */
            timeLimitMs?: number;
          };
        };
      };
      responses: {
        /** @description The proposal */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['PlanProposal'];
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
  '/api/v1/planner/proposals/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A proposal: its measures against today’s, each grid’s figures, the grids’ polygons (GeoJSON) and the buildings that change grid */
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
        /** @description The proposal */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['PlanProposal'];
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
  '/api/v1/planner/proposals/{id}/map': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the page draws of a proposal: every building’s point with today’s and the proposed grid and the grids it may move to, today’s grids’ polygons and the barrier lines */
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
        /** @description The proposal’s map */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['PlanProposalMap'];
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
  '/api/v1/planner/proposals/{id}/export.geojson': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A proposal as GeoJSON: the proposed grids’ polygons and every building (point) with its old and new grid code (CJ/T 349) */
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
        /** @description GeoJSON FeatureCollection */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/geo+json': {
              /** @enum {string} */
              type: 'FeatureCollection';
              features: unknown[];
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
  '/api/v1/planner/proposals/{id}/export.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A proposal’s buildings with their old and new grid codes (CJ/T 349) as an .xlsx sheet */
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
        /** @description The sheet */
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
  '/api/v1/planner/proposals/{id}/moves': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Moves a building of a draft proposal to a neighbouring grid (409 unless a neighbouring building lies in it and the grid it leaves stays connected); the measures recomputed */
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
          'application/json': {
            /**
             * Format: uuid
             * @description The building to move (or buildingIds)
             */
            buildingId?: string;
            /** @description Several buildings moved at once to the same grid, judged on the layout after the whole move (or buildingId) */
            buildingIds?: string[];
            toGrid: string;
          };
        };
      };
      responses: {
        /** @description The proposal */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['PlanProposal'];
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
  '/api/v1/planner/proposals/{id}/apply': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Applies a draft proposal in one audited transaction: new grids created, retired ones ended, buildings, households and residents moved with their history (409 when the place changed since, or already applied) */
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
        /** @description Applied */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['PlanApplied'];
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
  '/api/v1/planner/barriers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Barrier lines (main roads, rivers, rail lines) drawn inside the caller’s scope */
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
        /** @description Barriers */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['PlanBarrier'][];
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
    /** Draws a barrier line (longitude/latitude) in a place inside the caller’s scope */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            territoryId: string;
            /** @enum {string} */
            kind: 'road' | 'river' | 'rail';
            name: string;
            line: [number, number][];
          };
        };
      };
      responses: {
        /** @description Added */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['PlanBarrier'];
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
  '/api/v1/planner/barriers/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Imports barrier lines from a GeoJSON FeatureCollection of LineStrings (properties kind and name; at most 500 lines of 5,000 points) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            territoryId: string;
            collection: {
              /** @enum {string} */
              type: 'FeatureCollection';
              features: {
                /** @enum {string} */
                type: 'Feature';
                properties: {
                  /** @enum {string} */
                  kind: 'road' | 'river' | 'rail';
                  name: string;
                } & {
                  [key: string]: unknown;
                };
                geometry: {
                  /** @enum {string} */
                  type: 'LineString';
                  coordinates: [number, number][];
                };
              }[];
            };
          };
        };
      };
      responses: {
        /** @description Imported */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['PlanBarrier'][];
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
  '/api/v1/planner/barriers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Deletes a barrier line inside the caller’s scope */
    delete: {
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
        /** @description Deleted */
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
          /** @description Start of the period for flow figures (moved in, moved out, registered …), from the start of this day (Asia/Shanghai); from the first record when absent; not after `to` (YYYY-MM-DD, 1900-01-01 to 2100-12-31) */
          from?: string;
          /** @description End of the period; stock figures are counted as of the end of this day (Asia/Shanghai), from the valid periods of the records (where each resident lived then, the territory nodes of that day), and flows up to it. Before the first record they are 0; a day after today counts as today (YYYY-MM-DD, 1900-01-01 to 2100-12-31) */
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
  '/api/v1/insights/trends': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Chosen figures over consecutive months, quarters or years (flows over each period, stock as of its end) */
    get: {
      parameters: {
        query: {
          /** @description Narrow to this node’s subtree (within the caller’s scope) */
          territoryId?: string;
          /** @description Figure keys, comma separated (1 to 12), as GET /insights/figures names them */
          keys: string;
          interval?: 'month' | 'quarter' | 'year';
          periods?: number;
          /** @description The day the last period ends on (its period is cut there); today when absent (YYYY-MM-DD, 1900-01-01 to 2100-12-31) */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Trends */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Trends'];
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
      /** @description The name of each of `permissions` in both languages */
      permissionNames: {
        [key: string]: {
          zh: string;
          en: string;
        };
      };
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
    AuditActor: {
      id: string;
      name: string;
      username: string;
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
      /** @description The action in plain words (its code when no module names it) */
      actionLabel: {
        zh: string;
        en: string;
      };
      entityTypeLabel: {
        zh: string;
        en: string;
      };
      /** @description The object’s name now: a resident’s masked name, a household’s address …; null when unknown */
      entityName: string | null;
      actor: {
        /** @enum {string} */
        kind: 'user' | 'system' | 'anonymous';
        name: {
          zh: string;
          en: string;
        };
        roles: {
          zh: string;
          en: string;
        }[];
      };
      /** @description Changed fields in plain words, personal data masked */
      changeList: {
        field: string;
        /** @description The field’s name (its key when no module names it) */
        label: {
          zh: string;
          en: string;
        };
        /** @description true: from → to; false: the value written, in `to` */
        changed: boolean;
        from: {
          zh: string;
          en: string;
        } | null;
        to: {
          zh: string;
          en: string;
        } | null;
      }[];
    };
    Setting: {
      key: string;
      label: {
        zh: string;
        en: string;
      };
      help: {
        zh: string;
        en: string;
      } | null;
      input:
        | {
            /** @enum {string} */
            kind: 'integer';
            min: number;
            max: number;
            unit?: {
              zh: string;
              en: string;
            };
          }
        | {
            /** @enum {string} */
            kind: 'text';
            maxLength: number;
            pattern?: {
              source: string;
              hint: {
                zh: string;
                en: string;
              };
            };
          }
        | {
            /** @enum {string} */
            kind: 'choice';
            options: {
              [key: string]: {
                zh: string;
                en: string;
              };
            };
          };
      default: number | string;
      value: number | string;
      /** @description Last change; null while the default applies */
      updatedAt: string | null;
    };
    SettingValue: {
      value: number | string;
    };
    /** @description The caller’s preferences by key */
    Preferences: {
      [key: string]: unknown;
    };
    PreferenceValue: {
      /** @description Any JSON value up to 4 KB once serialised */
      value: unknown;
    };
    Notifications: {
      data: components['schemas']['Notification'][];
      /** @description How many of the caller’s notifications are unread */
      unread: number;
    };
    Notification: {
      id: string;
      kind: string;
      title: {
        zh: string;
        en: string;
      };
      body: {
        zh: string;
        en: string;
      };
      link: string | null;
      createdAt: string;
      readAt: string | null;
    };
    DemoHistory: {
      data: {
        /**
         * @description none: no demo history to load (not a demo county, or seeded in one go); loading: a first start opened the platform before the demo’s history (duty tasks, rounds, visit logs, contacts) and is loading it; done
         * @enum {string}
         */
        state: 'none' | 'loading' | 'done';
        rowsImported: number;
      };
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
    ResidentExport: {
      id: string;
      /** @enum {string} */
      status: 'queued' | 'running' | 'ready' | 'failed' | 'downloaded' | 'expired';
      reveal: boolean;
      /** @description Rows to write, known once the job has started */
      totalRows: number | null;
      doneRows: number;
      fileSize: number | null;
      failure: {
        zh: string;
        en: string;
      } | null;
      createdAt: string;
      finishedAt: string | null;
      /** @description When the ready file is removed unless downloaded */
      expiresAt: string | null;
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
      /** @description The current head of household (户主), if any */
      headId: string | null;
      headName: string | null;
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
      gridName: string | null;
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
        /** @description The residential compound (小区) or village */
        compound: string | null;
        households: number;
        vacant: number;
        rented: number;
        residents: number;
        /** @description Residents of the building with a key-population tag */
        keyPopulation: number;
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
      baseMap: components['schemas']['BaseMap'];
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
    /** @description The county’s base map (settings territory.baseMap …): the tile layers to draw under the areas, and its roads and rivers */
    BaseMap: {
      /** @enum {string} */
      kind: 'none' | 'tianditu' | 'custom';
      /** @description Drawn bottom to top; none: boundaries only */
      layers: {
        /** @description Tile URL template ({z}/{x}/{y}, {s} for a subdomain) */
        url: string;
        /** @description The characters {s} takes */
        subdomains: string;
        /** @description HTML attribution the map shows while the layer is drawn */
        attribution: string;
        maxZoom: number;
      }[];
      /** @description The chosen base map lacks its key or URL, so none is drawn (the settings page says what) */
      incomplete: boolean;
      /** @description The county’s offline base layer (roads, rivers: territory_base_lines), drawn under the areas when no tile layer is */
      lines: components['schemas']['BaseLine'][];
    };
    BaseLine: {
      /** @enum {string} */
      kind: 'main_road' | 'side_street' | 'river';
      /** @description [[lng, lat], …], at least two points */
      line: [number, number][];
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
    MyLeaderPage: {
      terms: components['schemas']['LeaderTerm'][];
      buildings: {
        id: string;
        code: string;
        name: string;
        compound: string | null;
        households: number;
        residents: number;
        chat: components['schemas']['BuildingChat'];
      }[];
    };
    LeaderTerm: {
      id: string;
      buildingId: string;
      buildingName: string;
      buildingCode: string;
      compound: string | null;
      gridCode: string;
      unitId: string | null;
      unitNumber: number | null;
      personId: string;
      personName: string;
      /** @description Masked unless the person agreed to publish it */
      mobile: string | null;
      /** @enum {string} */
      status: 'submitted' | 'approved' | 'rejected' | 'withdrawn';
      /** @enum {string} */
      nomination: 'self' | 'residents' | 'organisation';
      nominationNote: string | null;
      startsOn: string;
      endsOn: string;
      tags: ('mass_leader' | 'deliberator')[];
      reason: string | null;
      reviewedAt: string | null;
      endedAt: string | null;
      renewalOf: string | null;
      /** @description A renewal of this term is submitted or approved */
      renewed: boolean;
      remindedAt: string | null;
      /** @description Approved and today lies within the term */
      active: boolean;
      createdAt: string;
    };
    BuildingChat: {
      buildingId: string;
      name: string;
      memberCount: number;
      qrImage: string | null;
      updatedAt: string;
    } | null;
    LeaderHousehold: {
      id: string;
      buildingId: string;
      buildingName: string;
      unitNumber: number;
      room: string;
      members: {
        id: string;
        name: string;
        relation: string;
        /** @description Masked; call to get it in clear (audited) */
        phone: string | null;
      }[];
    };
    LeaderCall: {
      phone: string | null;
    };
    NominateLeaderRequest: {
      /**
       * Format: uuid
       * @description The building (inside the caller’s scope)
       */
      buildingId: string;
      /**
       * Format: uuid
       * @description A unit of the building: a unit leader instead of the building leader
       */
      unitId?: string | null;
      /**
       * Format: uuid
       * @description An existing person (or give residentId)
       */
      personId?: string;
      /**
       * Format: uuid
       * @description A resident: their person is found, or recorded, from the registry
       */
      residentId?: string;
      /** @enum {string} */
      nomination: 'self' | 'residents' | 'organisation';
      note?: string;
      /**
       * Format: date
       * @description First day of the term; today when absent
       */
      startsOn?: string;
      /**
       * Format: date
       * @description Last day of the term; a year after the start less a day
       */
      endsOn?: string;
      tags?: ('mass_leader' | 'deliberator')[];
    };
    ReviewLeaderRequest: {
      /** @enum {string} */
      decision: 'approve' | 'reject';
      /** @description Required when rejecting */
      reason?: string;
    };
    EndLeaderTermRequest: {
      reason: string;
      /**
       * Format: date
       * @description The term’s new last day; yesterday when absent
       */
      lastDay?: string;
    };
    RenewLeaderTermRequest: {
      /**
       * Format: date
       * @description Last day of the new term; one more year when absent
       */
      endsOn?: string;
      tags?: ('mass_leader' | 'deliberator')[];
    };
    WithdrawLeaderRequest: {
      reason?: string;
    };
    BuildingLeaders: {
      building: {
        id: string;
        code: string;
        name: string;
        compound: string | null;
        gridCode: string;
      };
      /** @description Approved terms in force today */
      current: components['schemas']['LeaderTerm'][];
      /** @description Every term of the building, newest first */
      history: components['schemas']['LeaderTerm'][];
      chat: components['schemas']['BuildingChat'];
    };
    BuildingChatRequest: {
      name: string;
      memberCount: number;
      qrImage?: string | null;
    };
    PartyOrgNode: {
      id: string;
      /** @enum {string} */
      kind: 'alliance' | 'branch' | 'group';
      parentId: string | null;
      communityCode: string;
      name: string;
      startsOn: string;
      counts: {
        members: number;
        secretaries: number;
        places: number;
      };
      secretary: {
        id: string;
        personId: string;
        name: string;
        isCadre: boolean;
      } | null;
    };
    PartyOrg: {
      id: string;
      /** @enum {string} */
      kind: 'alliance' | 'branch' | 'group';
      parentId: string | null;
      communityCode: string;
      name: string;
      startsOn: string;
      endsOn: string | null;
      mergedInto: string | null;
      places: {
        /** @enum {string} */
        kind: 'grid' | 'building';
        id: string;
        code: string;
        name: string;
      }[];
      members: components['schemas']['PartyMember'][];
      /** @description Current and past, latest first */
      secretaries: {
        id: string;
        personId: string;
        name: string;
        isCadre: boolean;
        cadreUnit: string | null;
        startsOn: string;
        endsOn: string | null;
      }[];
      children: {
        id: string;
        /** @enum {string} */
        kind: 'alliance' | 'branch' | 'group';
        name: string;
      }[];
    };
    PartyMember: {
      id: string;
      personId: string;
      name: string;
      /** @description Masked unless the person publishes it */
      mobile: string | null;
      branchId: string;
      groupId: string | null;
      /** @enum {string} */
      status: 'formal' | 'probationary';
      centralHousehold: boolean;
      startsOn: string;
      endsOn: string | null;
    };
    CreatePartyOrgRequest: {
      /** @enum {string} */
      kind: 'alliance' | 'branch' | 'group';
      name: string;
      /**
       * Format: uuid
       * @description The community (alliance only)
       */
      territoryId?: string;
      /**
       * Format: uuid
       * @description The alliance (for a branch) or the branch (for a group)
       */
      parentId?: string;
      /** @description Grids of the community (branch) or buildings inside the branch’s grids (group) */
      placeIds?: string[];
      /**
       * Format: date
       * @description YYYY-MM-DD
       */
      startsOn?: string;
    };
    UpdatePartyOrgRequest: {
      name?: string;
      /** @description The grids (branch) or buildings (group) it covers from now on */
      placeIds?: string[];
    };
    MergePartyOrgRequest: {
      /**
       * Format: uuid
       * @description The organisation (same kind, same community) taking over
       */
      intoId: string;
    };
    AddPartyMemberRequest: {
      /** Format: uuid */
      personId: string;
      /** Format: uuid */
      branchId: string;
      /**
       * Format: uuid
       * @description A group of that branch
       */
      groupId?: string | null;
      /** @enum {string} */
      status: 'formal' | 'probationary';
      /**
       * Format: date
       * @description YYYY-MM-DD
       */
      startsOn?: string;
    };
    UpdatePartyMemberRequest: {
      /** Format: uuid */
      branchId?: string;
      /** Format: uuid */
      groupId?: string | null;
      /** @enum {string} */
      status?: 'formal' | 'probationary';
    };
    AppointPartySecretaryRequest: {
      /**
       * Format: uuid
       * @description A branch (secretary) or a group (leader)
       */
      orgId: string;
      /**
       * Format: uuid
       * @description An active member of that organisation
       */
      personId: string;
      /** @description An in-service cadre (在职党员干部) */
      isCadre?: boolean;
      cadreUnit?: string | null;
      /**
       * Format: date
       * @description YYYY-MM-DD
       */
      startsOn?: string;
    };
    AllianceUnit: {
      id: string;
      allianceId: string;
      name: string;
      /** @enum {string} */
      kind: 'resident_unit' | 'new_organisation';
      contact: string | null;
      startsOn: string;
      endsOn: string | null;
    };
    AddAllianceUnitRequest: {
      /** Format: uuid */
      allianceId: string;
      name: string;
      /** @enum {string} */
      kind: 'resident_unit' | 'new_organisation';
      contact?: string | null;
      /**
       * Format: date
       * @description YYYY-MM-DD
       */
      startsOn?: string;
    };
    WorkUnit: {
      id: string;
      name: string;
      /** @enum {string} */
      kind: 'government' | 'public_institution' | 'state_enterprise' | 'other';
      /** @description Approved registrations still on (within the scope) */
      activeRegistrations: number;
    };
    PartyRegistration: {
      id: string;
      personId: string;
      name: string;
      workUnit: {
        id: string;
        name: string;
        /** @enum {string} */
        kind: 'government' | 'public_institution' | 'state_enterprise' | 'other';
      };
      householdId: string;
      /** @description Building and room */
      address: string;
      communityCode: string;
      territoryCode: string;
      skills: string[];
      availability: string | null;
      /** @enum {string} */
      status: 'submitted' | 'approved' | 'rejected' | 'deregistered' | 'transferred';
      branchId: string | null;
      branchName: string | null;
      reason: string | null;
      startsOn: string | null;
      endsOn: string | null;
      transferredTo: string | null;
      createdAt: string;
    };
    PartyRegistrationHome: {
      householdId: string;
      /** @description Building and room */
      address: string;
      communityId: string;
      communityName: string;
    } | null;
    CreatePartyRegistrationRequest: {
      /**
       * Format: uuid
       * @description The member; a party member registering themself leaves it out
       */
      personId?: string;
      /**
       * Format: uuid
       * @description The community registered with
       */
      territoryId: string;
      /**
       * Format: uuid
       * @description The household of that community the member lives in
       */
      householdId: string;
      /**
       * Format: uuid
       * @description An existing work unit…
       */
      workUnitId?: string;
      /** @description …or a new one (found by name when it exists) */
      workUnit?: {
        name: string;
        /** @enum {string} */
        kind: 'government' | 'public_institution' | 'state_enterprise' | 'other';
      };
      skills?: string[];
      availability?: string | null;
    };
    ApprovePartyRegistrationRequest: {
      /**
       * Format: uuid
       * @description A grid branch of the community
       */
      branchId: string;
    };
    RejectPartyRegistrationRequest: {
      reason: string;
    };
    TransferPartyRegistrationRequest: {
      /**
       * Format: uuid
       * @description The community moved to
       */
      territoryId: string;
      /**
       * Format: uuid
       * @description The household of that community
       */
      householdId: string;
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
    DutyItem: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      communityId: string | null;
      communityName: string | null;
      /** @enum {string} */
      roleGroup:
        'community_secretary' | 'branch_secretary' | 'registered_cadre' | 'grid_worker' | 'building_leader';
      title: string;
      description: string | null;
      /** @enum {string} */
      mode: 'normal' | 'emergency';
      /** @enum {string} */
      frequency: 'daily' | 'weekly' | 'monthly' | 'per_round' | 'on_event';
      /** @enum {string} */
      evidence: 'photo' | 'note' | 'visit' | 'none';
      shared: boolean;
      sortOrder: number;
      startsOn: string;
      endsOn: string | null;
      retired: boolean;
      editable: boolean;
    };
    CreateDutyItemRequest: {
      /**
       * Format: uuid
       * @description A community adding its own item (inside the caller’s scope); absent: the county’s template
       */
      communityId?: string;
      /** @enum {string} */
      roleGroup:
        'community_secretary' | 'branch_secretary' | 'registered_cadre' | 'grid_worker' | 'building_leader';
      title: string;
      description?: string;
      /**
       * @description normal (平时) or emergency (应急); normal
       * @enum {string}
       */
      mode?: 'normal' | 'emergency';
      /** @enum {string} */
      frequency: 'daily' | 'weekly' | 'monthly' | 'per_round' | 'on_event';
      /**
       * @description What completing it needs; none
       * @enum {string}
       */
      evidence?: 'photo' | 'note' | 'visit' | 'none';
      /** @description A duty shared by the grid’s branch secretary and grid workers (共同责任): one task per grid */
      shared?: boolean;
      sortOrder?: number;
      /**
       * Format: date
       * @description First day in force; today when absent
       */
      startsOn?: string;
      /**
       * Format: date
       * @description Last day in force (retired after it)
       */
      endsOn?: string;
    };
    UpdateDutyItemRequest: {
      title?: string;
      description?: string | null;
      /** @enum {string} */
      mode?: 'normal' | 'emergency';
      /** @enum {string} */
      frequency?: 'daily' | 'weekly' | 'monthly' | 'per_round' | 'on_event';
      /** @enum {string} */
      evidence?: 'photo' | 'note' | 'visit' | 'none';
      shared?: boolean;
      sortOrder?: number;
      /**
       * Format: date
       * @description Retire the item after this day (null: in force again); items are never deleted
       */
      endsOn?: string | null;
    };
    DutyTask: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      itemId: string | null;
      title: string;
      description: string | null;
      /** @enum {string|null} */
      roleGroup:
        | 'community_secretary'
        | 'branch_secretary'
        | 'registered_cadre'
        | 'grid_worker'
        | 'building_leader'
        | null;
      /** @enum {string} */
      mode: 'normal' | 'emergency';
      /** @enum {string|null} */
      frequency: 'daily' | 'weekly' | 'monthly' | 'per_round' | 'on_event' | null;
      /** @enum {string} */
      evidence: 'photo' | 'note' | 'visit' | 'none';
      shared: boolean;
      periodStart: string;
      dueOn: string;
      territoryCode: string;
      territoryName: string | null;
      /** @enum {string} */
      status: 'open' | 'done';
      overdue: boolean;
      doneAt: string | null;
      doneLate: boolean;
      note: string | null;
      photo: boolean;
      assignees: {
        name: string;
        /** @enum {string|null} */
        roleGroup:
          | 'community_secretary'
          | 'branch_secretary'
          | 'registered_cadre'
          | 'grid_worker'
          | 'building_leader'
          | null;
      }[];
    };
    DutyBoard: {
      from: string;
      to: string;
      total: {
        due: number;
        doneOnTime: number;
        doneLate: number;
        overdue: number;
        open: number;
        rate: number | null;
      };
      people: {
        /** Format: uuid */
        holderKey: string;
        name: string;
        /** @enum {string|null} */
        roleGroup:
          | 'community_secretary'
          | 'branch_secretary'
          | 'registered_cadre'
          | 'grid_worker'
          | 'building_leader'
          | null;
        territoryName: string | null;
        due: number;
        doneOnTime: number;
        doneLate: number;
        overdue: number;
        open: number;
        rate: number | null;
      }[];
    };
    CompleteDutyTaskRequest: {
      /** @description The evidence: required when the item asks for a note or a visit record */
      note?: string;
      /**
       * Format: uuid
       * @description Generated by the client (a phone’s queue): the same completion sent again answers the done task (200) instead of 409
       */
      clientId?: string;
      /**
       * Format: date-time
       * @description When the task was done (the phone’s clock, for a completion queued offline and sent later): not before the task’s first day nor in the future; now when absent
       */
      doneAt?: string;
    };
    DutyTaskPhoto: {
      /** Format: uuid */
      taskId: string;
      /** @enum {string} */
      contentType: 'image/jpeg' | 'image/png' | 'image/webp';
      width: number;
      height: number;
    };
    GenerateDutyTasksRequest: {
      /**
       * Format: date
       * @description First day; today when absent
       */
      from?: string;
      /**
       * Format: date
       * @description Last day; `from` when absent (at most 62 days)
       */
      to?: string;
      /** @description Also the emergency items (应急状态) */
      emergency?: boolean;
    };
    VisitPhoto: {
      /** Format: uuid */
      visitId: string;
      /** @enum {string} */
      contentType: 'image/jpeg' | 'image/png' | 'image/webp';
      width: number;
      height: number;
    };
    RoundHouseholdVisit: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      roundId: string;
      roundName: string;
      visitedAt: string;
      /** @enum {string} */
      outcome: 'met' | 'nobody_home' | 'refused' | 'moved_out' | 'vacant';
      note: string | null;
      followUp: boolean;
      visitorName: string;
      /** @description Whether a photo is attached (GET /round-visits/{id}/photo) */
      photo: boolean;
    };
    Round: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      territoryId: string;
      territoryCode: string;
      territoryName: string;
      name: string;
      purpose: string | null;
      startsOn: string;
      endsOn: string;
      checklist: {
        key: string;
        text: string;
      }[];
      /** @enum {string} */
      status: 'open' | 'closed';
      openedAt: string;
      closedAt: string | null;
      closeReason: string | null;
      coverage: components['schemas']['RoundCoverage'];
    };
    RoundCoverage: {
      households: number;
      visited: number;
      covered: number;
      share: number;
    };
    OpenRoundRequest: {
      /**
       * Format: uuid
       * @description The round’s scope: a county, street, community or grid inside the caller’s scope
       */
      territoryId: string;
      name: string;
      purpose?: string;
      /** Format: date */
      startsOn: string;
      /** Format: date */
      endsOn: string;
      /** @description Yes/no questions each visit answers ("独居老人是否需要帮助？") */
      checklist?: string[];
    };
    CloseRoundRequest: {
      /** @description Required when households are still not covered */
      reason?: string;
    };
    RoundHousehold: {
      /** Format: uuid */
      householdId: string;
      /** Format: uuid */
      gridId: string;
      gridName: string;
      /** Format: uuid */
      buildingId: string;
      buildingCode: string;
      buildingName: string;
      compound: string | null;
      unitNumber: number;
      floor: number;
      room: string;
      /** @enum {string} */
      state: 'pending' | 'met' | 'documented' | 'attempted';
      covered: boolean;
      visits: number;
      /** @enum {string|null} */
      lastOutcome: 'met' | 'nobody_home' | 'refused' | 'moved_out' | 'vacant' | null;
      lastVisitedAt: string | null;
      members: components['schemas']['RoundHouseholdMember'][];
    };
    RoundHouseholdMember: {
      /** Format: uuid */
      id: string;
      name: string;
      relation: string;
      phone: string | null;
    };
    RoundBuilding: {
      /** Format: uuid */
      buildingId: string;
      buildingCode: string;
      buildingName: string;
      compound: string | null;
      /** Format: uuid */
      gridId: string;
      gridName: string;
      households: number;
      pending: number;
      covered: number;
      visited: number;
    };
    RoundCall: {
      phone: string | null;
    };
    RoundCallRequest: {
      /**
       * Format: uuid
       * @description A present member of one of the round’s households
       */
      residentId: string;
    };
    RoundProgress: {
      round: components['schemas']['RoundCoverage'];
      communities: (components['schemas']['RoundCoverage'] & {
        code: string;
        name: string;
      })[];
      grids: (components['schemas']['RoundCoverage'] & {
        code: string;
        name: string;
        /** Format: uuid */
        id: string;
      })[];
      people: {
        /** Format: uuid */
        userId: string | null;
        name: string;
        visits: number;
        households: number;
      }[];
    };
    RoundVisit: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      clientId: string;
      /** Format: uuid */
      roundId: string;
      /** Format: uuid */
      householdId: string;
      /** Format: uuid */
      visitorUserId: string | null;
      /** Format: uuid */
      visitorPersonId: string | null;
      visitedAt: string;
      /** @enum {string} */
      outcome: 'met' | 'nobody_home' | 'refused' | 'moved_out' | 'vacant';
      answers: {
        [key: string]: boolean;
      };
      note: string | null;
      followUp: boolean;
      /** @enum {string} */
      state: 'pending' | 'met' | 'documented' | 'attempted';
    };
    RecordVisitRequest: {
      /**
       * Format: uuid
       * @description Generated by the phone: the same visit sent twice is stored once
       */
      clientId: string;
      /** Format: uuid */
      householdId: string;
      /** @enum {string} */
      outcome: 'met' | 'nobody_home' | 'refused' | 'moved_out' | 'vacant';
      /**
       * Format: date-time
       * @description When the visit took place (the phone’s clock); now when absent
       */
      visitedAt?: string;
      /** @description Checklist answers by question key */
      answers?: {
        [key: string]: boolean;
      };
      note?: string;
      followUp?: boolean;
    };
    VisitLog: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'need' | 'conflict' | 'opinion' | 'other';
      text: string;
      tags: string[];
      /** @enum {string} */
      placeKind: 'households' | 'building' | 'grid';
      /** @description The grid, building or households’ building */
      placeName: string;
      territoryCode: string;
      /** Format: uuid */
      gridId: string;
      /** Format: uuid */
      buildingId: string | null;
      households: {
        /** Format: uuid */
        id: string;
        address: string;
      }[];
      occurredOn: string;
      /** @enum {string} */
      followUp: 'none' | 'open' | 'in_progress' | 'done';
      /** Format: uuid */
      authorUserId: string | null;
      authorName: string;
      comments: number;
      createdAt: string;
      updatedAt: string;
      editable: boolean;
    };
    CreateVisitLogRequest: {
      /** @enum {string} */
      kind: 'need' | 'conflict' | 'opinion' | 'other';
      text: string;
      tags?: string[];
      /** @description Households the entry concerns (0..20, of one grid, inside the writer’s scope) */
      householdIds?: string[];
      /**
       * Format: uuid
       * @description A building or a grid the entry concerns; required when no household is given
       */
      placeId?: string;
      /**
       * Format: date
       * @description The day it was learned (not in the future)
       */
      occurredOn: string;
      /** @enum {string} */
      followUp?: 'none' | 'open' | 'in_progress' | 'done';
      /**
       * Format: uuid
       * @description An id the phone gives a log written offline: the same id sent again answers the stored log (200)
       */
      clientId?: string;
    };
    VisitLogDetail: components['schemas']['VisitLog'] & {
      commentList: components['schemas']['VisitLogComment'][];
    };
    VisitLogComment: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      authorUserId: string | null;
      authorName: string;
      text: string;
      createdAt: string;
    };
    UpdateVisitLogRequest: {
      /** @enum {string} */
      kind?: 'need' | 'conflict' | 'opinion' | 'other';
      text?: string;
      tags?: string[];
      /** Format: date */
      occurredOn?: string;
    };
    VisitLogCommentRequest: {
      text: string;
    };
    VisitLogFollowUpRequest: {
      /** @enum {string} */
      followUp: 'none' | 'open' | 'in_progress' | 'done';
    };
    ContactCoverage: {
      day: string;
      total: {
        households: number;
        withoutLeader: number;
        withoutCentral: number;
        /** @description Neither a leader nor a central household */
        withoutContact: number;
        withoutGridWorker: number;
        centralHouseholds: number;
      };
      communities: {
        /** Format: uuid */
        id: string;
        code: string;
        name: string;
        households: number;
        withoutLeader: number;
        withoutCentral: number;
        /** @description Neither a leader nor a central household */
        withoutContact: number;
        withoutGridWorker: number;
        centralHouseholds: number;
      }[];
      grids: {
        /** Format: uuid */
        id: string;
        code: string;
        name: string;
        households: number;
        withoutLeader: number;
        withoutCentral: number;
        /** @description Neither a leader nor a central household */
        withoutContact: number;
        withoutGridWorker: number;
        centralHouseholds: number;
      }[];
    };
    UncoveredHousehold: {
      /** Format: uuid */
      householdId: string;
      gridName: string;
      buildingName: string;
      unitNumber: number;
      room: string;
      leader: string | null;
      central: string | null;
    };
    ContactSettings: {
      /** Format: uuid */
      communityId: string;
      leaderMaxLoad: number;
      centralMaxLoad: number;
      maxDistance: number;
      own: boolean;
    };
    ContactSettingsRequest: {
      /**
       * Format: uuid
       * @description A community inside the caller’s scope
       */
      communityId: string;
      leaderMaxLoad: number;
      centralMaxLoad: number;
      maxDistance: number;
    };
    CentralHousehold: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      householdId: string;
      /** Format: uuid */
      personId: string;
      name: string;
      gridName: string;
      buildingName: string;
      unitNumber: number;
      room: string;
      maxLoad: number;
      /** @description Households it contacts today */
      load: number;
      startsOn: string;
      endsOn: string | null;
      note: string | null;
      endReason: string | null;
    };
    CentralHouseholdCandidate: {
      /** Format: uuid */
      personId: string;
      name: string;
      /** Format: uuid */
      householdId: string;
      gridName: string;
      buildingName: string;
      unitNumber: number;
      room: string;
    };
    DesignateCentralHouseholdRequest: {
      /**
       * Format: uuid
       * @description A party member (active member of a branch) living in a household of the community
       */
      personId: string;
      /** @description Households it contacts at most; the community’s default when absent */
      maxLoad?: number;
      /**
       * Format: date
       * @description First day; today when absent
       */
      startsOn?: string;
      note?: string;
    };
    EndCentralHouseholdRequest: {
      /**
       * Format: date
       * @description Last day; today when absent
       */
      endsOn?: string;
      reason?: string;
    };
    ContactProposal: {
      /** Format: uuid */
      communityId: string;
      /** @enum {string} */
      kind: 'leader' | 'central_household';
      fingerprint: string;
      /** @description Leaders’ load (central households each have theirs) */
      maxLoad: number | null;
      maxDistance: number;
      summary: {
        households: number;
        assigned: number;
        unassigned: number;
        kept: number;
        new: number;
        changed: number;
        ended: number;
      };
      contacts: {
        key: string;
        /** Format: uuid */
        personId: string;
        name: string;
        place: string;
        maxLoad: number;
        load: number;
      }[];
      rows: {
        /** Format: uuid */
        householdId: string;
        buildingName: string;
        unitNumber: number;
        room: string;
        proposed: {
          key: string;
          /** Format: uuid */
          personId: string;
          name: string;
          place: string;
        } | null;
        tier: number | null;
        distance: number | null;
        current: {
          key: string;
          /** Format: uuid */
          personId: string;
          name: string;
          place: string;
          valid: boolean;
        } | null;
        /** @enum {string} */
        change: 'new' | 'changed' | 'ended' | 'none';
      }[];
    };
    ContactProposalApplied: {
      assigned: number;
      reassigned: number;
      ended: number;
    };
    ApplyContactProposalRequest: {
      /**
       * Format: uuid
       * @description A community inside the caller’s scope
       */
      communityId: string;
      /** @enum {string} */
      kind: 'leader' | 'central_household';
      fingerprint: string;
      /** @description Apply only these households’ changes (all changes when absent) */
      householdIds?: string[];
    };
    HouseholdContacts: {
      /** Format: uuid */
      householdId: string;
      gridWorkers: {
        /** Format: uuid */
        personId: string;
        name: string;
        phone: string | null;
      }[];
      leader: {
        /** Format: uuid */
        personId: string;
        name: string;
        phone: string | null;
        since: string;
        /**
         * @description manual: assigned by hand (the proposal keeps it)
         * @enum {string}
         */
        source: 'proposal' | 'manual';
      } | null;
      central: {
        /** Format: uuid */
        centralHouseholdId: string;
        /** Format: uuid */
        personId: string;
        name: string;
        place: string;
        phone: string | null;
        since: string;
        /** @enum {string} */
        source: 'proposal' | 'manual';
      } | null;
      buildingLeaders: {
        /** Format: uuid */
        personId: string;
        name: string;
        unitNumber: number | null;
      }[];
    };
    ContactAssignmentCandidates: {
      /** Format: uuid */
      householdId: string;
      /** @enum {string} */
      kind: 'leader' | 'central_household';
      place: string;
      current: {
        key: string;
        /** @enum {string} */
        source: 'proposal' | 'manual';
        since: string;
      } | null;
      candidates: {
        key: string;
        /** Format: uuid */
        personId: string;
        name: string;
        place: string;
        /** @description Households it contacts now */
        load: number;
        maxLoad: number;
        current: boolean;
      }[];
    };
    ContactAssigned: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      personId: string;
      load: number;
      maxLoad: number;
      overLoad: boolean;
    };
    AssignContactRequest: {
      /** @enum {string} */
      kind: 'leader' | 'central_household';
      /**
       * Format: uuid
       * @description A leader: the person; a central household: the designation (its id)
       */
      contactKey: string;
      /** @description Confirms going above the contact’s load (409 otherwise) */
      overLoad?: boolean;
    };
    EndContactAssignmentRequest: {
      /** @enum {string} */
      kind: 'leader' | 'central_household';
      reason?: string;
    };
    Coverage: {
      /** @description The day (Asia/Shanghai) the board describes */
      asOf: string;
      maxLoad: number;
      expiringWithinDays: number;
      buildingsWithoutLeader: {
        total: number;
        rows: {
          id: string;
          code: string;
          name: string;
          gridCode: string;
          gridName: string | null;
          households: number;
        }[];
      };
      gridsWithoutWorker: {
        total: number;
        rows: {
          id: string;
          code: string;
          name: string;
        }[];
      };
      gridsWithoutBranch: {
        total: number;
        rows: {
          id: string;
          code: string;
          name: string;
        }[];
      };
      branchesWithoutSecretary: {
        total: number;
        rows: {
          id: string;
          name: string;
          communityCode: string;
        }[];
      };
      termsExpiring: {
        total: number;
        rows: {
          id: string;
          buildingId: string;
          buildingName: string;
          gridCode: string;
          gridName: string | null;
          personName: string;
          endsOn: string;
          reminded: boolean;
        }[];
      };
      workersOverLoad: {
        total: number;
        rows: {
          personId: string;
          name: string;
          load: number;
          grids: {
            code: string;
            name: string;
            households: number;
          }[];
        }[];
      };
    };
    PlaceServants: {
      grids: {
        id: string;
        code: string;
        name: string;
        workers: {
          name: string;
          /** @description Only when the person agreed to publish it */
          phone: string | null;
          employment: string;
        }[];
        branch: {
          name: string;
          secretary: {
            name: string;
            /** @description Only when the person agreed to publish it */
            phone: string | null;
          } | null;
        } | null;
      }[];
      buildings: {
        buildingId: string;
        leaders: {
          name: string;
          /** @description Only when the person agreed to publish it */
          phone: string | null;
          unitNumber: number | null;
        }[];
      }[];
    };
    ServiceCards: components['schemas']['BuildingServants'] & {
      households: {
        id: string;
        unitNumber: number;
        room: string;
      }[];
      /** @description Path of the building’s public page, for the QR code */
      pagePath: string;
    };
    BuildingServants: {
      building: {
        id: string;
        code: string;
        name: string;
        compound: string | null;
        unitCount: number;
        floors: number;
        street: string | null;
        community: string | null;
        grid: string | null;
      };
      leaders: {
        name: string;
        /** @description Only when the person agreed to publish it */
        phone: string | null;
        /** @description Set for a unit leader */
        unitNumber: number | null;
        tags: string[];
        termEndsOn: string;
      }[];
      workers: {
        name: string;
        /** @description Only when the person agreed to publish it */
        phone: string | null;
        employment: string;
      }[];
      branch: {
        name: string;
        secretary: {
          name: string;
          /** @description Only when the person agreed to publish it */
          phone: string | null;
        } | null;
      } | null;
      group: {
        name: string;
        secretary: {
          name: string;
          /** @description Only when the person agreed to publish it */
          phone: string | null;
        } | null;
      } | null;
      chat: {
        name: string;
        memberCount: number;
        qrImage: string | null;
      } | null;
    };
    PlaceServiceCards: {
      place: {
        id: string;
        code: string;
        name: string;
        level: string;
      };
      /** @description Households of the set (every card) */
      households: number;
      buildings: components['schemas']['ServiceCards'][];
    };
    PlanProposal: components['schemas']['PlanProposalSummary'] & {
      territoryName: string;
      today: components['schemas']['PlanMeasures'];
      movesLowerBound: number | null;
      /** @description Parts of communities where no layout with this number of grids can have every grid within the tolerance (proven) */
      balanceLimits: components['schemas']['PlanBalanceLimit'][];
      grids: {
        /** @description Today’s grid code where kept; `<community code>-NNN` for a new grid */
        id: string;
        communityCode: string;
        buildings: number;
        households: number;
        residents: number | null;
        keyPopulation: number;
        /** @description Square metres */
        area: number;
        isNew: boolean;
      }[];
      changes: {
        /** Format: uuid */
        buildingId: string;
        buildingCode: string;
        buildingName: string;
        households: number;
        from: string | null;
        to: string;
        /** @description balance, shape, split, merge, contiguity, unassigned, redraw or manual */
        reason: string;
      }[];
      polygons: components['schemas']['PlanGridPolygons'];
    };
    PlanMeasures: {
      grids: number;
      meanDeviation: number;
      maxDeviation: number;
      withinTolerance: number;
      discontiguousGrids: number;
      meanPolsbyPopper: number;
      edgeCut: number;
      keyPopulationCV: number;
      movedHouseholds: number;
      movedShare: number;
    };
    PlanBalanceLimit: {
      communityCode: string;
      /** @description Null when the community no longer exists */
      communityName: string | null;
      buildings: number;
      households: number;
      grids: number;
      /** @description Fewest households a grid within the tolerance may hold */
      lo: number;
      /** @description Most households a grid within the tolerance may hold */
      hi: number;
      /**
       * @description The proof: totals (the households do not fit the grids), tooLarge (one building holds more than hi), noGroup (no connected group of buildings containing the building holds lo–hi), packing (the buildings cannot be split into the grids at all), connected (they can, but not into grids of connected buildings)
       * @enum {string}
       */
      kind: 'totals' | 'tooLarge' | 'noGroup' | 'packing' | 'connected';
      buildingName: string | null;
      buildingHouseholds: number | null;
    };
    PlanGridPolygons: {
      /** @enum {string} */
      type: 'FeatureCollection';
      features: {
        /** @enum {string} */
        type: 'Feature';
        properties: {
          grid: string;
        };
        geometry: {
          /** @enum {string} */
          type: 'MultiPolygon';
          coordinates: [number, number][][][];
        };
      }[];
    };
    PlanProposalSummary: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      territoryId: string;
      territoryCode: string;
      level: string;
      /** @enum {string} */
      mode: 'fresh' | 'adjust';
      targetHouseholds: number;
      tolerance: number;
      gridCount: number | null;
      seed: number;
      /** @enum {string} */
      status: 'draft' | 'applied';
      timedOut: boolean;
      elapsedMs: number;
      createdAt: string;
      appliedAt: string | null;
      changedBuildings: number;
      measures: components['schemas']['PlanMeasures'];
    };
    PlanProposalMap: {
      /** Format: uuid */
      id: string;
      buildings: {
        /** Format: uuid */
        id: string;
        code: string;
        name: string;
        lng: number;
        lat: number;
        households: number;
        /** @description Today’s grid code */
        today: string;
        /** @description The proposed grid */
        grid: string;
        /** @description Other grids a neighbouring building (in G) lies in: where a move may take it (the move still checks that the grid it leaves stays connected) */
        neighbours: string[];
        pinned: boolean;
      }[];
      today: components['schemas']['PlanGridPolygons'];
      /** @description The barrier lines the plan honoured */
      barriers: [number, number][][];
    };
    PlanApplied: {
      /** Format: uuid */
      proposalId: string;
      gridsCreated: number;
      gridsRetired: number;
      buildingsMoved: number;
      householdsMoved: number;
      residentsMoved: number;
    };
    PlanBarrier: {
      /** Format: uuid */
      id: string;
      territoryCode: string;
      /** @enum {string} */
      kind: 'road' | 'river' | 'rail';
      name: string;
      line: [number, number][];
      createdAt: string;
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
      /** @description 期间新登记居民 — Residents registered in the period */
      residentsRegistered: number;
      /** @description 期间迁入居民 — Residents moved in during the period */
      residentsMovedIn: number;
      /** @description 期间迁出居民 — Residents moved out during the period */
      residentsMovedOut: number;
      /** @description 期间因网格调整划入居民 — Residents whose building joined the place by a grid change in the period */
      residentsRegriddedIn: number;
      /** @description 期间因网格调整划出居民 — Residents whose building left the place by a grid change in the period */
      residentsRegriddedOut: number;
      /** @description 期间新登记住户 — Households registered in the period */
      householdsRegistered: number;
      /** @description 期间迁出住户 — Households moved out during the period */
      householdsMovedOut: number;
      /** @description 人员数 — People */
      people: number;
      /** @description 已关联账号的人员 — People with an account */
      peopleLinked: number;
      /** @description 网格员 — Grid workers */
      gridWorkers: number;
      /** @description 兼职网格员 — Part-time grid workers */
      partTimeGridWorkers: number;
      /** @description 红色楼长（单元长） — Building and unit leaders */
      buildingLeaders: number;
      /** @description 无楼栋长的楼栋 — Buildings without a leader */
      buildingsWithoutLeader: number;
      /** @description 报到在职党员 — Registered in-service party members */
      registeredPartyMembers: number;
      /** @description 网格党支部 — Party branches */
      partyBranches: number;
      /** @description 楼栋党小组 — Building party groups */
      buildingPartyGroups: number;
      /** @description 在职党员干部任支部书记 — Cadres serving as secretaries */
      cadreSecretaries: number;
      /** @description 志愿者 — Volunteers */
      volunteers: number;
      /** @description 职责任务按时完成率 — Duty tasks done on time (share) */
      dutyCompletionRate: number;
      /** @description 逾期未完成职责任务 — Duty tasks overdue */
      dutyTasksOverdue: number;
      /** @description 完成敲门行动轮次 — Door-knocking rounds completed */
      doorKnockRounds: number;
      /** @description 最近一轮敲门覆盖率（%） — Coverage of the last round (%) */
      lastRoundCoverage: number;
      /** @description 入户走访次数 — Door-knocking visits */
      visits: number;
      /** @description 参与走访人数 — People who visited */
      visitors: number;
      /** @description 民情日志 — Visit logs written */
      visitLogs: number;
      /** @description 党员中心户 — Central households */
      centralHouseholds: number;
      /** @description 无联系人住户（无楼栋长且无中心户） — Households without a contact (no leader nor central household) */
      householdsWithoutContact: number;
      /** @description 无楼栋长联系的住户 — Households without a leader contact */
      householdsWithoutLeaderContact: number;
      /** @description 无党员中心户联系的住户 — Households without a central household */
      householdsWithoutCentralContact: number;
      /** @description 户数在 300 户 ±10% 以内的网格占比（%） — Grids within ±10% of 300 households (%) */
      gridPlanBalance: number;
    };
    Trends: {
      /** @enum {string} */
      interval: 'month' | 'quarter' | 'year';
      periods: {
        /** @description 2026-03, 2026-Q1 or 2026 */
        label: string;
        /** @description First day (YYYY-MM-DD) */
        from: string;
        /** @description Last day (YYYY-MM-DD): stock figures as of its end, flows from..to */
        to: string;
        values: {
          [key: string]: number;
        };
      }[];
    };
    Overview: {
      /** @description The place shown; null for the whole of a scope of several places (figures summed over `places`, each a child) */
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
      } | null;
      /** @description The places of the caller’s scope (the tops of their area), for a switch between them */
      places: {
        id: string;
        /** @enum {string} */
        level: 'county' | 'street' | 'community' | 'grid';
        code: string;
        name: string;
      }[];
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
