import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '@tdnv/config';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/**
 * docker/compose.yaml cannot run here (no Docker): CI checks it against the Compose Specification's
 * JSON schema (docker/compose-spec.schema.json, from compose-spec/compose-spec) and keeps it in
 * step with the README's configuration table and the configuration loader.
 */
describe('docker/compose.yaml', () => {
  const compose = parse(read('docker/compose.yaml'), { merge: true }) as Record<string, any>;
  const services = compose.services as Record<string, any>;

  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  // Its `$schema` names draft-07 by an https URL Ajv does not know; the schema itself is draft-07.
  const { $schema: _draft, ...schema } = JSON.parse(read('docker/compose-spec.schema.json'));
  const validate = ajv.compile(schema);

  it('is a valid Compose file', () => {
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check would catch a mistake (a misspelt key, a wrong type)', () => {
    expect(validate({ services: { api: { image: 'x', restrat: 'always' } } })).toBe(false);
    expect(validate({ services: { api: { image: 'x', ports: 8080 } } })).toBe(false);
  });

  it('runs 2 API replicas behind the proxy and 2 workers on PostgreSQL and Redis', () => {
    const apis = Object.keys(services).filter((name) => services[name].command?.includes('dist/apps/api/src/main.js'));
    expect(apis).toHaveLength(2);
    expect(services.worker.command).toContain('dist/apps/worker/src/main.js');
    expect(services.worker.deploy.replicas).toBe(2);
    const nginx = read('docker/nginx.conf');
    for (const api of apis) expect(nginx).toContain(`server ${api}:3000`);
    expect(services.proxy.volumes[0]).toContain('nginx.conf');
    for (const name of [...apis, 'worker']) {
      expect(services[name].environment.EVENTSTORE_URL).toMatch(/^postgres:\/\/.*schema=events$/);
      expect(services[name].environment.READ_MODEL_URL).toMatch(/^postgres:\/\/.*schema=read_models$/);
    }
    expect(services.redis.command).toEqual(expect.arrayContaining(['--maxmemory-policy', 'noeviction']));
  });

  it('sets only variables of the README configuration table, with values the configuration accepts', () => {
    const documented = new Set(
      [...read('README.md').matchAll(/^\| `([A-Z_]+)`(?:, `([A-Z_]+)`)? \|/gm)].flatMap((m) => [m[1], m[2]].filter(Boolean)),
    );
    for (const [name, service] of Object.entries(services)) {
      if (!service.command?.some((part: string) => part.startsWith('dist/apps/'))) continue;
      const env = Object.fromEntries(
        Object.entries(service.environment as Record<string, string>).map(([key, value]) => [
          key,
          String(value).replace(/^\$\{JWT_SECRET:\?.*\}$/, 'x'.repeat(40)),
        ]),
      );
      const undocumented = Object.keys(env).filter((key) => key !== 'NODE_ENV' && !documented.has(key));
      expect([name, undocumented]).toEqual([name, []]);
      expect(() => loadConfig(env)).not.toThrow();
    }
  });
});
