import { Pool } from 'pg';
import { createSchemaOnce } from '@tdnv/coordination';
import { Readable } from 'node:stream';
import { ATTACHMENT_ID, isSha256, StoredAttachment } from './attachment';
import { AttachmentStore } from './attachment-store.port';

const DDL = [
  'CREATE TABLE IF NOT EXISTS attachment_blobs (sha256 TEXT PRIMARY KEY, bytes BYTEA NOT NULL)',
  `CREATE TABLE IF NOT EXISTS attachments (
    id TEXT PRIMARY KEY, task_id TEXT NOT NULL, name TEXT NOT NULL, size BIGINT NOT NULL, sha256 TEXT NOT NULL REFERENCES attachment_blobs (sha256),
    content_type TEXT NOT NULL, uploaded_at TEXT NOT NULL, uploaded_by TEXT NOT NULL)`,
];

interface Row {
  id: string;
  task_id: string;
  name: string;
  size: string;
  sha256: string;
  content_type: string;
  uploaded_at: string;
  uploaded_by: string;
}

/**
 * Attachments in PostgreSQL (bytea: files are at most tens of MB), for several API instances. The
 * URL is READ_MODEL_URL's; its `schema` parameter puts the tables in that schema, as for the read models.
 */
export class PostgresAttachmentStore implements AttachmentStore {
  private ready?: Promise<void>;

  private constructor(
    private readonly pool: Pool,
    private readonly schema?: string,
  ) {}

  static open(url: string): PostgresAttachmentStore {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema') ?? undefined;
    parsed.searchParams.delete('schema');
    if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`READ_MODEL_URL: invalid schema name "${schema}"`);
    const pool = new Pool({ connectionString: parsed.toString(), max: 4, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
    return new PostgresAttachmentStore(pool, schema);
  }

  /** Tables are created on first use; IF NOT EXISTS lets several instances start at once. */
  private init(): Promise<void> {
    this.ready ??= (async () => {
      if (this.schema) await createSchemaOnce(this.pool, this.schema);
      for (const sql of DDL) await this.pool.query(sql);
    })().catch((e: unknown) => {
      this.ready = undefined;
      throw e;
    });
    return this.ready;
  }

  async save(meta: StoredAttachment, bytes: Buffer): Promise<void> {
    await this.init();
    await this.pool.query('INSERT INTO attachment_blobs (sha256, bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING', [
      meta.sha256,
      bytes,
    ]);
    await this.pool.query(
      'INSERT INTO attachments (id, task_id, name, size, sha256, content_type, uploaded_at, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [meta.id, meta.taskId, meta.name, meta.size, meta.sha256, meta.contentType, meta.uploadedAt, meta.uploadedBy],
    );
  }

  async find(id: string): Promise<StoredAttachment | undefined> {
    if (!ATTACHMENT_ID.test(id)) return undefined;
    await this.init();
    const { rows } = await this.pool.query<Row>('SELECT * FROM attachments WHERE id = $1', [id]);
    const r = rows[0];
    return (
      r && {
        id: r.id,
        taskId: r.task_id,
        name: r.name,
        size: Number(r.size),
        sha256: r.sha256,
        contentType: r.content_type,
        uploadedAt: r.uploaded_at,
        uploadedBy: r.uploaded_by,
      }
    );
  }

  async open(sha256: string): Promise<Readable | undefined> {
    if (!isSha256(sha256)) return undefined;
    await this.init();
    const { rows } = await this.pool.query<{ bytes: Buffer }>('SELECT bytes FROM attachment_blobs WHERE sha256 = $1', [sha256]);
    return rows[0] ? Readable.from([rows[0].bytes]) : undefined;
  }

  /** Drops the schema (tests). */
  async dropSchema(): Promise<void> {
    if (this.schema) await this.pool.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
