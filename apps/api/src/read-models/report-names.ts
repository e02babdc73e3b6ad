import { AgencyDirectory } from '@tdnv/agency-directory';
import { Names } from '@tdnv/read-models';

/** How the dashboards and reports name agencies and groups: by the directory's names now. */
export async function reportNames(agencies: AgencyDirectory): Promise<Names & { group(code: string): string | undefined }> {
  const snapshot = await agencies.snapshot();
  const groups = new Map(snapshot.list().flatMap((item) => (item.kind === 'group' ? [[item.code, item.name] as const] : [])));
  return { agency: (code: string) => snapshot.agency(code)?.name, group: (code: string) => groups.get(code) };
}
