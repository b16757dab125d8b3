import { parse, protocol, type PGlite, type QueryOptions, type Results } from '@electric-sql/pglite';

/**
 * The PGlite client Drizzle talks to: every data statement (select, insert, update, delete, with) is prepared once
 * as a named statement and then executed with one Bind/Describe/Execute/Sync message, so the server plans it at most
 * a few times instead of on every call, and each call is one trip into the engine instead of six.
 *
 * Why (docs/decisions/pglite-prepared-statements.md): on the full demo county a 4-join resident lookup costs
 * ~1.0 ms through `PGlite.query` (0.7 ms of it planning) and ~0.2 ms as a prepared statement. PostgreSQL's own
 * plan cache decides, per statement, between re-planning with the actual values (custom plans, e.g. for
 * `name like $1`) and one generic plan, exactly as for any driver that prepares statements.
 *
 * Parameters are sent as text the way node-postgres sends them (arrays as array literals, objects as JSON, dates as
 * ISO strings), so the same Drizzle queries mean the same thing on PGlite and on PostgreSQL.
 */
export class PreparedPglite {
  /** SQL text → statement name, least recently used first. */
  private readonly statements = new Map<string, string>();
  /** Statements to close on the next call outside a transaction (evicted, or left behind by a failed call). */
  private readonly toClose: string[] = [];
  private nextName = 1;

  constructor(
    readonly pglite: PGlite,
    private readonly maxStatements = 256,
  ) {}

  /** One statement outside any transaction (Drizzle's `db.select()…` etc.). */
  async query<T>(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
    if (options?.blob) return this.pglite.query<T>(text, params, options);
    await this.pglite._checkReady();
    return this.pglite._runExclusiveTransaction(() =>
      this.pglite._runExclusiveQuery(async () => {
        const result = await this.run<T>(text, params, options, false);
        await this.pglite.syncToFs();
        return result;
      }),
    );
  }

  /** Drizzle's `db.transaction()`: PGlite's own transaction, with this client's statements inside it. */
  transaction<T>(work: (tx: PreparedPgliteTransaction) => Promise<T>): Promise<T> {
    return this.pglite.transaction((tx) =>
      work({
        query: <R>(text: string, params: unknown[] = [], options?: QueryOptions) =>
          options?.blob
            ? tx.query<R>(text, params, options)
            : this.pglite._runExclusiveQuery(() => this.run<R>(text, params, options, true)),
        exec: (text: string) => tx.exec(text),
        rollback: () => tx.rollback(),
        get closed() {
          return tx.closed;
        },
      }),
    );
  }

  exec(text: string) {
    return this.pglite.exec(text);
  }

  close() {
    return this.pglite.close();
  }

  /**
   * The first column of a statement's first row as the UTF-8 bytes the engine gave, never decoded into a string;
   * null when it is NULL or there is no row. For large text values handed on to another thread as they are (the
   * resident export's batches: docs/decisions/export-speed.md): decoding ~1.7 MB of json per batch here, and copying
   * the string to the worker, cost the database's thread more than reading the bytes. The bytes are in a buffer of
   * their own (transferable). Runs as the unnamed statement, outside any transaction, in turn with other queries.
   */
  async valueBytes(text: string, params: unknown[] = []): Promise<Uint8Array | null> {
    const s = protocol.serialize;
    await this.pglite._checkReady();
    return this.pglite._runExclusiveTransaction(() =>
      this.pglite._runExclusiveQuery(async () => {
        const raw = await this.pglite.execProtocolRaw(
          concat([s.parse({ text }), bindMessage('', params.map(toParam)), s.execute({}), s.sync()]),
          { syncToFs: false },
        );
        return firstValueOf(raw);
      }),
    );
  }

  /** How many statements are prepared now (for tests and diagnosis). */
  get preparedCount(): number {
    return this.statements.size;
  }

  private async run<T>(
    text: string,
    params: unknown[],
    options: QueryOptions | undefined,
    inTransaction: boolean,
  ): Promise<Results<T>> {
    const s = protocol.serialize;
    const parts: Uint8Array[] = [];
    // Closing is harmless for unknown names, but an aborted transaction would refuse it: only outside one.
    if (!inTransaction) for (const name of this.toClose.splice(0)) parts.push(s.close({ type: 'S', name }));

    let name = this.statements.get(text);
    let parsed = false;
    if (name !== undefined) {
      this.statements.delete(text);
      this.statements.set(text, name);
    } else if (preparable(text)) {
      name = `w${this.nextName++}`;
      parts.push(s.parse({ name, text }));
      parsed = true;
    } else {
      parts.push(s.parse({ text }));
    }
    parts.push(
      bindMessage(name ?? '', params.map(toParam)),
      s.describe({ type: 'P' }),
      s.execute({}),
      s.sync(),
    );

    let messages;
    try {
      messages = await this.pglite.execProtocolStream(concat(parts), { syncToFs: false });
    } catch (error) {
      if (name !== undefined) {
        // The statement may or may not exist now (the Parse can fail, or succeed before the Execute fails): forget it
        // and close whatever is left, so the next call prepares afresh.
        if (!parsed) this.statements.delete(text);
        this.toClose.push(name);
        if (!inTransaction && isStalePlan(error)) return this.run(text, params, options, inTransaction);
      }
      throw error;
    }
    if (parsed && name !== undefined) {
      this.statements.set(text, name);
      if (this.statements.size > this.maxStatements) {
        const [oldestText, oldestName] = this.statements.entries().next().value as [string, string];
        this.statements.delete(oldestText);
        this.toClose.push(oldestName);
      }
    }
    return parse.parseResults(messages, parsersFor(this.pglite, options), {
      rowMode: options?.rowMode,
    })[0] as Results<T>;
  }
}

/** What Drizzle's PGlite session calls on the client inside `db.transaction()`. */
export type PreparedPgliteTransaction = {
  query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(text: string): Promise<Results[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
};

/** Data statements are prepared; DDL, transaction control and settings go through the unnamed statement. */
function preparable(text: string): boolean {
  return /^\s*\(?\s*(select|insert|update|delete|with)\b/i.test(text);
}

/** A prepared statement whose tables changed shape since it was prepared (e.g. by a migration). */
function isStalePlan(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '0A000';
}

/**
 * The query's own parsers in front of the client's, without copying the client's ~200 entries on every call
 * (PGlite's own path spreads them into a new object per query).
 */
function parsersFor(pglite: PGlite, options: QueryOptions | undefined): PGlite['parsers'] {
  if (!options?.parsers) return pglite.parsers;
  return Object.assign(Object.create(pglite.parsers) as PGlite['parsers'], options.parsers);
}

/** A parameter as text, as node-postgres sends it. */
export function toParam(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return arrayLiteral(value);
  if (ArrayBuffer.isView(value)) {
    return '\\x' + Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
  }
  return JSON.stringify(value);
}

/** A PostgreSQL array literal: every element quoted and escaped, nulls as NULL, nested arrays nested. */
function arrayLiteral(values: unknown[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    const value = values[i];
    if (value === null || value === undefined) out += 'NULL';
    else if (Array.isArray(value)) out += arrayLiteral(value);
    else {
      const text = toParam(value)!;
      out += '"' + (text.includes('"') || text.includes('\\') ? text.replace(/[\\"]/g, '\\$&') : text) + '"';
    }
  }
  return out + '}';
}

/**
 * A Bind message (unnamed portal, text parameters, text results), sized with Buffer.byteLength: PGlite's own
 * serializer measures UTF-8 lengths in a JavaScript loop per character, ~1.5 s of a 100,000-row import's commit.
 */
function bindMessage(statement: string, values: (string | null)[]): Uint8Array {
  const lengths = values.map((value) => (value === null ? -1 : Buffer.byteLength(value)));
  let size = 4 + 1 + Buffer.byteLength(statement) + 1 + 2 + 2 + 2;
  for (const length of lengths) size += 4 + Math.max(length, 0);
  const message = Buffer.allocUnsafe(1 + size);
  let offset = message.writeUInt8(0x42, 0); // 'B'
  offset = message.writeInt32BE(size, offset);
  offset = message.writeUInt8(0, offset); // portal ''
  offset += message.write(statement, offset);
  offset = message.writeUInt8(0, offset);
  offset = message.writeInt16BE(0, offset); // every parameter in text format
  offset = message.writeInt16BE(values.length, offset);
  for (let i = 0; i < values.length; i++) {
    offset = message.writeInt32BE(lengths[i]!, offset);
    if (lengths[i]! > 0) offset += message.write(values[i]!, offset);
  }
  message.writeInt16BE(0, offset); // every result column in text format
  return message;
}

/**
 * The first column of the first DataRow in a raw protocol answer, copied into a buffer of its own; null for NULL or
 * no row. An ErrorResponse throws with the server's message and SQLSTATE code.
 */
function firstValueOf(raw: Uint8Array): Uint8Array | null {
  const view = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  let value: Uint8Array | null = null;
  let seen = false;
  for (let at = 0; at + 5 <= view.length;) {
    const type = view[at]!;
    const end = at + 1 + view.readInt32BE(at + 1);
    if (type === 0x44 && !seen) {
      // DataRow: int16 columns, then each column's int32 length (-1: NULL) and bytes.
      seen = true;
      const columns = view.readInt16BE(at + 5);
      const length = columns > 0 ? view.readInt32BE(at + 7) : -1;
      if (length >= 0) {
        const bytes = Buffer.allocUnsafeSlow(length);
        view.copy(bytes, 0, at + 11, at + 11 + length);
        value = bytes;
      }
    } else if (type === 0x45) {
      // ErrorResponse: fields of a code byte and a zero-ended text, until a zero byte.
      const fields: Record<string, string> = {};
      for (let f = at + 5; f < end && view[f] !== 0;) {
        const stop = view.indexOf(0, f + 1);
        fields[String.fromCharCode(view[f]!)] = view.toString('utf8', f + 1, stop);
        f = stop + 1;
      }
      throw Object.assign(new Error(fields.M ?? 'the statement failed'), { code: fields.C });
    }
    at = end;
  }
  return value;
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The PGlite client behind a Drizzle handle made by client.ts, or null (PostgreSQL, or a transaction's handle). */
export function preparedPgliteOf(db: object): PreparedPglite | null {
  const client = (db as { $client?: unknown }).$client;
  return client instanceof PreparedPglite ? client : null;
}
