import type { RouterOutputs } from "@hearth/api";

type SettingField = RouterOutputs["settings"]["organization"]["fields"][number];
/** What the form holds for a setting: a switch, one choice, or several. */
export type SettingValue = boolean | string | string[];

/**
 * One of the customer's settings: a switch, one choice of several, or a set of choices. Where the
 * operator fixed it, or the person may not change settings, it is shown and not editable.
 */
export function SettingInput({
  field,
  value,
  onChange,
  disabled,
  errors,
}: {
  field: SettingField;
  value: SettingValue;
  onChange: (value: SettingValue) => void;
  disabled: boolean;
  errors: readonly string[] | undefined;
}) {
  const id = `setting-${field.knob}`;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const described = [field.help || field.fixedByOperator ? helpId : null, errors ? errorId : null]
    .filter(Boolean)
    .join(" ");
  const locked = disabled || field.fixedByOperator;
  const help = (
    <>
      {field.help || field.fixedByOperator ? (
        <p id={helpId} className="text-xs text-slate-500">
          {field.fixedByOperator
            ? `Fixed by the platform operator for your organization: ${field.valueLabel}.`
            : field.help}
        </p>
      ) : null}
      {errors ? (
        <p id={errorId} className="text-sm text-red-600">
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
  if (field.kind === "boolean")
    return (
      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            checked={value === true}
            disabled={locked}
            aria-describedby={described || undefined}
            onChange={(event) => onChange(event.target.checked)}
          />
          {field.label}
        </label>
        {help}
      </div>
    );
  const options = field.options ?? [];
  const many = field.kind === "list";
  const chosen = Array.isArray(value) ? value : [String(value)];
  return (
    <fieldset className="space-y-1" aria-describedby={described || undefined}>
      <legend className="text-sm font-medium text-slate-800">{field.label}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
        {options.map((option) => (
          <label key={option} className="flex items-center gap-1.5">
            <input
              type={many ? "checkbox" : "radio"}
              name={field.knob}
              value={option}
              checked={chosen.includes(option)}
              disabled={locked}
              onChange={(event) =>
                onChange(
                  many
                    ? options.filter((o) =>
                        o === option ? event.target.checked : chosen.includes(o),
                      )
                    : option,
                )
              }
            />
            {field.optionLabels?.[option] ?? option}
          </label>
        ))}
      </div>
      {help}
    </fieldset>
  );
}
