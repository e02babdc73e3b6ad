import { agencyName, useAgencies } from '../api/agencies';

/** An agency as a person reads it: its name (short where space is tight); the code only in the tooltip. */
export function AgencyName({ code, short = false }: { code: string; short?: boolean }) {
  const index = useAgencies();
  const a = index?.get(code);
  return <span title={a ? `${a.name} (${code})` : undefined}>{agencyName(index, code, short)}</span>;
}

/** Several agencies, separated by "; ". */
export function AgencyNames({ codes, short = false }: { codes: string[]; short?: boolean }) {
  return (
    <>
      {codes.map((c, i) => (
        <span key={c}>
          {i > 0 && '; '}
          <AgencyName code={c} short={short} />
        </span>
      ))}
    </>
  );
}
