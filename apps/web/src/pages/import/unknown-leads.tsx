import { AgencyIndex, agencyName } from '../../api/agencies';
import { AgencyRef, UnresolvedAgency } from '../../api/types';
import { ErrorAlert } from '../../components/alert';
import { Row, unmappedLeads } from './import-model';
import { KIND_WORDS } from './row-warnings';

/** One name outside the catalogue on one row: the key of its request and its error on the page. */
export const unknownKey = (r: Row, u: UnresolvedAgency) => `${r.path}|${u.name}`;

interface Props {
  row: Row;
  agencies?: AgencyIndex;
  /** The key of the "add as a unit" request under way, if any. */
  adding?: string;
  /** The answer of a refused request, by key (a problem+json shown in Vietnamese). */
  errors: Record<string, unknown>;
  /** Take a catalogue agency (the probable parent) as the lead for this name. */
  onMap: (u: UnresolvedAgency, code: string) => void;
  /** Add the name to the catalogue as a unit of its parent, then make it the lead. */
  onAddUnit: (u: UnresolvedAgency) => void;
}

/**
 * The leads a document names that the catalogue does not hold (a Sở, a commune, a ministry's Vụ):
 * each with what it probably is, and two steps of one click each: add it as a unit of its parent,
 * or give the task to the parent itself. Any other agency is chosen in the lead picker above.
 */
export function UnknownLeads({ row, agencies, adding, errors, onMap, onAddUnit }: Props) {
  const all = row.parsed.unresolvedLead ?? [];
  if (all.length === 0) return null;
  const pending = unmappedLeads(row);
  const nameOf = (ref: AgencyRef) => (agencies?.get(ref.code) ? agencyName(agencies, ref.code) : ref.name);
  return (
    <ul class="unknown-leads" aria-label={`Cơ quan chủ trì chưa có trong danh mục, chỉ đạo ${row.path}`}>
      {all.map((u) => {
        const key = unknownKey(row, u);
        const mapped = row.mapped[u.name];
        if (mapped)
          return (
            <li key={u.name} data-unknown={u.name} class="done">
              {mapped === u.proposedUnit?.code
                ? `✓ Đã thêm “${u.name}” vào danh mục, là đơn vị của ${agencyName(agencies, u.proposedUnit.parent)}.`
                : `✓ “${u.name}”: giao cho ${agencyName(agencies, mapped)}.`}
            </li>
          );
        if (!pending.includes(u))
          return (
            <li key={u.name} data-unknown={u.name} class="done">
              “{u.name}”: đã chọn cơ quan chủ trì trong ô trên.
            </li>
          );
        const parent = u.probableParent;
        const unitParent = u.proposedUnit && { code: u.proposedUnit.parent, name: u.probableParent?.name ?? u.proposedUnit.parent };
        return (
          <li key={u.name} data-unknown={u.name}>
            <p>
              ⚠ “{u.name}” chưa có trong danh mục cơ quan
              {describe(KIND_WORDS[u.kind], parent && nameOf(parent))}.
            </p>
            <div class="actions">
              {u.proposedUnit && unitParent && (
                <button type="button" disabled={!!adding || row.drop} onClick={() => onAddUnit(u)}>
                  {adding === key ? 'Đang thêm…' : `Thêm «${u.name}» làm đơn vị của ${nameOf(unitParent)}`}
                </button>
              )}
              {parent && (
                <button type="button" disabled={!!adding || row.drop} onClick={() => onMap(u, parent.code)}>
                  Giao cho {nameOf(parent)}
                </button>
              )}
            </div>
            <p class="hint">Hoặc chọn cơ quan khác trong ô “Chủ trì”.</p>
            <ErrorAlert error={errors[key]} />
          </li>
        );
      })}
    </ul>
  );
}

/** " (một đơn vị thuộc Bộ; cấp trên có thể là Bộ Tư pháp)": what the name probably is, where it belongs. */
function describe(kind: string | undefined, parent: string | null | undefined): string {
  const parts = [kind, parent && `cấp trên có thể là ${parent}`].filter(Boolean);
  return parts.length ? ` (${parts.join('; ')})` : '';
}
