import { useField } from "formik";
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

interface FieldFrameProps {
  readonly id: string;
  readonly label: string;
  readonly error: string | undefined;
  readonly hint?: string;
  readonly children: ReactNode;
}

/** Label, control and its error, wired with aria-invalid/aria-describedby so screen readers read the problem. */
function FieldFrame({ id, label, error, hint, children }: FieldFrameProps) {
  return (
    <div className={`form-field${error ? " form-field--invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <small id={`${id}-hint`} className="form-field__hint">
          {hint}
        </small>
      ) : null}
      {error ? (
        <small id={`${id}-error`} className="form-field__error" role="alert">
          {error}
        </small>
      ) : null}
    </div>
  );
}

function describedBy(id: string, error: string | undefined, hint: string | undefined): string | undefined {
  const ids = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/** Shows a field's error once it was touched or the form was submitted (Formik sets touched on submit). */
function useFieldWithError(name: string) {
  const [field, meta] = useField<string>(name);
  const error = meta.touched && meta.error ? meta.error : undefined;
  return { field, error };
}

type TextFieldProps = { readonly name: string; readonly label: string; readonly hint?: string } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "name" | "id" | "value"
>;

/** A Formik text/number/date/email input with its label and error. */
export function TextField({ name, label, hint, ...rest }: TextFieldProps) {
  const id = useId();
  const { field, error } = useFieldWithError(name);
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <input id={id} {...field} value={field.value ?? ""} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...rest} />
    </FieldFrame>
  );
}

type TextAreaFieldProps = { readonly name: string; readonly label: string } & Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  "name" | "id" | "value"
>;

export function TextAreaField({ name, label, ...rest }: TextAreaFieldProps) {
  const id = useId();
  const { field, error } = useFieldWithError(name);
  return (
    <FieldFrame id={id} label={label} error={error}>
      <textarea id={id} {...field} value={field.value ?? ""} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, undefined)} {...rest} />
    </FieldFrame>
  );
}

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

type SelectFieldProps = {
  readonly name: string;
  readonly label: string;
  readonly options: readonly SelectOption[];
  /** Text of the empty choice; omit to force a choice. */
  readonly placeholder?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id" | "value">;

/** A Formik select over catalog options; values are strings (ids are converted on submit). */
export function SelectField({ name, label, options, placeholder, ...rest }: SelectFieldProps) {
  const id = useId();
  const { field, error } = useFieldWithError(name);
  return (
    <FieldFrame id={id} label={label} error={error}>
      <select id={id} {...field} value={field.value ?? ""} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, undefined)} {...rest}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
