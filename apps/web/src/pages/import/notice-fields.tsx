import { DateInput } from '../../components/date-input';
import { Field, InputField } from '../../components/field';

/** A notice's number and date of issue (YYYY-MM-DD), as typed. */
export interface NoticeIdentity {
  number: string;
  issuedAt: string;
}

export const NO_IDENTITY: NoticeIdentity = { number: '', issuedAt: '' };

interface Props {
  /** Prefix of the controls' ids (the source form and the preview each have theirs). */
  idPrefix: string;
  /** Said after each label ("(nếu văn bản không ghi)" before parsing). */
  labelSuffix?: string;
  value: NoticeIdentity;
  onChange: (value: NoticeIdentity) => void;
  errors: Record<string, string>;
}

/** A notice's number and date of issue, side by side, each with the server's message beside it. */
export function NoticeNumberAndDate({ idPrefix, labelSuffix, value, onChange, errors }: Props) {
  const suffix = labelSuffix ? ` ${labelSuffix}` : '';
  const dateId = `${idPrefix}-date`;
  return (
    <div class="row">
      <InputField
        id={`${idPrefix}-number`}
        label={`Số hiệu${suffix}`}
        error={errors.number}
        value={value.number}
        placeholder="45/TB-VPCP"
        onValue={(number) => onChange({ ...value, number })}
      />
      <Field id={dateId} label={`Ngày ban hành${suffix}`} error={errors.issuedAt}>
        <DateInput
          id={dateId}
          value={value.issuedAt}
          onChange={(v) => onChange({ ...value, issuedAt: v ?? '' })}
          invalid={!!errors.issuedAt}
          describedBy={errors.issuedAt ? `${dateId}-error` : undefined}
        />
      </Field>
    </div>
  );
}
