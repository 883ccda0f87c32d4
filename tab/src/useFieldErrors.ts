import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiProblem } from './api.ts';

/** What a Field needs to show its server verdict and to be found when the person changes it. */
export interface FieldBinding {
  validationMessage: string | undefined;
  'data-field': string;
}
export type BindField = (name: string, ...aliases: string[]) => FieldBinding;

/**
 * The server's verdicts on a form's fields, beside each field. A field's message goes as soon as
 * the person changes that field (the server checks it again when it is next saved), and after a
 * refusal focus moves to the first field named, so nobody is left on the button wondering.
 */
const asNamed = (field: string) => field;

export function useFieldErrors(rename: (field: string) => string = asNamed) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Whether the last refusal was about fields, so the form need not repeat it as a general notice.
  const [aboutFields, setAboutFields] = useState(false);
  const container = useRef<HTMLFormElement>(null);
  const focusFirst = useRef(false);
  useEffect(() => {
    if (!focusFirst.current) return;
    focusFirst.current = false;
    container.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const changed = (event: FormEvent) => {
    const names = (event.target as Element).closest('[data-field]')?.getAttribute('data-field')?.split(' ') ?? [];
    if (!names.some((name) => name in errors)) return;
    setErrors((now) => Object.fromEntries(Object.entries(now).filter(([field]) => !names.includes(field))));
  };
  const field: BindField = (name, ...aliases) => ({
    validationMessage: [name, ...aliases].map((n) => errors[n]).find(Boolean),
    'data-field': [name, ...aliases].join(' '),
  });
  /** Marks the fields a refusal names; `focus: false` while someone is typing (an autosave). */
  const refused = useCallback(
    (err: unknown, { focus = true }: { focus?: boolean } = {}) => {
      if (!(err instanceof ApiProblem)) return;
      const named = Object.entries(err.fieldErrors()).map(([f, problem]) => [rename(f), problem] as const);
      focusFirst.current = focus && named.length > 0;
      setAboutFields(named.length > 0);
      setErrors(Object.fromEntries(named));
    },
    [rename],
  );
  const clear = useCallback(() => {
    setErrors({});
    setAboutFields(false);
  }, []);
  return {
    errors,
    aboutFields,
    field,
    refused,
    clear,
    /** Spread on the <form>: changes anywhere inside it clear the changed field's message. */
    formProps: { ref: container, onChangeCapture: changed },
  };
}
